/// A pool as the scenario declares it (`ceph osd pool create` and `ceph osd pool set`): its
/// redundancy, PG count, CRUSH rule, application and the data it holds.
public struct PoolSpec: Sendable, Equatable {
    /// The pool id (`ceph osd pool ls detail`): from the file, or 1, 2, … in file order.
    public var id: Int64
    public var name: String
    public var kind: PoolKind
    /// Copies (replicated) or shards, k+m (erasure).
    public var size: Int
    /// Copies or shards needed for I/O: Ceph's default is `size - size/2` for replicated
    /// pools and `k + min(1, m - 1)` for erasure-coded ones.
    public var minSize: Int
    public var pgNum: UInt32
    public var pgpNum: UInt32
    /// The CRUSH rule's name; generated maps make it from `deviceClass` and `failureDomain`.
    public var rule: String
    /// The rule's id in `Scenario.crushMap`.
    public var ruleID: Int32
    /// The device class the rule takes (generated maps), if any.
    public var deviceClass: String?
    /// The CRUSH type replicas or shards are spread over (generated maps): `host` by default.
    public var failureDomain: String
    /// `rbd`, `cephfs`, `rgw`, `mgr`, `mgr_devicehealth`, `nfs` (`ceph osd pool application enable`).
    public var application: String?
    /// User data in the pool at time 0 (`ceph df` STORED, before replication).
    public var stored: ByteSize
    /// How much `stored` grows each simulated day.
    public var growthPerDay: ByteSize

    public init(
        id: Int64, name: String, kind: PoolKind, size: Int, minSize: Int, pgNum: UInt32,
        pgpNum: UInt32? = nil, rule: String, ruleID: Int32, deviceClass: String? = nil,
        failureDomain: String = "host", application: String? = nil, stored: ByteSize = .zero,
        growthPerDay: ByteSize = .zero
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.size = size
        self.minSize = minSize
        self.pgNum = pgNum
        self.pgpNum = pgpNum ?? pgNum
        self.rule = rule
        self.ruleID = ruleID
        self.deviceClass = deviceClass
        self.failureDomain = failureDomain
        self.application = application
        self.stored = stored
        self.growthPerDay = growthPerDay
    }
}

/// Replicated or erasure-coded (`pg_pool_t::TYPE_REPLICATED` / `TYPE_ERASURE`).
public enum PoolKind: Sendable, Equatable {
    case replicated
    /// k data and m coding chunks per object.
    case erasure(k: Int, m: Int)

    public var isErasure: Bool {
        if case .erasure = self { return true }
        return false
    }

    public var name: String {
        switch self {
        case .replicated: "replicated"
        case .erasure: "erasure"
        }
    }
}
