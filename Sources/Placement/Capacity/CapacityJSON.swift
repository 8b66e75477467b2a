import CRUSH

/// Field readers shared by the capacity JSON readers; errors name the path.
enum CapacityJSON {
    static func number(_ node: JSONValue, _ key: String, _ path: String) throws(CapacityJSONError) -> JSONNumber? {
        guard let value = node[key] else { return nil }
        guard case .number(let n) = value else {
            throw CapacityJSONError(path: "\(path).\(key)", reason: "expected a number, found \(value.kindDescription)")
        }
        return n
    }

    static func int(_ node: JSONValue, _ key: String, _ path: String) throws(CapacityJSONError) -> Int64 {
        guard let n = try number(node, key, path) else { throw CapacityJSONError(path: "\(path).\(key)", reason: "missing") }
        guard let v = n.int64 else { throw CapacityJSONError(path: "\(path).\(key)", reason: "\(n.text) is not an integer") }
        return v
    }

    /// A non-negative integer (negative counters, which Ceph can print briefly, read as 0).
    static func uint(_ node: JSONValue, _ key: String, _ path: String, default value: UInt64? = nil, max: UInt64 = .max) throws(CapacityJSONError) -> UInt64 {
        guard let n = try number(node, key, path) else {
            if let value { return value }
            throw CapacityJSONError(path: "\(path).\(key)", reason: "missing")
        }
        if let v = n.uint64, v <= max { return v }
        if let v = n.int64, v < 0 { return 0 }
        throw CapacityJSONError(path: "\(path).\(key)", reason: "\(n.text) is not a count")
    }

    static func double(_ node: JSONValue, _ key: String, _ path: String, default value: Double? = nil) throws(CapacityJSONError) -> Double {
        guard let n = try number(node, key, path) else {
            if let value { return value }
            throw CapacityJSONError(path: "\(path).\(key)", reason: "missing")
        }
        guard let v = n.double, v.isFinite else {
            throw CapacityJSONError(path: "\(path).\(key)", reason: "\(n.text) is not a finite number")
        }
        return v
    }
}
