/// Formats a `Double` as C's `printf("%.*g", precision, value)` does with glibc, which is also
/// what a C++ `ostream` prints after `precision(p)` in its default float notation. Ceph's JSON
/// formatter prints every double that way with precision 17 (`max_digits10`).
///
/// The decimal expansion is exact (a double is an integer times a power of two, so it has a
/// finite decimal expansion), and rounding to `precision` significant digits is to nearest,
/// ties to even, as glibc does in the default rounding mode. Then `%g` picks the notation:
/// exponential (`1.52587890625e-05`) when the decimal exponent is below -4 or at least
/// `precision`, fixed (`60000.12109375`) otherwise, and drops trailing zeros and a bare point.
enum CStyleDoubleFormat {
    static func general(_ value: Double, precision requested: Int = 17) -> String {
        let precision = max(requested, 1)
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value.sign == .minus ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0" }

        // |value| = digits × 10^pointExponent, exactly.
        var (digits, pointExponent) = exactDecimal(of: value.magnitude)
        // Decimal exponent of the leading digit.
        var exponent = digits.count - 1 + pointExponent
        if digits.count > precision {
            let roundUp: Bool
            let next = digits[precision]
            if next > 5 {
                roundUp = true
            } else if next < 5 {
                roundUp = false
            } else if digits[(precision + 1)...].contains(where: { $0 != 0 }) {
                roundUp = true
            } else {
                roundUp = digits[precision - 1] % 2 == 1
            }
            digits.removeLast(digits.count - precision)
            if roundUp {
                var i = precision - 1
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
                    // 99…9 carried into a new leading 1.
                    digits.insert(1, at: 0)
                    digits.removeLast()
                    exponent += 1
                }
            }
        }
        // Significant digits without trailing zeros (%g without '#').
        while digits.count > 1 && digits.last == 0 { digits.removeLast() }
        let text = digits.map { Character(Unicode.Scalar($0 + 48)) }

        if exponent < -4 || exponent >= precision {
            var out = sign + String(text[0])
            if text.count > 1 { out += "." + String(text[1...]) }
            out += exponent < 0 ? "e-" : "e+"
            let magnitude = exponent.magnitude
            out += magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
            return out
        }
        if exponent < 0 {
            return sign + "0." + String(repeating: "0", count: -exponent - 1) + String(text)
        }
        if text.count <= exponent + 1 {
            return sign + String(text) + String(repeating: "0", count: exponent + 1 - text.count)
        }
        return sign + String(text[...exponent]) + "." + String(text[(exponent + 1)...])
    }

    /// The exact decimal expansion of a finite, positive double: its decimal digits (no leading
    /// zeros) and the power of ten of the last one.
    private static func exactDecimal(of value: Double) -> (digits: [UInt8], pointExponent: Int) {
        var significand = value.significandBitPattern
        var binaryExponent = Int(value.exponentBitPattern)
        if binaryExponent == 0 {
            binaryExponent = 1  // subnormal
        } else {
            significand |= 1 << 52
        }
        binaryExponent -= 1075  // value = significand × 2^binaryExponent
        var number = LimbNumber(significand)
        if binaryExponent >= 0 {
            number.shiftLeft(by: binaryExponent)
            return (number.decimalDigits(), 0)
        }
        // m / 2^k = m × 5^k / 10^k
        var k = -binaryExponent
        while k >= 13 {
            number.multiply(by: 1_220_703_125)  // 5^13
            k -= 13
        }
        var power: UInt32 = 1
        for _ in 0..<k { power *= 5 }
        number.multiply(by: power)
        var digits = number.decimalDigits()
        var pointExponent = binaryExponent
        // Drop trailing zeros of the integer so that the digit count stays small.
        while digits.count > 1 && digits.last == 0 {
            digits.removeLast()
            pointExponent += 1
        }
        return (digits, pointExponent)
    }
}

/// An unsigned integer of any size, as little-endian 32-bit limbs: just enough arithmetic to
/// expand a double exactly in decimal.
private struct LimbNumber {
    var limbs: [UInt32]

    init(_ value: UInt64) {
        limbs = [UInt32(truncatingIfNeeded: value), UInt32(truncatingIfNeeded: value >> 32)]
        trim()
    }

    mutating func trim() {
        while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    }

    mutating func multiply(by factor: UInt32) {
        var carry: UInt64 = 0
        for i in limbs.indices {
            let product = UInt64(limbs[i]) * UInt64(factor) + carry
            limbs[i] = UInt32(truncatingIfNeeded: product)
            carry = product >> 32
        }
        if carry != 0 { limbs.append(UInt32(carry)) }
    }

    mutating func shiftLeft(by bits: Int) {
        let whole = bits / 32
        let part = UInt32(bits % 32)
        if part != 0 {
            var carry: UInt32 = 0
            for i in limbs.indices {
                let limb = limbs[i]
                limbs[i] = limb << part | carry
                carry = limb >> (32 - part)
            }
            if carry != 0 { limbs.append(carry) }
        }
        limbs.insert(contentsOf: repeatElement(0, count: whole), at: 0)
        trim()
    }

    /// Divides in place by `divisor` and returns the remainder.
    mutating func divide(by divisor: UInt32) -> UInt32 {
        var remainder: UInt64 = 0
        for i in limbs.indices.reversed() {
            let current = remainder << 32 | UInt64(limbs[i])
            limbs[i] = UInt32(current / UInt64(divisor))
            remainder = current % UInt64(divisor)
        }
        trim()
        return UInt32(remainder)
    }

    var isZero: Bool { limbs.count == 1 && limbs[0] == 0 }

    /// Decimal digits, most significant first ("0" for zero).
    func decimalDigits() -> [UInt8] {
        var copy = self
        var chunks: [UInt32] = []
        repeat {
            chunks.append(copy.divide(by: 1_000_000_000))
        } while !copy.isZero
        var digits: [UInt8] = []
        for (n, chunk) in chunks.reversed().enumerated() {
            var chunkDigits: [UInt8] = []
            var c = chunk
            repeat {
                chunkDigits.append(UInt8(c % 10))
                c /= 10
            } while c != 0
            if n > 0 {
                chunkDigits.append(contentsOf: repeatElement(0, count: 9 - chunkDigits.count))
            }
            digits.append(contentsOf: chunkDigits.reversed())
        }
        return digits
    }
}
