import CRUSH

/// The number formats of Ceph 16.2.15's `ceph df` and `ceph osd df` tables.
public enum CapacityFormat {
    /// `percentify` (src/mon/PGMap.cc): "0" below 0.01, else `std::fixed` with 2 decimals of
    /// the `float`.
    public static func percentify(_ value: Float) -> String {
        value < 0.01 ? "0" : DecimalFormat.fixed(Double(value), decimals: 2)
    }

    /// `lowprecision_t` (the %USE, VAR and summary figures of `ceph osd df`): "-" below −0.01,
    /// "0" below 0.001, else 2 decimals of the value as a `float`.
    public static func lowPrecision(_ value: Double) -> String {
        let v = Float(value)
        if v < -0.01 { return "-" }
        if v < 0.001 { return "0" }
        return DecimalFormat.fixed(Double(v), decimals: 2)
    }

    /// `weightf_t` (WEIGHT and REWEIGHT columns): "-" below −0.01, "0" below 0.000001, else
    /// 5 decimals.
    public static func weight(_ value: Float) -> String {
        if value < -0.01 { return "-" }
        if value < 0.000001 { return "0" }
        return DecimalFormat.fixed(Double(value), decimals: 5)
    }

    /// `byte_u_t` (include/types.h, `format_u`): bytes in the largest binary unit that keeps
    /// the integer part below 1024; exact multiples without decimals, else the most decimals
    /// (2, 1 or 0) that keep the text within 7 characters ("9.2 MiB", "105 GiB").
    public static func bytes(_ value: UInt64) -> String {
        formatUnits(value, base: 1024, units: [" B", " KiB", " MiB", " GiB", " TiB", " PiB", " EiB"])
    }

    /// `si_u_t`: the same with decimal units and no space ("40", "2.56k", "1M").
    public static func si(_ value: UInt64) -> String {
        formatUnits(value, base: 1000, units: ["", "k", "M", "G", "T", "P", "E"])
    }

    private static func formatUnits(_ value: UInt64, base: UInt64, units: [String]) -> String {
        var n = value
        var index = 0
        var mult: UInt64 = 1
        while n >= base && index < 7 {
            n /= base
            index += 1
            mult &*= base
        }
        if index == 0 { return "\(n)\(units[0])" }
        if value % mult == 0 { return "\(n)\(units[index])" }
        let quotient = Double(value) / Double(mult)
        var text = ""
        for decimals in stride(from: 2, through: 0, by: -1) {
            text = DecimalFormat.fixed(quotient, decimals: decimals) + units[index]
            if text.utf8.count <= 7 { break }
        }
        return text
    }
}
