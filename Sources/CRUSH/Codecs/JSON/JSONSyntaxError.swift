/// Why a text is not valid JSON, and where: the line and column (both from 1; columns count
/// Unicode scalars), the byte offset, and the path of the value that was being read.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line of the offending character, from 1.
    public var line: Int
    /// Column of the offending character, from 1, in Unicode scalars.
    public var column: Int
    /// Offset of the offending byte in the UTF-8 text, from 0.
    public var offset: Int
    /// Where in the document the parser was (`buckets[3].items[2].weight`, or `(top level)`).
    public var path: String
    /// What was wrong, e.g. `expected ',' or ']' after an array element, found '}'`.
    public var reason: String

    public init(line: Int, column: Int, offset: Int, path: String, reason: String) {
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        self.reason = reason
    }

    public var description: String {
        "invalid JSON at line \(line), column \(column) (in \(path)): \(reason)"
    }
}
