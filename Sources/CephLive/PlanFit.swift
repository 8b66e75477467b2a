#if Live
public import Simulation

/// Changes that fit a storage plan made for a real fleet to a small test cluster (one host, one
/// device class, few OSDs): another CRUSH failure domain, another or no device class, and an
/// upper bound on each pool's pg_num. With no change set, the plan stays as it is.
public struct PlanFit: Sendable, Equatable {
    /// Replaces every pool's failure domain (e.g. "osd" on a one-host cluster).
    public var failureDomain: String?
    /// Replaces every pool's device class; "" drops it (any class).
    public var deviceClass: String?
    /// Caps every pool's pg_num.
    public var maxPGNum: UInt32?

    public init(failureDomain: String? = nil, deviceClass: String? = nil, maxPGNum: UInt32? = nil) {
        self.failureDomain = failureDomain
        self.deviceClass = deviceClass
        self.maxPGNum = maxPGNum
    }

    public func apply(to plan: StoragePlan) -> StoragePlan {
        var fitted = plan
        for i in fitted.pools.indices {
            if let failureDomain { fitted.pools[i].failureDomain = failureDomain }
            if let deviceClass { fitted.pools[i].deviceClass = deviceClass.isEmpty ? nil : deviceClass }
            if let maxPGNum { fitted.pools[i].pgNum = min(fitted.pools[i].pgNum, maxPGNum) }
        }
        return fitted
    }
}
#endif
