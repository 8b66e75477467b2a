/// A position inside a JSON document, as the chain of keys and indices that leads to it
/// (`buckets[3].items[2].weight`). Used to say where a parse or a read went wrong.
struct JSONPath: Sendable, Equatable, CustomStringConvertible {
    enum Component: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    static let root = JSONPath()

    func appending(_ key: String) -> JSONPath {
        var copy = self
        copy.components.append(.key(key))
        return copy
    }

    func appending(_ index: Int) -> JSONPath {
        var copy = self
        copy.components.append(.index(index))
        return copy
    }

    /// Keys that are plain words (a letter or `_`, then letters, digits, `_` or `-`) print as
    /// `.key` (no dot at the start); any other key prints
    /// as `["key"]` with JSON escapes. The top level prints as `(top level)`.
    var description: String {
        if components.isEmpty { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let i):
                text += "[\(i)]"
            case .key(let key):
                if Self.isPlainWord(key) {
                    if !text.isEmpty { text += "." }
                    text += key
                } else {
                    text += "[" + JSONString.quoted(key) + "]"
                }
            }
        }
        return text
    }

    private static func isPlainWord(_ key: String) -> Bool {
        guard let first = key.utf8.first,
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20) || first == UInt8(ascii: "_")
        else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
    }
}

/// JSON string literals, as RFC 8259 writes them.
public enum JSONString {
    /// `s` in double quotes: `"` and `\` escaped, `\n`, `\r`, `\t`, other control characters
    /// and DEL as `\u00XX`; everything else as it is (UTF-8).
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    out += "\\u" + hex4(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

/// Four lowercase hex digits, as in `\u001f`.
func hex4(_ value: UInt32) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    for shift in stride(from: 12, through: 0, by: -4) {
        bytes.append(digits[Int((value >> UInt32(shift)) & 0xf)])
    }
    return String(decoding: bytes, as: UTF8.self)
}
