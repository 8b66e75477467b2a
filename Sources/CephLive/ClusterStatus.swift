#if Live
import CRUSH

/// The summary of `ceph status` that `collective live status` prints.
public struct ClusterStatus: Sendable, Codable, Equatable {
    public var fsid: String
    public var health: String
    /// Health check names (e.g. "OSD_DOWN"), sorted.
    public var checks: [String]
    public var monitors: Int
    public var quorum: Int
    public var mgrAvailable: Bool
    public var osds: Int
    public var osdsUp: Int
    public var osdsIn: Int
    public var osdMapEpoch: Int
    public var pools: Int
    public var pgs: Int
    /// PG counts by state, sorted by state name.
    public var pgStates: [String: Int]
    public var bytesTotal: UInt64
    public var bytesUsed: UInt64
    public var bytesAvailable: UInt64
    /// MDS ranks up:active.
    public var mdsActive: Int

    /// Reads `status -f json`.
    public static func read(_ rados: Rados) throws(CephError) -> ClusterStatus {
        let s = try rados.runJSON(MonCommand("status"))
        func int(_ v: JSONValue?) -> Int {
            if case .number(let n)? = v { return Int(n.int64 ?? 0) }
            return 0
        }
        func string(_ v: JSONValue?) -> String {
            if case .string(let t)? = v { return t }
            return ""
        }
        var checks: [String] = []
        if case .object(let members)? = s["health"]?["checks"] { checks = members.map(\.key).sorted() }
        var quorum = 0
        if case .array(let q)? = s["quorum"] { quorum = q.count }
        var states: [String: Int] = [:]
        if case .array(let list)? = s["pgmap"]?["pgs_by_state"] {
            for e in list { states[string(e["state_name"]), default: 0] += int(e["count"]) }
        }
        var mds = 0
        if case .array(let ranks)? = s["fsmap"]?["by_rank"] {
            mds = ranks.filter { string($0["status"]) == "up:active" }.count
        }
        var mgrAvailable = false
        if case .bool(let b)? = s["mgrmap"]?["available"] { mgrAvailable = b }
        let pg = s["pgmap"]
        return ClusterStatus(
            fsid: string(s["fsid"]), health: string(s["health"]?["status"]), checks: checks,
            monitors: int(s["monmap"]?["num_mons"]), quorum: quorum, mgrAvailable: mgrAvailable,
            osds: int(s["osdmap"]?["num_osds"]), osdsUp: int(s["osdmap"]?["num_up_osds"]),
            osdsIn: int(s["osdmap"]?["num_in_osds"]), osdMapEpoch: int(s["osdmap"]?["epoch"]),
            pools: int(pg?["num_pools"]), pgs: int(pg?["num_pgs"]), pgStates: states,
            bytesTotal: UInt64(int(pg?["bytes_total"])), bytesUsed: UInt64(int(pg?["bytes_used"])),
            bytesAvailable: UInt64(int(pg?["bytes_avail"])), mdsActive: mds)
    }
}
#endif
