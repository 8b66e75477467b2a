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
            usage[id]?.compressedAllocated = try CapacityJSON.uint(
                store, "data_compressed_allocated", path + ".store_stats", default: 0)
            usage[id]?.compressedOriginal = try CapacityJSON.uint(
                store, "data_compressed_original", path + ".store_stats", default: 0)
            pgs[id] = Int(try CapacityJSON.uint(entry, "num_pg", path, default: 0))
        }
        self.usage = usage
        self.pgCount = pgs
    }
}
