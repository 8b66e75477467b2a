import CRUSH
import Foundation

/// Checks a JSON value against a JSON Schema (2020-12), for the keywords
/// `docs/report.schema.json` uses: `type` (one or a list), `const`, `enum`, `required`,
/// `properties`, `additionalProperties: false`, `items`, `minItems`, `maxItems`, `pattern`,
/// `oneOf` and local `$ref`s (`#/$defs/…`). Returns every problem as `path: message`.
struct SchemaValidator {
    let schema: JSONValue

    func problems(_ value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, against: schema, path: "$", into: &out)
        return out
    }

    private func resolve(_ schema: JSONValue) -> JSONValue {
        guard case .string(let ref)? = schema["$ref"], ref.hasPrefix("#/") else { return schema }
        var node = self.schema
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let next = node[String(part)] else { return .null }
            node = next
        }
        return node
    }

    private func check(_ value: JSONValue, against raw: JSONValue, path: String, into out: inout [String]) {
        let schema = resolve(raw)
        if case .array(let options)? = schema["oneOf"] {
            let matching = options.filter { option in
                var sub: [String] = []
                check(value, against: option, path: path, into: &sub)
                return sub.isEmpty
            }
            if matching.count != 1 { out.append("\(path): matches \(matching.count) of oneOf's \(options.count) schemas") }
        }
        if let type = schema["type"] {
            let allowed: [String]
            switch type {
            case .string(let s): allowed = [s]
            case .array(let list): allowed = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(where: { Self.has(value, type: $0) }) {
                out.append("\(path): \(value.kindDescription) is not \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            out.append("\(path): not the constant")
        }
        if case .array(let options)? = schema["enum"], !options.contains(where: { Self.equal($0, value) }) {
            out.append("\(path): not one of the enumeration")
        }
        if case .string(let pattern)? = schema["pattern"], case .string(let s) = value {
            if s.range(of: pattern, options: .regularExpression) == nil { out.append("\(path): \(s) does not match \(pattern)") }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let key) in required where value[key] == nil {
                    out.append("\(path): missing \(key)")
                }
            }
            let properties = schema["properties"]
            for member in members {
                if let sub = properties?[member.key] {
                    check(member.value, against: sub, path: path + "." + member.key, into: &out)
                } else if schema["additionalProperties"] == .bool(false) {
                    out.append("\(path): unexpected member \(member.key)")
                }
            }
        }
        if case .array(let elements) = value {
            if case .number(let n)? = schema["minItems"], let min = n.int64, elements.count < min {
                out.append("\(path): fewer than \(min) items")
            }
            if case .number(let n)? = schema["maxItems"], let max = n.int64, elements.count > max {
                out.append("\(path): more than \(max) items")
            }
            if let items = schema["items"] {
                for (index, element) in elements.enumerated() {
                    check(element, against: items, path: path + "[\(index)]", into: &out)
                }
            }
        }
    }

    private static func has(_ value: JSONValue, type: String) -> Bool {
        switch (value, type) {
        case (.null, "null"), (.bool, "boolean"), (.string, "string"), (.array, "array"), (.object, "object"): true
        case (.number, "number"): true
        case (.number(let n), "integer"): n.isInteger
        default: false
        }
    }

    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return x.double == y.double }
        return a == b
    }
}
