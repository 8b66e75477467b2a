/// A table of a report: columns with a heading, an alignment and (optionally) a unit, and rows
/// of cells. A cell carries the text people read and, where it is a figure, the value a
/// program reads (JSON `value`), so `12.3 GiB` travels with its byte count.
public struct ReportTable: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// The heading people read (`%USE`, `MAX AVAIL`).
        public var title: String
        /// The JSON name of the column: lowercase letters, digits and `_`.
        public var key: String
        public var alignment: Alignment
        /// The unit of the cells' values (`bytes`, `percent`, `days`), if any.
        public var unit: String?

        public init(_ title: String, key: String, alignment: Alignment = .left, unit: String? = nil) {
            self.title = title
            self.key = key
            self.alignment = alignment
            self.unit = unit
        }
    }

    public enum Alignment: String, Sendable, Equatable {
        case left, right
    }

    /// One cell: its text, and its value when it is a figure.
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral {
        public var text: String
        public var value: ReportValue?

        public init(_ text: String, value: ReportValue? = nil) {
            self.text = text
            self.value = value
        }

        public init(stringLiteral text: String) {
            self.init(text)
        }

        /// An integer shown as itself.
        public static func integer<T: BinaryInteger>(_ n: T) -> Cell {
            Cell("\(n)", value: .integer(Int64(n)))
        }
    }

    /// What the table lists, shown above it (HTML caption, a text heading line).
    public var caption: String?
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(caption: String? = nil, columns: [Column], rows: [[Cell]] = []) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
    }
}

/// A figure in a report's data: an integer, or a decimal printed with a fixed number of
/// decimals (so JSON carries exactly the digits the text shows, byte for byte the same on
/// every machine).
public enum ReportValue: Sendable, Equatable {
    case integer(Int64)
    case decimal(Double, decimals: Int)
    case boolean(Bool)

    /// The JSON number or literal.
    public var jsonText: String {
        switch self {
        case .integer(let n): "\(n)"
        case .decimal(let v, let decimals): v.isFinite ? FixedDecimal.text(v, decimals: decimals) : "null"
        case .boolean(let b): b ? "true" : "false"
        }
    }
}
