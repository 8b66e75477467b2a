/// GitHub-flavoured Markdown: `#` headings, pipe tables with aligned columns (`---:`), charts as
/// the table of their data under a bold title, findings as a list. Cell text escapes `|` and
/// `\`; line breaks become spaces, so every row stays one table row.
enum MarkdownRenderer {
    static func render(_ report: Report) -> String {
        var out = "# " + inline(report.title) + "\n"
        if let subtitle = report.subtitle { out += "\n" + inline(subtitle) + "\n" }
        for (index, section) in report.sections.enumerated() {
            out += "\n## \(index + 1). " + inline(section.title) + "\n"
            for block in section.blocks {
                out += "\n" + render(block)
            }
        }
        return out
    }

    static func render(_ block: ReportBlock) -> String {
        switch block {
        case .paragraph(let text):
            return inline(text) + "\n"
        case .table(let table):
            return render(table)
        case .chart(let chart):
            return render(ChartDataTable.captioned(chart))
                + (ChartDataTable.thresholdList(chart).map { "\nThresholds: " + inline($0) + "\n" } ?? "")
        case .findings(let findings):
            return findings.map { "- **\($0.severity.rawValue.uppercased())** \(inline($0.message)) (\(inline($0.trigger)))\n" }.joined()
        }
    }

    static func render(_ table: ReportTable) -> String {
        var out = table.caption.map { "**" + inline($0) + "**\n\n" } ?? ""
        out += "| " + table.columns.map { cell($0.title) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            var cells = row.map { cell($0.text) }
            while cells.count < table.columns.count { cells.append("") }
            out += "| " + cells.prefix(table.columns.count).joined(separator: " | ") + " |\n"
        }
        return out
    }

    /// Text safe inside a table cell.
    static func cell(_ text: String) -> String {
        inline(text).replacingAll("|", with: "\\|")
    }

    /// Text on one line with Markdown's active characters escaped.
    static func inline(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "\n", "\r": out += " "
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(ch)
            default: out.append(ch)
            }
        }
        return out
    }
}

extension String {
    /// Every occurrence of `target` replaced (the standard library's own, without Foundation).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for ch in self { if ch == target { out += replacement } else { out.append(ch) } }
        return out
    }
}
