/// 16.16 fixed-point weights printed exactly as crushtool prints them.
///
/// crushtool's `print_fixedpoint` does `snprintf("%.3f", (float)w / (float)0x10000)` with the
/// weight as a C `int`: the weight is read as signed, rounded to the nearest `float` (which
/// matters above 2^24), divided by 2^16 (exact), and printed by glibc (`DecimalFormat`).
enum FixedPointFormat {
    /// `%.3f` of `(float)Int32(bitPattern: weight) / 65536`.
    static func threeDecimals(_ weight: UInt32) -> String {
        DecimalFormat.fixed(Double(Float(Int32(bitPattern: weight))) / 65536, decimals: 3)
    }

    /// What `std::ostream << (float)w / (float)0x10000` prints for an unsigned weight
    /// (default stream precision: `%g` with 6 significant digits).
    static func streamFloat(_ weight: UInt32) -> String {
        DecimalFormat.general(Double(Float(weight) / Float(0x10000)))
    }
}
