#if Live
public import CRUSH
import Foundation

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

    /// The command's JSON text (keys sorted; Foundation's JSONSerialization escapes the strings).
    public var text: String {
        var object: [String: Any] = ["prefix": prefix]
        for (key, value) in arguments {
            switch value {
            case .string(let s): object[key] = s
            case .int(let n): object[key] = NSNumber(value: n)
            case .bool(let b): object[key] = NSNumber(value: b)
            case .strings(let list): object[key] = list
            }
        }
        // Only strings, numbers, booleans and string arrays: always serialisable.
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            fatalError("MonCommand: a JSON object of strings, numbers and booleans did not serialise")
        }
        return String(decoding: data, as: UTF8.self)
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
