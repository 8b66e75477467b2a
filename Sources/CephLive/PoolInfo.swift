#if Live
public import CRUSH

/// One pool as `ceph osd dump -f json` describes it: what `collective live pool ls` prints and
/// what `apply` compares a `PoolSpec` against.
public struct PoolInfo: Sendable, Equatable, Codable {
    public var id: Int64
    public var name: String
    /// "replicated" or "erasure".
    public var type: String
    public var size: Int
    public var minSize: Int
    public var pgNum: Int
    /// `pg_num_target`: what pg_num is moving to (Pacific changes pg_num step by step).
    public var pgNumTarget: Int
    public var crushRule: Int
    public var erasureCodeProfile: String
    public var quotaMaxBytes: UInt64
    public var quotaMaxObjects: UInt64
    /// Application names, sorted.
    public var applications: [String]
    /// `flags_names` split, e.g. ["ec_overwrites", "hashpspool"].
    public var flags: [String]

    /// Reads the pools of an `osd dump` JSON reply, in pool-id order.
    public static func all(osdDump root: JSONValue) throws(CephError) -> [PoolInfo] {
        guard case .array(let list)? = root["pools"] else {
            throw CephError("read the pools of", "'osd dump'", errno: .invalidArgument, detail: "no pools array")
        }
        var pools: [PoolInfo] = []
        for p in list {
            func int(_ key: String) throws(CephError) -> Int64 {
                guard case .number(let n)? = p[key], let v = n.int64 else {
                    throw CephError("read the pools of", "'osd dump'", errno: .invalidArgument, detail: "pool without \(key)")
                }
                return v
            }
            func string(_ key: String) -> String {
                if case .string(let s)? = p[key] { return s }
                return ""
            }
            var apps: [String] = []
            if case .object(let members)? = p["application_metadata"] { apps = members.map(\.key).sorted() }
            pools.append(PoolInfo(
                id: try int("pool"), name: string("pool_name"), type: try int("type") == 3 ? "erasure" : "replicated",
                size: Int(try int("size")), minSize: Int(try int("min_size")), pgNum: Int(try int("pg_num")),
                pgNumTarget: Int(try int(p["pg_num_target"] == nil ? "pg_num" : "pg_num_target")),
                crushRule: Int(try int("crush_rule")), erasureCodeProfile: string("erasure_code_profile"),
                quotaMaxBytes: UInt64(max(0, try int("quota_max_bytes"))), quotaMaxObjects: UInt64(max(0, try int("quota_max_objects"))),
                applications: apps, flags: string("flags_names").split(separator: ",").map(String.init).sorted()))
        }
        return pools.sorted { $0.id < $1.id }
    }
}
#endif
