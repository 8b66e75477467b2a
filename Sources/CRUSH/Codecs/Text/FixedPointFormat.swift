/// Decimal formatting of 16.16 fixed-point weights exactly as crushtool prints them, without
/// Foundation.
///
/// crushtool's `print_fixedpoint` does `snprintf("%.3f", (float)w / (float)0x10000)` with the
/// weight as a C `int`: the weight is read as signed, rounded to the nearest `float` (which
/// matters above 2^24), divided by 2^16 (exact), and printed by glibc, which rounds the exact
/// binary value to three decimals with ties to even.
enum FixedPointFormat {
    /// `%.3f` of `(float)Int32(bitPattern: weight) / 65536`.
    static func threeDecimals(_ weight: UInt32) -> String {
        threeDecimals(ofSixteenths: Int64(Float(Int32(bitPattern: weight))))
    }

    /// `%.3f` of `n / 65536` for an integer `n` (|n| <= 2^32).
    static func threeDecimals(ofSixteenths n: Int64) -> String {
        let magnitude = UInt64(n.magnitude)
        let scaled = magnitude * 1000
        var q = scaled >> 16
        let r = scaled & 0xffff
        if r > 0x8000 || (r == 0x8000 && q & 1 == 1) { q += 1 }
        let intPart = q / 1000
        let frac = q % 1000
        var fracText = String(frac)
        while fracText.count < 3 { fracText = "0" + fracText }
        return (n < 0 ? "-" : "") + String(intPart) + "." + fracText
    }

    /// What `std::ostream << (float)w / (float)0x10000` prints for an unsigned weight
    /// (default stream precision: `%g` with 6 significant digits).
    static func streamFloat(_ weight: UInt32) -> String {
        let n = UInt64(Float(weight))  // exact integer value of the float
        // n / 65536 exactly = intPart + frac/65536, frac/65536 = frac * 5^16 / 10^16.
        let intPart = n >> 16
        let fracDigits = (n & 0xffff) * 152_587_890_625  // 5^16
        var digits = Array(String(intPart).utf8).map { Int($0) - 48 }
        var fracText = Array(String(fracDigits).utf8).map { Int($0) - 48 }
        while fracText.count < 16 { fracText.insert(0, at: 0) }
        // All digits of the exact value, with the decimal exponent of the first digit.
        let intDigits = intPart == 0 ? 0 : digits.count
        if intPart == 0 { digits = [] }
        var all = digits + fracText
        var exponent = intDigits - 1  // position of the first digit relative to the point
        while let first = all.first, first == 0, all.count > 1 {
            all.removeFirst()
            exponent -= 1
        }
        if all.allSatisfy({ $0 == 0 }) { return "0" }
        // Round to 6 significant digits, ties to even (the value is exact).
        let precision = 6
        var kept = Array(all.prefix(precision))
        while kept.count < precision { kept.append(0) }
        let rest = all.count > precision ? Array(all[precision...]) : []
        var roundUp = false
        if let firstRest = rest.first {
            if firstRest > 5 {
                roundUp = true
            } else if firstRest == 5 {
                let tail = rest.dropFirst().contains { $0 != 0 }
                roundUp = tail || (kept[precision - 1] % 2 == 1)
            }
        }
        if roundUp {
            var i = precision - 1
            while i >= 0 {
                kept[i] += 1
                if kept[i] < 10 { break }
                kept[i] = 0
                i -= 1
            }
            if i < 0 {
                kept.insert(1, at: 0)
                kept.removeLast()
                exponent += 1
            }
        }
        func trimmed(_ d: [Int]) -> [Int] {
            var d = d
            while d.count > 1, d.last == 0 { d.removeLast() }
            return d
        }
        let text: (([Int]) -> String) = { String(decoding: $0.map { UInt8($0 + 48) }, as: UTF8.self) }
        if exponent < -4 || exponent >= precision {
            let m = trimmed(kept)
            var out = text([m[0]])
            if m.count > 1 { out += "." + text(Array(m[1...])) }
            let e = abs(exponent)
            out += (exponent < 0 ? "e-" : "e+") + (e < 10 ? "0" : "") + String(e)
            return out
        }
        if exponent >= 0 {
            let intDigitsOut = Array(kept.prefix(exponent + 1))
            let fracDigitsOut = trimmedFraction(Array(kept.dropFirst(exponent + 1)))
            return text(intDigitsOut) + (fracDigitsOut.isEmpty ? "" : "." + text(fracDigitsOut))
        }
        let zeros = [Int](repeating: 0, count: -exponent - 1)
        let frac = trimmedFraction(zeros + kept)
        return "0." + text(frac)
    }

    private static func trimmedFraction(_ d: [Int]) -> [Int] {
        var d = d
        while let last = d.last, last == 0 { d.removeLast() }
        return d
    }
}
