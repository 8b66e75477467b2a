import CRUSH

/// What `ceph pg dump pools -f json` says about each pool's usage (`pool_stat_t`): the summed
/// object counts (`stat_sum`) and BlueStore statistics (`store_stats`), the inputs of the
/// `ceph df` pool figures.
public struct PoolStatsReport: Sendable {
    /// Usage by pool id.
    public let usage: [Int64: CapacityPoolUsage]
    /// `num_pg` by pool id.
    public let pgCount: [Int64: Int]

    public init(json text: String) throws(CapacityJSONError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw CapacityJSONError(path: "", reason: error.description)
        }
        // Pacific wraps the list as {"pg_ready":…, "pool_stats":[…]}; older releases print the bare list.
        let listValue = root["pool_stats"] ?? root
        guard case .array(let list) = listValue else {
            throw CapacityJSONError(path: "pool_stats", reason: "expected an array, found \(listValue.kindDescription)")
        }
        var usage: [Int64: CapacityPoolUsage] = [:]
        var pgs: [Int64: Int] = [:]
        for (index, entry) in list.enumerated() {
            let path = "pool_stats[\(index)]"
            let id = try CapacityJSON.int(entry, "poolid", path)
            let sum = entry["stat_sum"] ?? .object([])
            let store = entry["store_stats"] ?? .object([])
            usage[id] = CapacityPoolUsage(
                dataStoredRaw: try CapacityJSON.uint(store, "data_stored", path + ".store_stats", default: 0),
                dataAllocatedRaw: try CapacityJSON.uint(store, "allocated", path + ".store_stats", default: 0),
                omapAllocatedRaw: try CapacityJSON.uint(store, "omap_allocated", path + ".store_stats", default: 0),
                objects: try CapacityJSON.uint(sum, "num_objects", path + ".stat_sum", default: 0),
                objectCopies: try CapacityJSON.uint(sum, "num_object_copies", path + ".stat_sum", default: 0),
                objectsDegraded: try CapacityJSON.uint(sum, "num_objects_degraded", path + ".stat_sum", default: 0),
                bytes: try CapacityJSON.uint(sum, "num_bytes", path + ".stat_sum", default: 0),
                bytesHitSetArchive: try CapacityJSON.uint(sum, "num_bytes_hit_set_archive", path + ".stat_sum", default: 0),
                omapBytes: try CapacityJSON.uint(sum, "num_omap_bytes", path + ".stat_sum", default: 0))
            pgs[id] = Int(try CapacityJSON.uint(entry, "num_pg", path, default: 0))
        }
        self.usage = usage
        self.pgCount = pgs
    }
}

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
