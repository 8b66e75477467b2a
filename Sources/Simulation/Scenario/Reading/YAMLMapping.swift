internal import Yams

/// A mapping of the scenario document read against the keys its section allows: unknown keys
/// are reported (with a did-you-mean) when it is made, missing required keys when asked for.
/// Merge keys (`<<: *anchor`) are expanded, keys written in the mapping itself winning.
struct YAMLMapping {
    let field: YAMLField
    private(set) var entries: [(key: String, keyLocation: SourceLocation, value: Node)] = []

    init(field: YAMLField, allowedKeys: [String]) {
        self.field = field
        guard case .mapping(let mapping) = field.node else { return }
        var merged: [(key: String, keyLocation: SourceLocation, value: Node)] = []
        for (keyNode, valueNode) in mapping {
            let key = YAMLField(node: keyNode, path: field.path, log: field.log)
            guard case .scalar(let scalar) = keyNode else {
                key.error("expected a key name, found \(key.found)")
                continue
            }
            if scalar.string == "<<" && (scalar.style == .plain || scalar.style == .any) {
                merged.append(contentsOf: Self.mergeEntries(valueNode, field: field))
                continue
            }
            if !allowedKeys.contains(scalar.string) {
                let where_ = field.path.appending(scalar.string)
                var message = "unknown key"
                let hint = Suggestion.hint(for: scalar.string, among: allowedKeys)
                message += hint.isEmpty ? "; expected one of: " + allowedKeys.joined(separator: ", ") : hint
                field.log.error(key.location, where_, message)
                continue
            }
            entries.append((scalar.string, key.location, valueNode))
        }
        for entry in merged where allowedKeys.contains(entry.key) && !entries.contains(where: { $0.key == entry.key }) {
            entries.append(entry)
        }
    }

    /// The pairs a merge key brings in: from one mapping, or from a list of them (earlier wins).
    private static func mergeEntries(_ node: Node, field: YAMLField) -> [(key: String, keyLocation: SourceLocation, value: Node)] {
        var sources: [Node] = []
        switch node {
        case .mapping: sources = [node]
        case .sequence(let sequence): sources = Array(sequence)
        default:
            YAMLField(node: node, path: field.path.appending("<<"), log: field.log).expected("a mapping to merge (<<: *anchor)")
            return []
        }
        var result: [(key: String, keyLocation: SourceLocation, value: Node)] = []
        for source in sources {
            guard case .mapping(let mapping) = source else {
                YAMLField(node: source, path: field.path.appending("<<"), log: field.log).expected("a mapping to merge")
                continue
            }
            for (keyNode, valueNode) in mapping {
                guard case .scalar(let scalar) = keyNode, !result.contains(where: { $0.key == scalar.string }) else { continue }
                let location = keyNode.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .unknown
                result.append((scalar.string, location, valueNode))
            }
        }
        return result
    }

    var location: SourceLocation { field.location }
    var path: FieldPath { field.path }
    var log: DiagnosticLog { field.log }

    func has(_ key: String) -> Bool {
        entries.contains { $0.key == key }
    }

    /// The value of `key`, or nil when it is absent or null.
    func optional(_ key: String) -> YAMLField? {
        guard let entry = entries.first(where: { $0.key == key }) else { return nil }
        let value = YAMLField(node: entry.value, path: field.path.appending(key), log: field.log)
        return value.isNull ? nil : value
    }

    /// The value of `key`; when absent (or null) logs `missing required key "key"` at the
    /// mapping, with `hint` (what the key holds) in parentheses.
    func required(_ key: String, _ hint: String? = nil) -> YAMLField? {
        if let value = optional(key) { return value }
        var message = "missing required key \"\(key)\""
        if let hint { message += " (\(hint))" }
        field.log.error(field.location, field.path, message)
        return nil
    }

    /// Where `key` is written (for messages about the key as a whole), or the mapping's start.
    func keyLocation(_ key: String) -> SourceLocation {
        entries.first(where: { $0.key == key })?.keyLocation ?? field.location
    }
}
