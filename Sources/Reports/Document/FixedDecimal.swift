import CRUSH

/// The report's fixed number formatting, on CRUSH's exact `DecimalFormat` (`%.Nf`), so every
/// machine prints the same digits.
enum FixedDecimal {
    /// `value` with `decimals` decimals; "-0.0" becomes "0.0".
    static func text(_ value: Double, decimals: Int) -> String {
        let s = DecimalFormat.fixed(value, decimals: decimals)
        if s.hasPrefix("-"), s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(s.dropFirst()) }
        return s
    }

    /// The shortest of 0, 1 or 2 decimals that loses nothing at 2 decimals (axis ticks: 0, 2.5, 0.25).
    static func compact(_ value: Double) -> String {
        var s = text(value, decimals: 2)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }
}
