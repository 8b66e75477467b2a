/// `pow(x, y)` computed exactly as glibc's `pow` computes it on x86-64 CPUs with FMA
/// (`__pow_fma`, glibc 2.28 and later; the algorithm is Arm's optimized-routines `pow.c`):
/// a table-driven `log` in double-double, then a table-driven `exp`, with the same fused
/// multiply-adds the compiled library uses (read from its machine code), so every result is
/// bit-identical, including the rare cases where glibc's result is not the correctly rounded one.
///
/// CRUSH needs it for `crush_calc_straw` (builder.c), whose straw lengths go through `pow`.
enum LibmPow {
    private static func fma(_ a: Double, _ b: Double, _ c: Double) -> Double { c.addingProduct(a, b) }
    private static func top12(_ x: Double) -> UInt32 { UInt32(truncatingIfNeeded: x.bitPattern >> 52) }

    /// The `log_inline` step: `log(x)` as `hi + tail`, for the bits `ix` of a positive normal x.
    private static func logInline(_ ix: UInt64) -> (hi: Double, tail: Double) {
        let off: UInt64 = 0x3fe6_9555_0000_0000
        let tmp = ix &- off
        let i = Int((tmp >> 45) % 128)
        let k = Int64(bitPattern: tmp) >> 52
        let iz = ix &- (tmp & (0xfff << 52))
        let z = Double(bitPattern: iz)
        let kd = Double(Int32(truncatingIfNeeded: k))
        let entry = LibmPowTables.logTable[i]
        let a = LibmPowTables.logPoly

        let r = fma(z, entry.invc, -1.0)
        let t1 = fma(kd, LibmPowTables.ln2hi, entry.logc)
        let t2 = t1 + r
        let lo1 = fma(kd, LibmPowTables.ln2lo, entry.logctail)
        let lo2 = t1 - t2 + r
        let ar = a[0] * r
        let ar2 = r * ar
        let ar3 = r * ar2
        let hi = t2 + ar2
        let lo3 = fma(ar, r, -ar2)
        let lo4 = t2 - hi + ar2
        // p = ar3 * (A1 + r A2 + ar2 (A3 + r A4 + ar2 (A5 + r A6))), contracted as compiled.
        let q56 = fma(r, a[6], a[5])
        let q34 = fma(r, a[4], a[3])
        let q12 = fma(r, a[2], a[1])
        let inner = fma(q56, ar2, q34)
        let poly = fma(ar2, inner, q12)
        let lo = fma(ar3, poly, lo1 + lo2 + lo3 + lo4)
        let y = hi + lo
        return (y, hi - y + lo)
    }

    /// The `exp_inline` step: `e^(x + xtail)` times the sign.
    private static func expInline(_ x: Double, _ xtail: Double, signBias: UInt64) -> Double {
        var abstop = top12(x) & 0x7ff
        if abstop &- top12(0x1p-54) >= top12(512.0) &- top12(0x1p-54) {
            if abstop &- top12(0x1p-54) >= 0x8000_0000 {
                // Tiny x: 1 + x rounds correctly.
                let one = 1.0 + x
                return signBias != 0 ? -one : one
            }
            if abstop >= top12(1024.0) {
                if x.bitPattern >> 63 != 0 {
                    return signBias != 0 ? -0.0 : 0.0
                }
                return signBias != 0 ? -.infinity : .infinity
            }
            abstop = 0  // large |x|, handled by the special case below
        }
        var kd = fma(x, LibmPowTables.invln2N, LibmPowTables.shift)
        let ki = kd.bitPattern
        kd -= LibmPowTables.shift
        var r = fma(kd, LibmPowTables.negln2loN, fma(kd, LibmPowTables.negln2hiN, x))
        r = xtail + r
        let idx = Int(2 * (ki % 128))
        let top = (ki &+ signBias) << 45
        let tail = Double(bitPattern: LibmPowTables.expTable[idx])
        let sbits = LibmPowTables.expTable[idx + 1] &+ top
        let r2 = r * r
        let p23 = fma(r, LibmPowTables.c3, LibmPowTables.c2)
        let p45 = fma(r, LibmPowTables.c5, LibmPowTables.c4)
        let partial = fma(p23, r2, r + tail)
        let tmp = fma(p45, r2 * r2, partial)
        if abstop == 0 { return specialCase(tmp, sbits: sbits, ki: ki) }
        let scale = Double(bitPattern: sbits)
        return fma(tmp, scale, scale)
    }

    /// Results near overflow or in the subnormal range (`specialcase` in pow.c).
    private static func specialCase(_ tmp: Double, sbits: UInt64, ki: UInt64) -> Double {
        if ki & 0x8000_0000 == 0 {
            // k > 0: the exponent of scale might have overflowed by <= 460.
            let scale = Double(bitPattern: sbits &- (1009 << 52))
            return fma(scale, tmp, scale) * 0x1p1009
        }
        // k < 0: scale the result up so that it is not subnormal while rounding.
        let scaledBits = sbits &+ (1022 << 52)
        let scale = Double(bitPattern: scaledBits)
        var y = scale + scale * tmp
        if abs(y) < 1.0 {
            let one: Double = y < 0.0 ? -1.0 : 1.0
            var lo = scale - y + scale * tmp
            let hi = one + y
            lo = one - hi + y + lo
            y = (hi + lo) - one
            if y == 0.0 { y = Double(bitPattern: scaledBits & 0x8000_0000_0000_0000) }
        }
        return 0x1p-1022 * y
    }

    /// `checkint`: 0 if `iy` is not an integer, 1 if odd, 2 if even.
    private static func checkInt(_ iy: UInt64) -> Int {
        let e = Int(iy >> 52 & 0x7ff)
        if e < 0x3ff { return 0 }
        if e > 0x3ff + 52 { return 2 }
        if iy & ((1 << UInt64(0x3ff + 52 - e)) - 1) != 0 { return 0 }
        if iy & (1 << UInt64(0x3ff + 52 - e)) != 0 { return 1 }
        return 2
    }

    private static func zeroInfNaN(_ i: UInt64) -> Bool {
        2 &* i &- 1 >= 2 &* Double.infinity.bitPattern &- 1
    }

    static func pow(_ x: Double, _ y: Double) -> Double {
        var signBias: UInt64 = 0
        var ix = x.bitPattern
        let iy = y.bitPattern
        var topx = top12(x)
        let topy = top12(y)
        if topx &- 0x001 >= 0x7ff - 0x001 || (topy & 0x7ff) &- 0x3be >= 0x43e - 0x3be {
            // x is subnormal, zero, infinite, NaN or negative, or |y| is tiny or huge.
            if zeroInfNaN(iy) {
                if 2 &* iy == 0 { return 1.0 }
                if ix == (1.0 as Double).bitPattern { return 1.0 }
                if 2 &* ix > 2 &* Double.infinity.bitPattern || 2 &* iy > 2 &* Double.infinity.bitPattern {
                    return x + y
                }
                if 2 &* ix == 2 &* (1.0 as Double).bitPattern { return 1.0 }
                if (2 &* ix < 2 &* (1.0 as Double).bitPattern) == (iy >> 63 == 0) { return 0.0 }
                return y * y
            }
            if zeroInfNaN(ix) {
                var x2 = x * x
                if ix >> 63 != 0 && checkInt(iy) == 1 { x2 = -x2 }
                return iy >> 63 != 0 ? 1 / x2 : x2
            }
            if ix >> 63 != 0 {
                let yint = checkInt(iy)
                if yint == 0 { return .nan }
                if yint == 1 { signBias = 0x800 << 7 }
                ix &= 0x7fff_ffff_ffff_ffff
                topx &= 0x7ff
            }
            if (topy & 0x7ff) &- 0x3be >= 0x43e - 0x3be {
                if ix == (1.0 as Double).bitPattern { return 1.0 }
                if (topy & 0x7ff) < 0x3be {
                    return ix > (1.0 as Double).bitPattern ? 1.0 + y : 1.0 - y
                }
                let overflow = (ix > (1.0 as Double).bitPattern) == (topy < 0x800)
                return overflow ? .infinity : 0.0
            }
            if topx == 0 {
                // Normalize a subnormal x.
                ix = (Double(bitPattern: ix) * 0x1p52).bitPattern
                ix &= 0x7fff_ffff_ffff_ffff
                ix &-= 52 << 52
            }
        }
        let (hi, lo) = logInline(ix)
        let ehi = y * hi
        let elo = fma(y, lo, fma(hi, y, -ehi))
        return expInline(ehi, elo, signBias: signBias)
    }
}
