/// A decimal number as written in a scenario file (`3.64`, `-4`, `0.5`): the digits as an integer
/// and how many of them follow the point, so that unit conversions stay exact.
struct DecimalQuantity: Sendable, Equatable {
    var negative: Bool
    /// The digits without the point: `3.64` is 364.
    var significand: UInt64
    /// How many digits follow the point: `3.64` has 2.
    var scale: Int

    /// Reads `[+-]digits[.digits]` and nothing else; nil for anything else or more than 19
    /// significant digits.
    init?(_ text: Substring) {
        var rest = text[...]
        negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        var value: UInt64 = 0
        var digits = 0
        var fraction = 0
        var sawPoint = false
        for c in rest.utf8 {
            if c == UInt8(ascii: ".") {
                guard !sawPoint else { return nil }
                sawPoint = true
                continue
            }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(UInt64(c - 0x30))
            guard !o1 && !o2 else { return nil }
            value = next
            digits += 1
            if sawPoint { fraction += 1 }
        }
        guard digits > 0 else { return nil }
        significand = value
        scale = fraction
    }

    var isZero: Bool { significand == 0 }

    /// `self × multiplier`, rounded half away from zero to a whole number; nil on overflow.
    /// The sign is ignored (callers reject negative values first).
    func scaled(by multiplier: UInt64) -> UInt64? {
        var divisor: UInt64 = 1
        for _ in 0..<scale {
            let (d, overflow) = divisor.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            divisor = d
        }
        let product = significand.multipliedFullWidth(by: multiplier)
        guard product.high < divisor else { return nil }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        if remainder >= divisor - remainder {
            let (rounded, overflow) = quotient.addingReportingOverflow(1)
            return overflow ? nil : rounded
        }
        return quotient
    }

    /// The value as a `Double` (for ratios; exact to the double nearest the decimal).
    var doubleValue: Double {
        var divisor = 1.0
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = Double(significand) / divisor
        return negative ? -magnitude : magnitude
    }
}

/// Splits `4TB`, `3.64 TiB` or `10Gbit/s` into its number and its unit (spaces between them are
/// allowed). The number may have a sign and a decimal point.
func splitQuantity(_ text: String) -> (number: Substring, unit: Substring) {
    let trimmed = text[...]
    var end = trimmed.startIndex
    for i in trimmed.indices {
        let c = trimmed[i]
        if c.isASCII && (c.isNumber || c == "." || ((c == "-" || c == "+") && i == trimmed.startIndex)) {
            end = trimmed.index(after: i)
        } else {
            break
        }
    }
    let number = trimmed[trimmed.startIndex..<end]
    var unit = trimmed[end...]
    while unit.first == " " { unit = unit.dropFirst() }
    return (number, unit)
}
