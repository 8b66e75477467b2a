import CRUSH

/// Each pool's stored bytes (before replication), read from what operators can export:
/// `ceph df -f json` (`pools[].stats.stored`) or `ceph pg dump pools -f json`
/// (`stat_sum.num_bytes`, through `PoolStatsReport`).
public enum PoolStoredBytes {
    /// Stored bytes by pool id.
    public static func read(json text: String) throws(CapacityJSONError) -> [Int64: UInt64] {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw CapacityJSONError(path: "", reason: error.description)
        }
        guard case .array(let pools)? = root["pools"] else {
            return try PoolStatsReport(json: text).usage.mapValues(\.bytes)
        }
        var stored: [Int64: UInt64] = [:]
        for (index, pool) in pools.enumerated() {
            let path = "pools[\(index)]"
            let id = try CapacityJSON.int(pool, "id", path)
            stored[id] = try CapacityJSON.uint(pool["stats"] ?? .object([]), "stored", path + ".stats")
        }
        return stored
    }
}
