/// A table of text cells printed in padded columns, as Ceph's `TextTable`
/// (src/common/TextTable.{h,cc}, Pacific) prints it.
///
/// Each column starts as wide as its heading and widens to its widest cell; widths count UTF-8
/// bytes, as `std::string::length()` does. Every line, the heading line included, is each
/// column's padded text joined by two spaces and ended by a newline. The last column is padded
/// too, so lines may end in spaces. Used for `crushtool --tree`, `ceph df` and `ceph osd df`.
public struct TextTable {
    /// Where text sits in its column (`TextTable::Align`; Ceph's `CENTER` is not used here).
    public enum Alignment {
        /// Padding after the text.
        case left
        /// Padding before the text.
        case right
    }

    private struct Column {
        var heading: String
        var width: Int
        var headingAlignment: Alignment
        var cellAlignment: Alignment
    }

    private var columns: [Column] = []
    private var rows: [[String]] = []

    /// Ceph's `column_separation`.
    private static let separator = "  "

    /// `define_column`: a column with this heading, as wide as the heading for now.
    public init() {}

    public mutating func defineColumn(_ heading: String, heading headingAlignment: Alignment, cells cellAlignment: Alignment) {
        columns.append(Column(
            heading: heading, width: heading.utf8.count,
            headingAlignment: headingAlignment, cellAlignment: cellAlignment))
    }

    /// One row, a cell per column in order (`table << a << b << … << TextTable::endrow`).
    /// Missing trailing cells are empty; cells beyond the defined columns are dropped (Ceph
    /// asserts instead).
    public mutating func appendRow(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        row.append(contentsOf: repeatElement("", count: columns.count - row.count))
        for (index, cell) in row.enumerated() where cell.utf8.count > columns[index].width {
            columns[index].width = cell.utf8.count
        }
        rows.append(row)
    }

    /// The table as `operator<<(ostream&, const TextTable&)` writes it.
    public func rendered() -> String {
        var out = ""
        out += line(columns.map { ($0.heading, $0.headingAlignment) })
        for row in rows {
            out += line(row.indices.map { (row[$0], columns[$0].cellAlignment) })
        }
        return out
    }

    private func line(_ cells: [(text: String, alignment: Alignment)]) -> String {
        var out = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { out += Self.separator }
            let padding = String(repeating: " ", count: max(0, columns[index].width - cell.text.utf8.count))
            switch cell.alignment {
            case .left: out += cell.text + padding
            case .right: out += padding + cell.text
            }
        }
        return out + "\n"
    }
}
