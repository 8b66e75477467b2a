import CRUSH

/// Evens out PG shards over OSDs with `pg_upmap_items`, as Ceph's upmap balancer does, but
/// deterministically and never against the pool's CRUSH rule. Collective's own algorithm (Ceph
/// 16.2.15's `OSDMap::calc_pg_upmaps` shuffles with a random seed, so its output differs from
/// run to run):
///
/// - per pool, in id order, targets and deviations as `PoolDeviation` computes them (usable,
///   i.e. cropped, weights: a target the failure domains allow);
/// - repeatedly, the OSD furthest from its target beyond `maxDeviation` gives one shard to
///   (when over) the furthest-under OSD that may take it, or takes one from (when under) the
///   furthest-over OSD that may give it, provided the sum of squared deviations drops
///   (the receiver ends below where the giver started);
/// - a shard may move from OSD X to Y in a PG only if Y is up, in, reached by the rule (its
///   root and device class) with usable weight, not in the PG's up or raw set, Y's failure
///   domain holds no other shard of the PG, and Y shares X's bucket of every outer type the rule
///   chooses (the rack of `choose 2 rack` then `chooseleaf 2 host`), and, in a rule with several
///   `take` steps (ssd primary, hdd replicas), under a take that also reaches X;
/// - a move composes with the PG's existing items: undoing an item drops it, moving an
///   item's target rewrites it, else a pair is appended; the result is what
///   `PlacementMapper` then computes;
/// - PGs whose up set is not full (down OSDs, holes) or that have a `pg_upmap` are left alone;
/// - at most `maxChanges` PGs change (osdmaptool's `--upmap-max`, default 10).
public struct UpmapBalancer: Sendable {
    public var maxDeviation: Int
    public var maxChanges: Int
    /// Pools to balance, all when nil.
    public var pools: Set<Int64>?

    public init(maxDeviation: Int = 5, maxChanges: Int = 10, pools: Set<Int64>? = nil) {
        self.maxDeviation = maxDeviation
        self.maxChanges = maxChanges
        self.pools = pools
    }

    /// What one run proposes.
    public struct Result: Sendable {
        /// The new item lists of the PGs it changes.
        public var commands: UpmapCommands
        /// Shards that move (the data the commands cost).
        public var shardsMoved: Int
        /// Per pool, deviations before and after.
        public var before: [PoolDeviation]
        public var after: [PoolDeviation]
    }

    public func balance(_ map: OSDMap) -> Result {
        let ancestry = CrushAncestry(map.crush)
        let mapper = PlacementMapper(map)
        var commands = UpmapCommands()
        var moved = 0
        var changed = 0
        var before: [PoolDeviation] = []
        for pool in map.sortedPools where pools?.contains(pool.id) ?? true {
            let placement = PoolPlacement(pool: pool, mapper: mapper)
            let deviation = PoolDeviation(placement, map: map)
            before.append(deviation)
            guard changed < maxChanges, let domain = placement.failureDomain else { continue }
            var state = PoolState(placement: placement, deviation: deviation, map: map, ancestry: ancestry, domain: domain)
            while changed < maxChanges, let move = state.bestMove(maxDeviation: Double(maxDeviation)) {
                if state.apply(move) { changed += 1 }
            }
            for (seed, items) in state.newItems.sorted(by: { $0.key < $1.key }) {
                let pg = PGID(pool: pool.id, seed: seed)
                if items != (map.pgUpmapItems[pg] ?? []) { commands.items[pg] = items }
            }
            moved += state.shardsMoved
        }
        let balanced = commands.applied(to: map)
        let after = PoolPlacement.all(balanced, only: Set(before.map(\.pool))).map { PoolDeviation($0, map: balanced) }
        return Result(commands: commands, shardsMoved: moved, before: before, after: after)
    }

    /// What `commands` (another balancer's, e.g. `osdmaptool --upmap`'s) cost and reach on
    /// `map`, measured as this balancer's results are: shards moved by `MapComparison`,
    /// deviations by `PoolDeviation`, for the pools this balancer would balance.
    public func evaluate(_ commands: UpmapCommands, on map: OSDMap) -> Result {
        let only = pools ?? Set(map.pools.keys)
        let balanced = commands.applied(to: map)
        let before = PoolPlacement.all(map, only: only).map { PoolDeviation($0, map: map) }
        let after = PoolPlacement.all(balanced, only: only).map { PoolDeviation($0, map: balanced) }
        let moved = MapComparison(before: map, after: balanced, pools: only).shardsMoved
        return Result(commands: commands, shardsMoved: moved, before: before, after: after)
    }

    /// One candidate: in PG `seed`, put `to` where `from` is.
    struct Move {
        var seed: UInt32
        var from: Int32
        var to: Int32
    }

    /// The working copy of one pool: up sets, counts and items as moves are applied.
    struct PoolState {
        var up: [[Int32]]
        let raw: [[Int32]]
        let originalUp: [[Int32]]
        var items: [[UpmapItem]]
        var newItems: [UInt32: [UpmapItem]] = [:]
        let eligible: [Bool]
        var counts: [Int32: Int]
        let targets: [Int32: Double]
        /// Failure domain, and outer domains, of each candidate OSD.
        let domainOf: [Int32: Int32]
        let outerOf: [Int32: [Int32]]
        let candidates: [Int32]
        /// The rule's takes, when it has several (`PoolPlacement.takes`).
        let takes: [Set<Int32>]

        init(placement: PoolPlacement, deviation: PoolDeviation, map: OSDMap, ancestry: CrushAncestry, domain: RuleFailureDomain) {
            up = placement.up
            originalUp = placement.up
            raw = placement.raw
            let pool = placement.pool
            items = (0..<pool.pgNum).map { map.pgUpmapItems[PGID(pool: pool.id, seed: $0)] ?? [] }
            eligible = (0..<Int(pool.pgNum)).map { seed in
                let pg = PGID(pool: pool.id, seed: UInt32(seed))
                let set = placement.up[seed]
                return map.pgUpmap[pg] == nil && set.count == Int(pool.size)
                    && !set.contains { $0 == crushItemNone || $0 < 0 }
            }
            counts = deviation.counts
            targets = deviation.targets
            candidates = deviation.targets.keys.sorted()
            takes = placement.takes
            var domainOf: [Int32: Int32] = [:]
            var outerOf: [Int32: [Int32]] = [:]
            var osds = Set(candidates)
            for set in placement.up { osds.formUnion(set.filter { $0 >= 0 && $0 != crushItemNone }) }
            for osd in osds {
                domainOf[osd] = ancestry.ancestor(of: osd, type: domain.type) ?? osd
                outerOf[osd] = domain.outerTypes.map { ancestry.ancestor(of: osd, type: $0) ?? 0 }
            }
            self.domainOf = domainOf
            self.outerOf = outerOf
        }

        var shardsMoved: Int {
            var n = 0
            for seed in newItems.keys {
                let a = originalUp[Int(seed)], b = up[Int(seed)]
                for i in a.indices where a[i] != b[i] { n += 1 }
            }
            return n
        }

        func deviation(_ osd: Int32) -> Double { Double(counts[osd] ?? 0) - (targets[osd] ?? 0) }

        /// May `to` replace `from` in PG `seed`?
        func allowed(_ seed: Int, from: Int32, to: Int32) -> Bool {
            guard eligible[seed], targets[to] != nil else { return false }
            let set = up[seed]
            if set.contains(to) { return false }
            if raw[seed].contains(to) && !items[seed].contains(where: { $0.from == to && $0.to == from }) { return false }
            let d = domainOf[to]
            for osd in set where osd != from && domainOf[osd] == d { return false }
            if !takes.isEmpty && !takes.contains(where: { $0.contains(from) && $0.contains(to) }) { return false }
            return outerOf[to] == outerOf[from]
        }

        /// The move that helps the OSD furthest from its target most, or nil.
        func bestMove(maxDeviation: Double) -> Move? {
            let order = counts.keys.filter { abs(deviation($0)) > maxDeviation }
                .sorted { (abs(deviation($0)), $1) > (abs(deviation($1)), $0) }
            for osd in order {
                if let move = deviation(osd) > 0 ? moveOut(of: osd) : moveIn(to: osd) { return move }
            }
            return nil
        }

        /// A shard of `x` to the most underfull OSD that may take it.
        func moveOut(of x: Int32) -> Move? {
            let dx = deviation(x)
            var best: (Move, Double)?
            for seed in up.indices where up[seed].contains(x) {
                for y in candidates where deviation(y) < dx - 1 {
                    let dy = deviation(y)
                    if let (_, b) = best, dy >= b { continue }
                    if allowed(seed, from: x, to: y) { best = (Move(seed: UInt32(seed), from: x, to: y), dy) }
                }
            }
            return best?.0
        }

        /// A shard for `y` from the most overfull OSD that may give it.
        func moveIn(to y: Int32) -> Move? {
            let dy = deviation(y)
            var best: (Move, Double)?
            for seed in up.indices where !up[seed].contains(y) {
                for x in up[seed] where deviation(x) > dy + 1 {
                    let dx = deviation(x)
                    if let (_, b) = best, dx <= b { continue }
                    if allowed(seed, from: x, to: y) { best = (Move(seed: UInt32(seed), from: x, to: y), dx) }
                }
            }
            return best?.0
        }

        /// Applies `move`; returns whether its PG changed for the first time.
        mutating func apply(_ move: Move) -> Bool {
            let seed = Int(move.seed)
            var list = items[seed]
            if let k = list.firstIndex(where: { $0.to == move.from }) {
                if list[k].from == move.to {
                    list.remove(at: k)
                } else {
                    list[k].to = move.to
                }
            } else {
                list.append(UpmapItem(from: move.from, to: move.to))
            }
            items[seed] = list
            let position = up[seed].firstIndex(of: move.from)!
            up[seed][position] = move.to
            counts[move.from, default: 0] -= 1
            counts[move.to, default: 0] += 1
            let first = newItems[move.seed] == nil
            newItems[move.seed] = list
            return first
        }
    }
}
