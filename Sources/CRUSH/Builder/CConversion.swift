/// Floating-point to integer conversions as Ceph's C/C++ code performs them on x86-64
/// (gcc, SSE2): out-of-range conversions are undefined in C, and the hardware instruction
/// gcc emits (`cvttsd2si` / `cvttss2si` on a 64-bit register, keeping the low 32 bits)
/// decides the result. Matching it keeps odd inputs bit-exact with crushtool.
enum CConversion {
    /// `(__u32)d` for a `double` (truncation toward zero through a signed 64-bit conversion).
    static func doubleToUInt32(_ d: Double) -> UInt32 {
        UInt32(truncatingIfNeeded: doubleToInt64(d))
    }

    /// `(unsigned)f` for a `float`, as gcc emits it on x86-64.
    static func floatToUInt32(_ f: Float) -> UInt32 {
        UInt32(truncatingIfNeeded: floatToInt64(f))
    }

    /// `cvttsd2si` with a 64-bit destination: NaN and out-of-range give `INT64_MIN`.
    static func doubleToInt64(_ d: Double) -> Int64 {
        guard d.isFinite, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else {
            return .min
        }
        return Int64(d.rounded(.towardZero))
    }

    /// `cvttss2si` with a 64-bit destination.
    static func floatToInt64(_ f: Float) -> Int64 {
        guard f.isFinite, f >= -9.223372036854775808e18, f < 9.223372036854775808e18 else {
            return .min
        }
        return Int64(f.rounded(.towardZero))
    }
}
