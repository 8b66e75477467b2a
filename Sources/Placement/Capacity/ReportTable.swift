/// A table of text cells in padded columns, as Ceph 16.2.15's `TextTable` prints it: each
/// column as wide as its widest cell or heading (in UTF-8 bytes), cells joined by two spaces,
/// every line padded to the full width (so lines may end in spaces) and ended by a newline.
/// (The CRUSH module keeps the same table, internal to it, for `crushtool --tree`.)
struct ReportTable {
    enum Alignment { case left, right }

    private struct Column {
        var heading: String
        var width: Int
        var headingAlignment: Alignment
        var cellAlignment: Alignment
    }

    private var columns: [Column] = []
    private var rows: [[String]] = []

    /// `define_column(heading, heading alignment, cell alignment)`.
    mutating func defineColumn(_ heading: String, _ headingAlignment: Alignment, _ cellAlignment: Alignment) {
        columns.append(Column(
            heading: heading, width: heading.utf8.count, headingAlignment: headingAlignment,
            cellAlignment: cellAlignment))
    }

    /// A row; missing trailing cells are empty, extra cells are dropped.
    mutating func appendRow(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        row.append(contentsOf: repeatElement("", count: columns.count - row.count))
        for (index, cell) in row.enumerated() where cell.utf8.count > columns[index].width {
            columns[index].width = cell.utf8.count
        }
        rows.append(row)
    }

    func rendered() -> String {
        var out = line(columns.map { ($0.heading, $0.headingAlignment) })
        for row in rows { out += line(row.indices.map { (row[$0], columns[$0].cellAlignment) }) }
        return out
    }

    private func line(_ cells: [(text: String, alignment: Alignment)]) -> String {
        var out = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += "  " }
            let padding = String(repeating: " ", count: max(0, columns[index].width - cell.text.utf8.count))
            out += cell.alignment == .left ? cell.text + padding : padding + cell.text
        }
        return out + "\n"
    }
}
