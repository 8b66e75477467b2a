#if Live
public import CRUSH

/// A mon (or mgr) command as the `ceph` CLI sends it: a JSON object with a `prefix` and
/// arguments. Keys are written sorted, so the same command is always the same text.
public struct MonCommand: Sendable, Equatable {
    /// One argument value.
    public enum Value: Sendable, Equatable {
        case string(String)
        case int(Int64)
        case bool(Bool)
        case strings([String])
    }

    public var prefix: String
    public var arguments: [String: Value]

    public init(_ prefix: String, _ arguments: [String: Value] = [:]) {
        self.prefix = prefix
        self.arguments = arguments
    }

    /// The command with `"format": "json"` added.
    public var json: MonCommand {
        var copy = self
        copy.arguments["format"] = .string("json")
        return copy
    }

    /// The command's JSON text.
    public var text: String {
        var parts = ["\"prefix\": " + Self.quote(prefix)]
        for key in arguments.keys.sorted() {
            let value: String
            switch arguments[key]! {
            case .string(let s): value = Self.quote(s)
            case .int(let n): value = String(n)
            case .bool(let b): value = b ? "true" : "false"
            case .strings(let list): value = "[" + list.map(Self.quote).joined(separator: ", ") + "]"
            }
            parts.append(Self.quote(key) + ": " + value)
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension Rados {
    /// Runs a mon command and returns its reply.
    @discardableResult
    public func run(_ command: MonCommand, input: [UInt8] = []) throws(CephError) -> CommandReply {
        try monCommand(command.text, input: input)
    }

    /// Runs a mon command with `format=json` and parses its output.
    public func runJSON(_ command: MonCommand) throws(CephError) -> JSONValue {
        let reply = try monCommand(command.json.text)
        do {
            return try JSONParser.parse(utf8: reply.output)
        } catch {
            throw CephError("parse the reply of", "'\(command.prefix)'", errno: .invalidArgument, detail: error.description)
        }
    }
}
#endif
