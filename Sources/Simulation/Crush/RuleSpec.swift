/// A CRUSH rule a generated map needs for its pools, in the shapes Ceph's own commands create:
/// `ceph osd crush rule create-replicated NAME default FAILURE_DOMAIN [CLASS]` and the rule an
/// erasure-code profile makes for a pool (`ErasureCode::create_rule`).
public struct RuleSpec: Sendable, Equatable {
    public var name: String
    /// Erasure rules carry the profile's chunk count (k+m) as their `max_size`; nil for
    /// replicated rules.
    public var erasureChunks: Int?
    public var deviceClass: String?
    public var failureDomain: String

    public init(name: String, erasureChunks: Int? = nil, deviceClass: String? = nil, failureDomain: String = "host") {
        self.name = name
        self.erasureChunks = erasureChunks
        self.deviceClass = deviceClass
        self.failureDomain = failureDomain
    }

    /// The rules a generated map makes for `pools`, one per distinct rule name, in pool order.
    static func rules(for pools: [PoolSpec]) -> [RuleSpec] {
        var specs: [RuleSpec] = []
        for pool in pools where !specs.contains(where: { $0.name == pool.rule }) {
            specs.append(RuleSpec(
                name: pool.rule, erasureChunks: pool.kind.isErasure ? pool.size : nil,
                deviceClass: pool.deviceClass, failureDomain: pool.failureDomain))
        }
        return specs
    }

    /// The rule every cluster has from `ceph-mon --mkfs`: `replicated_rule`, id 0.
    public static let replicatedRule = RuleSpec(name: "replicated_rule")

    /// The name a pool's rule gets when the file does not name it: `replicated_rule` for a
    /// plain replicated pool, `replicated_<class>[_<domain>]` for the others, and the pool's
    /// own name for an erasure-coded pool (what `ceph osd pool create NAME erasure` does).
    static func defaultName(pool: String, erasure: Bool, deviceClass: String?, failureDomain: String) -> String {
        if erasure { return pool }
        if deviceClass == nil && failureDomain == "host" { return "replicated_rule" }
        var name = "replicated"
        if let deviceClass { name += "_" + deviceClass }
        if failureDomain != "host" { name += "_" + failureDomain }
        return name
    }

    /// What the rule does, for messages comparing two definitions.
    var summary: String {
        var out = erasureChunks.map { "erasure (\($0) chunks)" } ?? "replicated"
        out += " over " + failureDomain
        if let deviceClass { out += " in class " + deviceClass }
        return out
    }
}
