/// Formats binary floating-point values exactly as glibc's `printf` does (`%.Nf`, `%g`), and
/// hence as C++ streams print them, without Foundation. The value's exact decimal expansion is
/// computed (every finite double has one) and rounded half-to-even, as glibc rounds.
public enum DecimalFormat {
    /// `printf("%.<decimals>f", value)`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let exact = ExactDecimal(value)
        var digits = exact.digits
        var pointPosition = exact.pointPosition  // digits before the decimal point
        let keep = pointPosition + decimals
        if keep < 0 {
            digits = [0]
            pointPosition = 1
        } else {
            round(&digits, keeping: keep, pointPosition: &pointPosition)
        }
        var integerPart = pointPosition > 0 ? Array(digits.prefix(pointPosition)) : []
        while integerPart.count < pointPosition { integerPart.append(0) }
        if integerPart.isEmpty { integerPart = [0] }
        var fraction: [UInt8] = []
        for i in 0..<decimals {
            let index = pointPosition + i
            fraction.append(index >= 0 && index < digits.count ? digits[index] : 0)
        }
        // glibc keeps the sign of a negative value that rounds to zero ("-0.000").
        var out = exact.negative ? "-" : ""
        out += String(decoding: integerPart.map { $0 + 48 }, as: UTF8.self)
        if decimals > 0 {
            out += "." + String(decoding: fraction.map { $0 + 48 }, as: UTF8.self)
        }
        return out
    }

    /// `printf("%.<precision>g", value)`; C++ streams print a `float` or `double` this way
    /// with precision 6 by default.
    public static func general(_ value: Double, precision: Int = 6) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let p = max(precision, 1)
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        let exact = ExactDecimal(value)
        var digits = exact.digits
        var pointPosition = exact.pointPosition
        round(&digits, keeping: p, pointPosition: &pointPosition)
        let x = pointPosition - 1  // decimal exponent of the rounded value
        var out = exact.negative ? "-" : ""
        var significant = Array(digits.prefix(p))
        while significant.count < p { significant.append(0) }
        if x < -4 || x >= p {
            var mantissa = significant
            while mantissa.count > 1 && mantissa.last == 0 { mantissa.removeLast() }
            out += String(UnicodeScalar(mantissa[0] + 48))
            if mantissa.count > 1 {
                out += "." + String(decoding: mantissa.dropFirst().map { $0 + 48 }, as: UTF8.self)
            }
            out += x < 0 ? "e-" : "e+"
            let magnitude = abs(x)
            out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
            return out
        }
        // Fixed notation with p - 1 - x decimals, trailing zeros removed.
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
        if x >= 0 {
            integer = Array(significant.prefix(x + 1))
            fraction = Array(significant.dropFirst(x + 1))
        } else {
            integer = [0]
            fraction = Array(repeating: 0, count: -x - 1) + significant
        }
        while fraction.last == 0 { fraction.removeLast() }
        out += String(decoding: integer.map { $0 + 48 }, as: UTF8.self)
        if !fraction.isEmpty {
            out += "." + String(decoding: fraction.map { $0 + 48 }, as: UTF8.self)
        }
        return out
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? (value.sign == .minus ? "-nan" : "nan") : (value < 0 ? "-inf" : "inf")
    }

    /// Rounds `digits` (most significant first, no leading zeros unless the value is zero) to
    /// `keeping` digits, half to even on exact ties; a carry can add a leading digit.
    private static func round(_ digits: inout [UInt8], keeping: Int, pointPosition: inout Int) {
        guard keeping < digits.count else { return }
        if keeping < 0 {
            digits = [0]
            return
        }
        let first = digits[keeping]
        let restNonZero = digits[(keeping + 1)...].contains { $0 != 0 }
        let previousOdd = keeping > 0 && digits[keeping - 1] % 2 == 1
        let roundUp = first > 5 || (first == 5 && (restNonZero || previousOdd))
        digits.removeSubrange(keeping...)
        if roundUp {
            var i = keeping - 1
            while i >= 0 {
                if digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                } else {
                    digits[i] += 1
                    break
                }
            }
            if i < 0 {
                digits.insert(1, at: 0)
                pointPosition += 1
            }
        }
        if digits.isEmpty { digits = [0] }
    }
}

/// The exact decimal expansion of a finite double: `0.d1d2d3… × 10^pointPosition`.
struct ExactDecimal {
    var negative: Bool
    var digits: [UInt8]
    var pointPosition: Int

    init(_ value: Double) {
        negative = value.sign == .minus
        let magnitude = abs(value)
        if magnitude == 0 {
            digits = [0]
            pointPosition = 1
            return
        }
        let significand = magnitude.significandBitPattern | (magnitude.isNormal ? 1 << 52 : 0)
        let exponent = (magnitude.isNormal ? Int(magnitude.exponent) : -1022) - 52
        // value = significand × 2^exponent.
        var big = BigDecimalDigits(significand)
        var fractionDigits = 0
        if exponent >= 0 {
            for _ in 0..<exponent { big.multiply(by: 2) }
        } else {
            // significand / 2^k = significand × 5^k / 10^k
            for _ in 0..<(-exponent) { big.multiply(by: 5) }
            fractionDigits = -exponent
        }
        var all = big.decimalDigits()
        if all.count <= fractionDigits {
            all = Array(repeating: 0, count: fractionDigits - all.count + 1) + all
        }
        pointPosition = all.count - fractionDigits
        // Strip leading zeros, moving the point.
        var leading = 0
        while leading < all.count - 1 && all[leading] == 0 { leading += 1 }
        all.removeFirst(leading)
        pointPosition -= leading
        digits = all
    }
}

/// A nonnegative integer in base 10^9 limbs, least significant first; just enough to
/// expand doubles exactly.
struct BigDecimalDigits {
    private var limbs: [UInt32]
    private static let base: UInt64 = 1_000_000_000

    init(_ value: UInt64) {
        limbs = []
        var v = value
        repeat {
            limbs.append(UInt32(v % Self.base))
            v /= Self.base
        } while v > 0
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(product % Self.base)
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(UInt32(carry % Self.base))
            carry /= Self.base
        }
    }

    func decimalDigits() -> [UInt8] {
        var out: [UInt8] = []
        for (i, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var v = limb
            for j in stride(from: 8, through: 0, by: -1) {
                chunk[j] = UInt8(v % 10)
                v /= 10
            }
            if i == 0 {
                let firstNonZero = chunk.firstIndex { $0 != 0 } ?? 8
                out += chunk[firstNonZero...]
            } else {
                out += chunk
            }
        }
        return out
    }
}
