/// A JSON value (RFC 8259) as read by `JSONParser`.
///
/// Numbers keep the text they were written with (`JSONNumber`), so a reader can take them
/// exactly as integers of any width or as doubles. Objects keep their members in the order
/// they were written, duplicates included; `self[key]` finds the first one.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of the first member named `key`, if this is an object that has one.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first(where: { $0.key == key })?.value
    }

    /// The element at `index`, if this is an array that long.
    public subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    /// What kind of value this is, in words, for error messages ("an object", "a string").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): "the number \(n.text)"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(key: String, value: JSONValue) {
        self.key = key
        self.value = value
    }
}

/// A JSON number, kept as the literal text that matched the RFC 8259 number grammar
/// (`-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`).
public struct JSONNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number exactly as written.
    public let text: String

    /// Wraps `text`; the parser only makes numbers from text that matches the grammar.
    public init(text: String) {
        self.text = text
    }

    /// Written without a fraction or exponent (`12`, `-3`, not `1.0` or `1e3`).
    public var isInteger: Bool {
        !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") })
    }

    /// The value as an `Int64`, if it is written as an integer and fits.
    public var int64: Int64? { isInteger ? Int64(text) : nil }

    /// The value as a `UInt64`, if it is written as a non-negative integer and fits.
    public var uint64: UInt64? { isInteger ? UInt64(text) : nil }

    /// The value as the nearest `Double` (infinite if it is out of range).
    public var double: Double? { Double(text) }

    public var description: String { text }
}
