import CRUSH

/// Plain text for a terminal: underlined headings, sections numbered in order, tables in
/// padded columns (CRUSH's `TextTable`, Ceph's table printer; trailing blanks trimmed), charts
/// as the table of their data, findings one per line with their severity and trigger.
enum TextRenderer {
    static func render(_ report: Report) -> String {
        var out = report.title + "\n" + String(repeating: "=", count: report.title.count) + "\n"
        if let subtitle = report.subtitle { out += subtitle + "\n" }
        for (index, section) in report.sections.enumerated() {
            let heading = "\(index + 1). \(section.title)"
            out += "\n" + heading + "\n" + String(repeating: "-", count: heading.count) + "\n"
            for block in section.blocks {
                out += "\n" + render(block)
            }
        }
        return out
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text):
            return wrapped(text, width: 100)
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(ChartDataTable.captioned(chart)) + (ChartDataTable.thresholdList(chart).map { "thresholds: \($0)\n" } ?? "")
        case .findings(let findings):
            return findings.map { "[\($0.severity.rawValue.uppercased())] \($0.message) (\($0.trigger))\n" }.joined()
        }
    }

    static func render(_ table: ReportTable) -> String {
        var text = TextTable()
        for column in table.columns {
            let alignment: TextTable.Alignment = column.alignment == .right ? .right : .left
            text.defineColumn(column.title, heading: alignment, cells: alignment)
        }
        for row in table.rows { text.appendRow(row.map(\.text)) }
        var out = table.caption.map { $0 + ":\n" } ?? ""
        for line in text.rendered().split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            var l = Substring(line)
            while l.last == " " { l.removeLast() }
            out += l + "\n"
        }
        return out
    }

    /// `text` broken at spaces into lines of at most `width` characters (a longer word stays
    /// whole), each ended by a newline; existing line breaks are kept.
    static func wrapped(_ text: String, width: Int) -> String {
        var out = ""
        for paragraphLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraphLine.split(separator: " ") {
                if !line.isEmpty && line.count + 1 + word.count > width {
                    out += line + "\n"
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            out += line + "\n"
        }
        return out
    }
}
