#if Live
/// A pool as `collective live pool create` and `apply` ask for it: replicated with a size, or
/// erasure-coded with k data and m coding chunks over a failure domain; placement-group count,
/// crush rule, quotas and application.
public struct PoolSpec: Sendable, Equatable {
    public enum Redundancy: Sendable, Equatable {
        /// `size` copies; `minSize` nil: Ceph's default (size - size/2).
        case replicated(size: Int, minSize: Int?)
        /// An erasure-code profile named `profile` (default "NAME-profile") with `k`, `m` and
        /// `crush-failure-domain`.
        case erasure(k: Int, m: Int, failureDomain: String, profile: String?)
    }

    public var name: String
    public var redundancy: Redundancy
    public var pgNum: Int
    /// A crush rule name (replicated pools); nil: the cluster's default rule.
    public var rule: String?
    /// An application ("rbd", "cephfs", "rgw"); nil: none.
    public var application: String?
    /// Quotas; 0: none.
    public var quotaMaxBytes: UInt64
    public var quotaMaxObjects: UInt64

    public init(
        name: String, redundancy: Redundancy = .replicated(size: 3, minSize: nil), pgNum: Int = 32,
        rule: String? = nil, application: String? = nil, quotaMaxBytes: UInt64 = 0, quotaMaxObjects: UInt64 = 0
    ) {
        self.name = name
        self.redundancy = redundancy
        self.pgNum = pgNum
        self.rule = rule
        self.application = application
        self.quotaMaxBytes = quotaMaxBytes
        self.quotaMaxObjects = quotaMaxObjects
    }

    /// The erasure-code profile name this spec uses (nil for replicated pools).
    public var profileName: String? {
        if case .erasure(_, _, _, let profile) = redundancy { return profile ?? "\(name)-profile" }
        return nil
    }
}
#endif
