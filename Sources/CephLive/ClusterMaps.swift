#if Live
import CRUSH
import Placement

/// Reading a running cluster's maps and statistics into Placement's models.
enum ClusterMaps {
    /// The current OSD map, decoded from `osd getmap` (binary).
    static func osdMap(_ rados: Rados) throws(CephError) -> OSDMap {
        let reply = try rados.run(MonCommand("osd getmap"))
        do {
            return try OSDMap(binary: reply.output)
        } catch {
            throw CephError("decode the OSD map from", "'osd getmap'", errno: .invalidArgument, detail: error.description)
        }
    }

    /// The current OSD map epoch (`osd stat`).
    static func epoch(_ rados: Rados) throws(CephError) -> UInt32 {
        let stat = try rados.runJSON(MonCommand("osd stat"))
        guard case .number(let n)? = stat["epoch"], let e = n.uint64 else {
            throw CephError("read the epoch from", "'osd stat'", errno: .invalidArgument)
        }
        return UInt32(truncatingIfNeeded: e)
    }

    /// MAX AVAIL per pool id: computed by `PoolCapacity` and reported by `ceph df`.
    static func capacity(_ rados: Rados, map: OSDMap) throws(CephError) -> (computed: [Int64: UInt64], reported: [Int64: UInt64]) {
        let (input, df) = try capacityInput(rados, map: map)
        var computed: [Int64: UInt64] = [:]
        for row in PoolCapacity.all(input) { computed[row.poolID] = row.maxAvail }
        var reported: [Int64: UInt64] = [:]
        if case .array(let list)? = df["pools"] {
            for p in list {
                if case .number(let id)? = p["id"], let pid = id.int64,
                    case .number(let avail)? = p["stats"]?["max_avail"], let a = avail.uint64 {
                    reported[pid] = a
                }
            }
        }
        return (computed, reported)
    }

    /// The capacity model's input built from the cluster's `osd df`, `pg dump pools`, `osd dump`
    /// full ratios and `df` (also returned, parsed).
    static func capacityInput(_ rados: Rados, map: OSDMap) throws(CephError) -> (CapacityInput, JSONValue) {
        let osdDF = try rados.run(MonCommand("osd df").json).outputText
        let poolStats = try rados.run(MonCommand("pg dump", ["dumpcontents": .strings(["pools"])]).json).outputText
        let df = try rados.runJSON(MonCommand("df"))
        let dump = try rados.runJSON(MonCommand("osd dump"))
        let osds: OSDDFReport
        let usage: PoolStatsReport
        do {
            osds = try OSDDFReport(json: osdDF)
            usage = try PoolStatsReport(json: poolStats)
        } catch {
            throw CephError("read", "'osd df' and 'pg dump pools'", errno: .invalidArgument, detail: error.description)
        }
        func double(_ v: JSONValue?) -> Double? {
            if case .number(let n)? = v { return n.double }
            return nil
        }
        let stats = df["stats"]
        let osdCount = double(stats?["num_osds"]) ?? 0
        let ratios = FullRatios(
            full: Float(double(dump["full_ratio"]) ?? 0.95),
            backfillFull: Float(double(dump["backfillfull_ratio"]) ?? 0.90),
            nearFull: Float(double(dump["nearfull_ratio"]) ?? 0.85))
        let pools = map.sortedPools.map { pool in
            CapacityPool(
                id: pool.id, name: pool.name,
                redundancy: pool.kind == .erasure
                    ? .erasure(k: pool.erasureK ?? 0, m: pool.erasureM ?? 0) : .replicated(size: Int(pool.size)),
                crushRule: pool.crushRule, pgNum: pool.pgNum, usage: usage.usage[pool.id] ?? CapacityPoolUsage())
        }
        let input = CapacityInput(
            crush: map.crush, osds: osds.osds, pools: pools, ratios: ratios,
            perPoolStats: double(stats?["num_per_pool_osds"]) == osdCount,
            perPoolOmapStats: double(stats?["num_per_pool_omap_osds"]) == osdCount)
        return (input, df)
    }
}
#endif
