/// A strict JSON parser (RFC 8259): one value, surrounded only by JSON whitespace; no comments,
/// trailing commas, byte order marks, single quotes, `NaN`, leading zeros or unescaped control
/// characters; `\u` escapes must pair surrogates. Errors are `JSONSyntaxError`s naming the line,
/// column and JSON path where the text went wrong.
///
/// Nesting is limited (`maxDepth`) so that hostile input cannot exhaust the stack, and every
/// allocation grows with the input consumed.
public enum JSONParser {
    /// The default nesting limit: deeper arrays and objects are an error.
    public static let defaultMaxDepth = 512

    /// Parses `text` as one JSON value.
    public static func parse(_ text: String, maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(utf8: Array(text.utf8), maxDepth: maxDepth)
    }

    /// Parses UTF-8 bytes as one JSON value; bytes that are not valid UTF-8 are an error.
    public static func parse(utf8 bytes: [UInt8], maxDepth: Int = defaultMaxDepth) throws(JSONSyntaxError) -> JSONValue {
        var reader = Reader(bytes: bytes, maxDepth: maxDepth)
        return try reader.parseDocument()
    }
}

private struct Reader {
    let bytes: [UInt8]
    let maxDepth: Int
    var index = 0
    var line = 1
    var lineStart = 0
    var path = JSONPath.root

    init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Structure

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            throw error("a byte order mark (U+FEFF) is not allowed before the JSON value")
        }
        skipWhitespace()
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw error("expected the end of the text after the JSON value, found \(found())")
        }
        return value
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else {
            throw error("expected a JSON value, found the end of the text")
        }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try parseLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try parseLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try parseLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a JSON value, found \(found())")
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > maxDepth { throw error("arrays and objects are nested more than \(maxDepth) deep") }
        index += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        let outer = path
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw error(members.isEmpty
                    ? "expected a member name in double quotes or '}', found \(found())"
                    : "expected a member name in double quotes after ',', found \(found())")
            }
            let key = try parseString()
            path = outer.appending(key)
            skipWhitespace()
            guard peek() == UInt8(ascii: ":") else {
                throw error("expected ':' after the member name, found \(found())")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, value: value))
            path = outer
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default:
                throw error("expected ',' or '}' after an object member, found \(found())")
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        if depth > maxDepth { throw error("arrays and objects are nested more than \(maxDepth) deep") }
        index += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        let outer = path
        while true {
            path = outer.appending(elements.count)
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            path = outer
            skipWhitespace()
            switch peek() {
            case UInt8(ascii: ","):
                index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default:
                throw error("expected ',' or ']' after an array element, found \(found())")
            }
        }
    }

    mutating func parseLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in expected {
            guard peek() == byte else {
                throw error("expected '\(word)', found \(found())")
            }
            index += 1
        }
        if let next = peek(), Self.isWordByte(next) {
            throw error("expected '\(word)', found \(found()) after it")
        }
    }

    // MARK: Numbers

    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), Self.isDigit(first) else {
            throw error("expected a digit after '-', found \(found())")
        }
        index += 1
        if first == UInt8(ascii: "0"), let next = peek(), Self.isDigit(next) {
            throw error("numbers must not have leading zeros")
        }
        while let b = peek(), Self.isDigit(b) { index += 1 }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let b = peek(), Self.isDigit(b) else {
                throw error("expected a digit after the decimal point, found \(found())")
            }
            while let b = peek(), Self.isDigit(b) { index += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let b = peek(), Self.isDigit(b) else {
                throw error("expected a digit in the exponent, found \(found())")
            }
            while let b = peek(), Self.isDigit(b) { index += 1 }
        }
        if let next = peek(), Self.isWordByte(next) || next == UInt8(ascii: ".") || next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
            throw error("unexpected \(found()) in a number")
        }
        return JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    // MARK: Strings

    mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        var out: [UInt8] = []
        while true {
            guard index < bytes.count else {
                throw error("the string is not closed: expected '\"', found the end of the text")
            }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &out)
            case 0x00..<0x20:
                throw error("control character U+00\(hex4(UInt32(byte)).suffix(2)) must be escaped in a string")
            case 0x00..<0x80:
                out.append(byte)
                index += 1
            default:
                let length = try validUTF8SequenceLength()
                out.append(contentsOf: bytes[index..<index + length])
                index += length
            }
        }
    }

    mutating func parseEscape(into out: inout [UInt8]) throws(JSONSyntaxError) {
        index += 1  // backslash
        guard let c = peek() else {
            throw error("expected an escape character after '\\', found the end of the text")
        }
        let simple: UInt8?
        switch c {
        case UInt8(ascii: "\""): simple = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): simple = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): simple = UInt8(ascii: "/")
        case UInt8(ascii: "b"): simple = 0x08
        case UInt8(ascii: "f"): simple = 0x0C
        case UInt8(ascii: "n"): simple = 0x0A
        case UInt8(ascii: "r"): simple = 0x0D
        case UInt8(ascii: "t"): simple = 0x09
        case UInt8(ascii: "u"): simple = nil
        default:
            throw error("invalid escape '\\\(Self.describe(c))' in a string")
        }
        if let simple {
            out.append(simple)
            index += 1
            return
        }
        let escapeStart = index - 1
        index += 1  // u
        var value = try parseHex4()
        if (0xDC00...0xDFFF).contains(value) {
            index = escapeStart
            throw error("lone low surrogate \\u\(hex4(value)) in a string")
        }
        if (0xD800...0xDBFF).contains(value) {
            guard peek() == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                index = escapeStart
                throw error("high surrogate \\u\(hex4(value)) must be followed by a \\u escape of a low surrogate")
            }
            index += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                index = escapeStart
                throw error("high surrogate \\u\(hex4(value)) is followed by \\u\(hex4(low)), which is not a low surrogate")
            }
            value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
        }
        // value is a valid scalar here: surrogates were paired or rejected
        out.append(contentsOf: Self.utf8(of: value))
    }

    mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = peek() else {
                throw error("expected 4 hex digits after '\\u', found the end of the text")
            }
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("expected 4 hex digits after '\\u', found \(found())")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Checks the UTF-8 sequence that starts at `index` (a byte >= 0x80) and returns its length.
    func validUTF8SequenceLength() throws(JSONSyntaxError) -> Int {
        let lead = bytes[index]
        let length: Int
        var lowerSecond: UInt8 = 0x80
        var upperSecond: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lowerSecond = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upperSecond = 0x9F
        case 0xF0: length = 4; lowerSecond = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upperSecond = 0x8F
        default: throw error("byte 0x\(hex4(UInt32(lead)).suffix(2)) is not valid UTF-8")
        }
        for k in 1..<length {
            let i = index + k
            guard i < bytes.count else { throw error("a UTF-8 sequence is cut short by the end of the text") }
            let b = bytes[i]
            let (lo, hi) = k == 1 ? (lowerSecond, upperSecond) : (UInt8(0x80), UInt8(0xBF))
            guard b >= lo && b <= hi else {
                throw error("byte 0x\(hex4(UInt32(lead)).suffix(2)) starts an invalid UTF-8 sequence")
            }
        }
        return length
    }

    static func utf8(of scalar: UInt32) -> [UInt8] {
        switch scalar {
        case 0..<0x80:
            return [UInt8(scalar)]
        case 0x80..<0x800:
            return [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            return [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            return [
                UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F),
                UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F),
            ]
        }
    }

    // MARK: Positions and messages

    func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                line += 1
                lineStart = index
            default:
                return
            }
        }
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
    }

    /// The character at `index`, quoted, for messages.
    func found() -> String {
        guard index < bytes.count else { return "the end of the text" }
        let b = bytes[index]
        if b >= 0x80 {
            if let length = try? validUTF8SequenceLength() {
                return "'" + String(decoding: bytes[index..<index + length], as: UTF8.self) + "'"
            }
            return "byte 0x\(hex4(UInt32(b)).suffix(2))"
        }
        return "'\(Self.describe(b))'"
    }

    static func describe(_ b: UInt8) -> String {
        switch b {
        case 0x0A: "\\n"
        case 0x0D: "\\r"
        case 0x09: "\\t"
        case 0x00..<0x20, 0x7F...: "\\u\(hex4(UInt32(b)))"
        default: String(UnicodeScalar(b))
        }
    }

    func error(_ reason: String) -> JSONSyntaxError {
        let position = min(index, bytes.count)
        // Columns count Unicode scalars: every byte that is not a UTF-8 continuation byte.
        var column = 1
        var i = lineStart
        while i < position {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return JSONSyntaxError(line: line, column: column, offset: position, path: path.description, reason: reason)
    }
}
