/// A double-double number: an unevaluated sum `hi + lo` with `|lo| <= ulp(hi) / 2`, giving about
/// 106 bits of precision with plain IEEE-754 double arithmetic (Dekker, Knuth, Bailey's QD library).
///
/// CRUSH's builder calls C's `pow` while computing straw lengths. The standard library has no
/// `pow`, so `ExtendedPrecision.pow` evaluates it with ~100 bits and rounds once, which gives the
/// correctly rounded result, as glibc's `pow` does outside of vanishingly rare hard cases.
struct DoubleDouble {
    var hi: Double
    var lo: Double

    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// `a + b` exactly, as a normalized pair, assuming `|a| >= |b|`.
    @inline(__always)
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// `a + b` exactly, as a normalized pair.
    @inline(__always)
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let bb = s - a
        return DoubleDouble(s, (a - (s - bb)) + (b - bb))
    }

    /// `a * b` exactly, as a pair (the low part comes from a fused multiply-add).
    @inline(__always)
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        var r = quickTwoSum(s.hi, s.lo + t.hi)
        r = quickTwoSum(r.hi, r.lo + t.lo)
        return r
    }

    static prefix func - (a: DoubleDouble) -> DoubleDouble { DoubleDouble(-a.hi, -a.lo) }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let p = twoProduct(a.hi, b.hi)
        return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi))
    }

    static func * (a: DoubleDouble, b: Double) -> DoubleDouble {
        let p = twoProduct(a.hi, b)
        return quickTwoSum(p.hi, p.lo + a.lo * b)
    }

    static func / (a: DoubleDouble, b: Double) -> DoubleDouble {
        let q1 = a.hi / b
        let r = a - twoProduct(q1, b)
        let q2 = r.hi / b
        let r2 = r - twoProduct(q2, b)
        let q3 = r2.hi / b
        return quickTwoSum(q1, q2) + DoubleDouble(q3)
    }

    /// Multiplies by `2^n` exactly (no overflow or underflow for the values used here).
    func scaled(byPowerOfTwo n: Int) -> DoubleDouble {
        DoubleDouble(Double(sign: .plus, exponent: n, significand: hi),
                     Double(sign: .plus, exponent: n, significand: lo))
    }
}

/// Elementary functions evaluated in double-double and rounded once to `Double`.
enum ExtendedPrecision {
    /// ln 2 to about 160 bits, as three doubles.
    static let ln2 = DoubleDouble(0.6931471805599453, 2.3190468138462996e-17)
    static let ln2Tail = 5.707708438416212e-34

    /// `e^x - 1` for `|x| <= ln2/2`, as a double-double: Taylor series on `x / 2^8`,
    /// then eight doublings through `(1 + t)^2 - 1 = 2t + t^2`.
    static func expm1Reduced(_ x: DoubleDouble) -> DoubleDouble {
        let r = x.scaled(byPowerOfTwo: -8)
        // Horner: r * (1 + r/2 * (1 + r/3 * (... (1 + r/14))))
        var sum = DoubleDouble(1)
        var k = 14.0
        while k >= 2 {
            sum = DoubleDouble(1) + (r * sum) / k
            k -= 1
        }
        var t = r * sum
        for _ in 0..<8 {
            t = t.scaled(byPowerOfTwo: 1) + t * t
        }
        return t
    }

    /// `e^x` for a double-double `x`.
    static func exp(_ x: DoubleDouble) -> DoubleDouble {
        if x.hi == 0 && x.lo == 0 { return DoubleDouble(1) }
        let k = (x.hi / ln2.hi).rounded(.toNearestOrEven)
        // r = x - k * ln2, carried in double-double with the third ln2 word.
        var r = x - ln2 * k
        r = r - DoubleDouble(ln2Tail * k)
        let e = DoubleDouble(1) + expm1Reduced(r)
        return e.scaled(byPowerOfTwo: Int(k))
    }

    /// `ln x` for a finite `x > 0`, as a double-double: a double estimate from the
    /// `atanh` series, refined by one Newton step on `exp` with a second-order term.
    static func log(_ x: Double) -> DoubleDouble {
        if x == 1 { return DoubleDouble(0) }
        var m = x.significand  // [1, 2)
        var e = Int(x.exponent)
        if m > 1.4142135623730951 {
            m /= 2
            e += 1
        }
        // ln m = 2 atanh(t), t = (m - 1) / (m + 1), |t| < 0.1716
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var series = 0.0
        var n = 41.0
        while n >= 1 {
            series = 1 / n + t2 * series
            n -= 2
        }
        let y0 = Double(e) * ln2.hi + 2 * t * series
        // ln x = y0 + ln(x e^-y0) = y0 + ln(1 + d), d tiny.
        let d = exp(DoubleDouble(-y0)) * x - DoubleDouble(1)
        let correction = d - DoubleDouble(d.hi * d.hi / 2)
        return DoubleDouble(y0) + correction
    }

    /// `x^y` for finite `x > 0` and finite `y`, correctly rounded except in the rare cases
    /// where the exact result lies within about 2^-90 ulp of a rounding boundary.
    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 || x == 1 { return 1 }
        if y == 1 { return x }
        let l = log(x) * y
        if l.hi > 709.8 { return .infinity }
        if l.hi < -745.2 { return 0 }
        let r = exp(l)
        return r.hi + r.lo
    }
}
