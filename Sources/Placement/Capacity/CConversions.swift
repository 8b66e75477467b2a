/// `(int64_t)value` as x86-64 computes it: truncation toward zero, and the "integer
/// indefinite" value `INT64_MIN` for NaN or a value out of range (where C leaves it undefined).
@inline(__always)
func cInt64(_ value: Double) -> Int64 {
    guard value.isFinite, value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0 else {
        return .min
    }
    return Int64(value.rounded(.towardZero))
}

/// `(uint64_t)value` for a non-negative `float` or `double` in range; 0 for NaN or negative
/// values and `UInt64.max` above the range (where C leaves it undefined).
@inline(__always)
func cUInt64<F: BinaryFloatingPoint>(_ value: F) -> UInt64 {
    guard !value.isNaN, value > 0 else { return 0 }
    guard value < 18_446_744_073_709_551_616.0 else { return .max }
    return UInt64(value.rounded(.towardZero))
}
