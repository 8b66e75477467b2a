import CRUSH

/// One pool's PGs as an OSD map places them, with what its CRUSH rule promises each OSD: the
/// up set of every PG (after upmaps, as `PlacementMapper` computes it) and each OSD's weight in
/// the rule, the weights the upmap balancer of Ceph's `OSDMap::calc_pg_upmaps` aims at: the
/// crush weight met under the rule's take steps (`RuleOSDWeights`, so a class rule sees only
/// its class) times the OSD's reweight (0 when out).
public struct PoolPlacement: Sendable {
    /// One OSD the pool's rule can reach.
    public struct Device: Sendable, Equatable {
        public var osd: Int32
        /// The crush weight under the rule's take (1.0 ≈ 1 TiB by convention).
        public var crushWeight: Double
        /// `crushWeight` times the reweight: what the OSD should get a share of data for.
        public var weight: Double
    }

    public let pool: Pool
    /// The rule's index in the crush map, nil when no rule matches the pool.
    public let rule: Int32?
    /// The rule's failure domain, nil without a rule.
    let failureDomain: RuleFailureDomain?
    /// The up set of PG `pool.seed`, indexed by seed (`0..<pg_num`).
    public let up: [[Int32]]
    /// The up primary of each PG (-1 if none), after primary affinity.
    public let upPrimary: [Int32]
    /// The raw set (CRUSH's, or an explicit `pg_upmap`) that `pg_upmap_items` apply to.
    let raw: [[Int32]]
    /// The OSDs the rule reaches, ascending by id.
    public let devices: [Device]
    /// For a rule with several `take` steps (an ssd-primary rule), the OSDs under each take, so
    /// that a shard stays under the take that placed it; empty for a rule with one take.
    let takes: [Set<Int32>]

    /// Maps every PG of `pool` with `mapper`.
    public init(pool: Pool, mapper: PlacementMapper) {
        let map = mapper.map
        self.pool = pool
        let rule = map.crush.findRule(ruleset: pool.crushRule, poolType: pool.kind.code, size: Int(pool.size))
        self.rule = rule
        failureDomain = rule.flatMap { map.crush.rules[Int($0)] }.map { RuleFailureDomain($0) }
        var sets: [[Int32]] = []
        var raws: [[Int32]] = []
        var primaries: [Int32] = []
        sets.reserveCapacity(Int(pool.pgNum))
        raws.reserveCapacity(Int(pool.pgNum))
        var m = PGMapping()
        for seed in 0..<pool.pgNum {
            let pg = PGID(pool: pool.id, seed: seed)
            mapper.map(pg, into: &m)
            sets.append(m.up)
            primaries.append(m.upPrimary)
            raws.append(map.pgUpmap[pg] ?? m.raw)
        }
        up = sets
        upPrimary = primaries
        raw = raws
        var devices: [Device] = []
        if let rule, let weights = try? RuleOSDWeights(rule: rule, in: map.crush) {
            for entry in weights.entries where entry.osd >= 0 {
                let reweight = map.exists(entry.osd) ? Double(map.osds[Int(entry.osd)].weight) / Double(OSD.weightIn) : 0
                devices.append(Device(
                    osd: entry.osd, crushWeight: Double(entry.crushWeight),
                    weight: Double(entry.crushWeight) * reweight))
            }
        }
        self.devices = devices
        let takeItems = rule.flatMap { map.crush.rules[Int($0)] }?.steps.filter { $0.op == .take }.map(\.arg1) ?? []
        takes = takeItems.count > 1 ? takeItems.map { Self.devices(under: $0, in: map.crush) } : []
    }

    /// The devices under `item` (itself if it is one).
    static func devices(under item: Int32, in crush: CrushMap) -> Set<Int32> {
        var found: Set<Int32> = []
        var stack = [item]
        var seen: Set<Int32> = []
        while let id = stack.popLast() {
            if id >= 0 {
                found.insert(id)
            } else if seen.insert(id).inserted, let bucket = crush.bucket(id: id) {
                stack.append(contentsOf: bucket.items)
            }
        }
        return found
    }

    /// PG shards (`pg_num × size`) the pool places.
    public var shards: Int { Int(pool.pgNum) * Int(pool.size) }

    /// The PGs of every pool of `map` (or of `only`), in pool id order, mapped once.
    public static func all(_ map: OSDMap, only: Set<Int64>? = nil) -> [PoolPlacement] {
        let mapper = PlacementMapper(map)
        return map.sortedPools.filter { only?.contains($0.id) ?? true }.map { PoolPlacement(pool: $0, mapper: mapper) }
    }
}
