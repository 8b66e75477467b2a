/// Why a crush map text was refused: what went wrong, where (line, column, token), and the
/// message crushtool 16.2.15 prints for the same input when it has one.
///
/// `message` is crushtool's text for the problem (`rule 0 already exists`, `in rule 'r' item
/// 'x' not defined`, `parse error at '# rules'`). For syntax errors crushtool names the line
/// after the last complete statement (`crushtoolLine`), while `line`/`column`/`token` point at
/// the token the grammar could not accept, which is usually where the mistake is.
public struct CrushTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of problems, one per check crushtool makes (plus a few it does not make
    /// because it crashes or loops instead).
    public enum Kind: Equatable, Sendable {
        /// The text does not follow the grammar.
        case syntax
        /// `tunable NAME` with an unknown name.
        case unknownTunable
        /// A name (device or bucket) defined twice.
        case duplicateName
        /// A bucket whose type was not declared with `type N NAME`.
        case undefinedBucketType
        /// A bucket lists the same device class twice in its `id N class C` lines.
        case duplicateBucketClass
        /// `alg` names no known algorithm.
        case unknownAlgorithm
        /// Two items of a bucket ask for the same `pos`, or a `pos` beyond the bucket.
        case badPosition
        /// A bucket item, or a rule's `take`, names something not defined (yet).
        case undefinedItem
        /// A weight above crushtool's limits (100 for a device, 65535 for a bucket), a bucket
        /// whose weights overflow 32 bits, or weights a uniform bucket cannot hold.
        case badWeight
        /// Two buckets with the same id.
        case duplicateBucketID
        /// An id that crushtool cannot store (it would crash or exhaust memory).
        case unsupportedID
        /// A bucket defined after the first rule.
        case bucketAfterRule
        /// Two buckets that contain each other.
        case bucketCycle
        /// A rule name used twice.
        case duplicateRuleName
        /// A rule id used twice.
        case duplicateRuleID
        /// A rule step names a type that was not declared.
        case undefinedType
        /// `step take X class C` where C, or X's shadow bucket for C, does not exist.
        case undefinedClass
        /// A `choose_args` block that crushtool refuses (duplicate index, unknown bucket,
        /// wrong number of weights or ids).
        case badChooseArgs
    }

    public var kind: Kind
    /// 1-based line of the offending token in the original text.
    public var line: Int
    /// 1-based column (in bytes) of the offending token in that line.
    public var column: Int
    /// The offending token (empty at the end of the text).
    public var token: String
    /// crushtool's message for this problem (without the `FILE:LINE error: ` prefix it puts
    /// before syntax errors).
    public var message: String
    /// For syntax errors, the line number crushtool prints.
    public var crushtoolLine: Int?
    /// For syntax errors, what the grammar would have accepted at `token`.
    public var expected: [String]

    public init(
        kind: Kind, line: Int, column: Int, token: String, message: String,
        crushtoolLine: Int? = nil, expected: [String] = []
    ) {
        self.kind = kind
        self.line = line
        self.column = column
        self.token = token
        self.message = message
        self.crushtoolLine = crushtoolLine
        self.expected = expected
    }

    public var description: String {
        let at = token.isEmpty ? "at the end of the text" : "at '\(token)'"
        if kind == .syntax {
            let wanted = expected.isEmpty ? "" : ", expected " + expected.joined(separator: " or ")
            return "line \(line), column \(column), \(at): syntax error\(wanted) (crushtool: line \(crushtoolLine ?? line): \(message))"
        }
        return "line \(line), column \(column), \(at): \(message)"
    }
}
