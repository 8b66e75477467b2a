import CRUSH
import Placement

/// The report's spelling of figures: bytes as `ceph df` prints them (`CapacityFormat.bytes`),
/// percentages and ratios with two decimals, days as whole days.
enum ReportFigures {
    static func bytes(_ n: UInt64) -> ReportTable.Cell {
        ReportTable.Cell(CapacityFormat.bytes(n), value: .integer(Int64(clamping: n)))
    }

    static func percent(_ p: Double) -> ReportTable.Cell {
        ReportTable.Cell(FixedDecimal.text(p, decimals: 2), value: .decimal(p, decimals: 2))
    }

    static func percentText(_ p: Double) -> String { FixedDecimal.text(p, decimals: 2) + "%" }

    static func ratioPercent(_ r: Float) -> String { FixedDecimal.compact(Double(r) * 100) + "%" }

    static func decimal(_ v: Double, _ decimals: Int = 2) -> ReportTable.Cell {
        ReportTable.Cell(FixedDecimal.text(v, decimals: decimals), value: .decimal(v, decimals: decimals))
    }

    /// "day 123 (osd.4)", "now (osd.4)", or "never" (no growth) / "> 100 years".
    static func horizon(_ h: (day: Int, osd: Int32)?, growing: Bool) -> ReportTable.Cell {
        guard let h else { return ReportTable.Cell(growing ? "> 100 years" : "never") }
        let text = h.day == 0 ? "now (osd.\(h.osd))" : "\(h.day) d (osd.\(h.osd))"
        return ReportTable.Cell(text, value: .integer(Int64(h.day)))
    }
}
