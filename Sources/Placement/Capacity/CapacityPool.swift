/// One pool: the fields of `pg_pool_t` and its options that the capacity figures and the PG
/// advice read. Plain values, to be filled from the OSD map model or from `ceph osd pool ls
/// detail` / `ceph df detail`.
public struct CapacityPool: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var redundancy: CapacityRedundancy
    /// `crush_rule` (a ruleset in Pacific; equal to the rule id in maps made since Luminous).
    public var crushRule: Int32
    public var pgNum: UInt32
    /// `pg_num_target` (what `ceph osd pool set … pg_num` last asked for); defaults to pg_num.
    public var pgNumTarget: UInt32
    public var usage: CapacityPoolUsage
    /// Quotas (0: none).
    public var quotaMaxBytes: UInt64
    public var quotaMaxObjects: UInt64
    /// Autoscaler options: `target_size_ratio`, `target_size_bytes`, `pg_autoscale_bias`,
    /// `pg_num_min`, `pg_num_max` (nil: unset), the `bulk` flag and the mode.
    public var targetSizeRatio: Double
    public var targetSizeBytes: UInt64
    public var autoscaleBias: Double
    public var pgNumMin: Int?
    public var pgNumMax: Int?
    public var bulk: Bool
    public var autoscaleMode: CapacityAutoscaleMode

    public init(
        id: Int64, name: String, redundancy: CapacityRedundancy, crushRule: Int32,
        pgNum: UInt32 = 32, pgNumTarget: UInt32? = nil, usage: CapacityPoolUsage = CapacityPoolUsage(),
        quotaMaxBytes: UInt64 = 0, quotaMaxObjects: UInt64 = 0,
        targetSizeRatio: Double = 0, targetSizeBytes: UInt64 = 0, autoscaleBias: Double = 1,
        pgNumMin: Int? = nil, pgNumMax: Int? = nil, bulk: Bool = false,
        autoscaleMode: CapacityAutoscaleMode = .on
    ) {
        self.id = id
        self.name = name
        self.redundancy = redundancy
        self.crushRule = crushRule
        self.pgNum = pgNum
        self.pgNumTarget = pgNumTarget ?? pgNum
        self.usage = usage
        self.quotaMaxBytes = quotaMaxBytes
        self.quotaMaxObjects = quotaMaxObjects
        self.targetSizeRatio = targetSizeRatio
        self.targetSizeBytes = targetSizeBytes
        self.autoscaleBias = autoscaleBias
        self.pgNumMin = pgNumMin
        self.pgNumMax = pgNumMax
        self.bulk = bulk
        self.autoscaleMode = autoscaleMode
    }
}

/// How the PG autoscaler treats a pool (`pg_autoscale_mode`).
public enum CapacityAutoscaleMode: String, Sendable, Equatable {
    case on, warn, off
}
