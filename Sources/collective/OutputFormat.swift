import ArgumentParser
import Foundation

/// `-f text|json`, as the commands that print a report for people or for programs spell it.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json

    /// JSON of an `Encodable` report for `-f json`: pretty-printed, keys sorted, slashes
    /// unescaped, a final newline. Deterministic.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}
