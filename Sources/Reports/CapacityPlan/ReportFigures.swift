import CRUSH
import Placement
import Simulation

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

    /// Host names, comma-separated; beyond 12 the first 10, an ellipsis and the last, with the
    /// count (`n000, n001, …, n499 (500)`), so a 500-host fleet does not make a 4000-column
    /// table. Section 3 (the OSD tree) names every host.
    static func names(_ list: [String]) -> ReportTable.Cell {
        guard list.count > 12, let last = list.last else { return ReportTable.Cell(list.joined(separator: ", ")) }
        return ReportTable.Cell((list.prefix(10) + ["…", last]).joined(separator: ", ") + " (\(list.count))")
    }

    /// "day 123 (osd.4)", "now (osd.4)", or "never" (no growth) / "> 100 years".
    static func horizon(_ h: (day: Int, osd: Int32)?, growing: Bool) -> ReportTable.Cell {
        guard let h else { return ReportTable.Cell(growing ? "> 100 years" : "never") }
        let text = h.day == 0 ? "now (osd.\(h.osd))" : "\(h.day) d (osd.\(h.osd))"
        return ReportTable.Cell(text, value: .integer(Int64(h.day)))
    }
}

extension ReportFigures {
    /// CPU as Kubernetes writes it (`1500m`, `4`); the value in millicores.
    static func cpu(_ millicores: Int64) -> ReportTable.Cell {
        ReportTable.Cell(CPUQuantity(millicores: millicores).description, value: .integer(millicores))
    }

    /// Bytes that may be negative (free memory of an over-committed host): `-1.5 GiB`.
    static func signedBytes(_ n: Int64) -> ReportTable.Cell {
        let text = (n < 0 ? "-" : "") + CapacityFormat.bytes(n.magnitude)
        return ReportTable.Cell(text, value: .integer(n))
    }

    /// CPU that may be negative.
    static func signedCPU(_ millicores: Int64) -> ReportTable.Cell {
        let text = (millicores < 0 ? "-" : "") + CPUQuantity(millicores: Int64(millicores.magnitude)).description
        return ReportTable.Cell(text, value: .integer(millicores))
    }

    /// `part` as a percentage of `whole` (0 when `whole` is 0).
    static func share(_ part: Int64, of whole: Int64) -> Double {
        whole > 0 ? Double(part) / Double(whole) * 100 : 0
    }
}
