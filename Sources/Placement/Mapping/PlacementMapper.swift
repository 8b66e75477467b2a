import CRUSH

/// Maps PGs to OSDs exactly as Ceph 16.2.15's `OSDMap` does (OSDMap.cc):
///
/// 1. `_pg_to_raw_osds`: the placement seed `raw_pg_to_pps`, the pool's rule found with
///    `crush_find_rule` (ruleset, pool type, size), `crush_do_rule` with the OSD reweights and
///    the pool's choose_args (or the compat ones), then `_remove_nonexistent_osds`
///    (replicated pools close the gap, erasure pools put `CRUSH_ITEM_NONE` in it);
/// 2. `_apply_upmap`: a `pg_upmap` entry replaces the raw set unless one of its OSDs is out;
///    then each `pg_upmap_items` pair replaces the first occurrence of `from` by `to` unless
///    `to` is already in the set or is out;
/// 3. `_raw_to_up_osds`: down or nonexistent OSDs removed (replicated) or set to NONE (erasure);
/// 4. `_pick_primary` (first OSD that is not NONE) and `_apply_primary_affinity`: an OSD
///    with affinity a < 1 stays primary only when `hash(pps, osd) >> 16 < a`; the first one
///    that does becomes primary (moved to the front in replicated pools), else the first
///    rejected one;
/// 5. `_get_temp_osds`: a `pg_temp` entry (its down/nonexistent OSDs removed or NONE) is the
///    acting set, `primary_temp` or the temp set's first OSD its primary; without one the
///    acting set is the up set.
///
/// A mapper belongs to one thread at a time; `makeSibling()` gives another one that shares
/// the prepared tables. Mapping a PG allocates nothing once the `PGMapping` it fills has
/// grown to the pool size.
public final class PlacementMapper {
    /// The map being placed with.
    public let map: OSDMap
    let tables: PlacementTables
    let workspace: CrushWorkspace
    private var upmapped: [Int32] = []

    public init(_ map: OSDMap) {
        self.map = map
        tables = PlacementTables(map)
        workspace = tables.crush.makeWorkspace(resultMax: 16)
    }

    /// A mapper over `map` with prepared `tables`; `workspace` may be one made by `tables.crush`.
    init(map: OSDMap, tables: PlacementTables, workspace: CrushWorkspace? = nil) {
        self.map = map
        self.tables = tables
        self.workspace = workspace ?? tables.crush.makeWorkspace(resultMax: 16)
    }

    /// Another mapper over the same map, for another thread.
    public func makeSibling() -> PlacementMapper {
        PlacementMapper(map: map, tables: tables)
    }

    /// The full mapping of `pg` (allocates; see `map(_:into:)` for loops).
    public func mapping(for pg: PGID) -> PGMapping {
        var result = PGMapping()
        map(pg, into: &result)
        return result
    }

    /// `pg_to_raw_osds`, `pg_to_up_acting_osds` and the raw primary, into `result`. A PG of a
    /// pool the map does not have maps to nothing. `pg` may be a raw PG id (any seed):
    /// placement folds it with pgp_num, upmaps and temps with pg_num, as Ceph does.
    public func map(_ pg: PGID, into result: inout PGMapping) {
        guard let poolIndex = tables.poolIndex[pg.pool] else {
            result.raw.removeAll(keepingCapacity: true)
            result.up.removeAll(keepingCapacity: true)
            result.acting.removeAll(keepingCapacity: true)
            result.rawPrimary = -1
            result.upPrimary = -1
            result.actingPrimary = -1
            return
        }
        let pool = tables.pools[poolIndex]
        let pps = rawOSDs(pool, pg, into: &result.raw)
        result.rawPrimary = pickPrimary(result.raw)

        upmapped.removeAll(keepingCapacity: true)
        upmapped.append(contentsOf: result.raw)
        applyUpmap(pool, pg, &upmapped)
        upAndActing(pool, pg, pps: pps, upmapped: upmapped[...], into: &result)
    }

    /// Steps 3 to 5 for a PG whose raw set after upmaps is `upmapped`: fills `result`'s up
    /// and acting sets and their primaries (not its raw set).
    func upAndActing(
        _ pool: PlacementTables.PoolPlan, _ pg: PGID, pps: UInt32, upmapped: ArraySlice<Int32>,
        into result: inout PGMapping
    ) {
        rawToUp(pool, upmapped, into: &result.up)
        result.upPrimary = pickPrimary(result.up)
        applyPrimaryAffinity(pps, pool, &result.up, &result.upPrimary)

        tempOSDs(pool, pg, into: &result.acting, primary: &result.actingPrimary)
        if result.acting.isEmpty {
            result.acting.append(contentsOf: result.up)
            if result.actingPrimary == -1 { result.actingPrimary = result.upPrimary }
        }
    }

    // MARK: - The steps of OSDMap::_pg_to_up_acting_osds

    /// `_pg_to_raw_osds`; returns the placement seed.
    func rawOSDs(_ pool: PlacementTables.PoolPlan, _ pg: PGID, into raw: inout [Int32]) -> UInt32 {
        let pps = pool.pps(pg.seed)
        raw.removeAll(keepingCapacity: true)
        guard let rule = pool.rule, pool.size > 0 else { return pps }
        raw.append(contentsOf: repeatElement(0, count: pool.size))
        let n = raw.withUnsafeMutableBufferPointer { out in
            tables.weights.withUnsafeBufferPointer { w in
                tables.crush.doRule(
                    rule, x: Int32(bitPattern: pps), result: out, weights: w, workspace: workspace,
                    chooseArgs: pool.chooseArgs)
            }
        }
        raw.removeSubrange(n...)
        removeNonexistent(pool, &raw)
        return pps
    }

    /// `_remove_nonexistent_osds`.
    private func removeNonexistent(_ pool: PlacementTables.PoolPlan, _ osds: inout [Int32]) {
        if pool.canShift {
            var kept = 0
            for i in osds.indices where tables.exists(osds[i]) {
                osds[kept] = osds[i]
                kept += 1
            }
            osds.removeSubrange(kept...)
        } else {
            for i in osds.indices where !tables.exists(osds[i]) {
                osds[i] = crushItemNone
            }
        }
    }

    /// `_pick_primary`: the first OSD that is not `CRUSH_ITEM_NONE`, else -1.
    func pickPrimary(_ osds: [Int32]) -> Int32 {
        osds.first { $0 != crushItemNone } ?? -1
    }

    /// `_apply_upmap`.
    func applyUpmap(_ pool: PlacementTables.PoolPlan, _ rawPG: PGID, _ raw: inout [Int32]) {
        guard tables.hasUpmaps else { return }
        let pg = PGID(pool: rawPG.pool, seed: pool.fold(rawPG.seed))
        if let explicit = map.pgUpmap[pg] {
            // An explicit mapping to an OSD that is out is ignored altogether.
            for osd in explicit where osd != crushItemNone && tables.isMarkedOut(osd) {
                return
            }
            raw.removeAll(keepingCapacity: true)
            raw.append(contentsOf: explicit)
        }
        guard let items = map.pgUpmapItems[pg] else { return }
        for item in items {
            var alreadyThere = false
            var position = -1
            for i in raw.indices {
                let osd = raw[i]
                if osd == item.to {
                    alreadyThere = true
                    break
                }
                if osd == item.from && position < 0
                    && !(item.to != crushItemNone && tables.isMarkedOut(item.to))
                {
                    position = i
                }
            }
            if !alreadyThere && position >= 0 {
                raw[position] = item.to
            }
        }
    }

    /// `_raw_to_up_osds`.
    private func rawToUp(_ pool: PlacementTables.PoolPlan, _ raw: ArraySlice<Int32>, into up: inout [Int32]) {
        up.removeAll(keepingCapacity: true)
        if pool.canShift {
            for osd in raw where tables.isUp(osd) { up.append(osd) }
        } else {
            for osd in raw { up.append(tables.isUp(osd) ? osd : crushItemNone) }
        }
    }

    /// `_apply_primary_affinity`.
    private func applyPrimaryAffinity(
        _ seed: UInt32, _ pool: PlacementTables.PoolPlan, _ osds: inout [Int32], _ primary: inout Int32
    ) {
        guard tables.hasPrimaryAffinity else { return }
        var any = false
        for osd in osds where osd != crushItemNone && tables.affinity(osd) != OSD.defaultPrimaryAffinity {
            any = true
            break
        }
        guard any else { return }
        var position = -1
        for i in osds.indices {
            let osd = osds[i]
            if osd == crushItemNone { continue }
            let a = tables.affinity(osd)
            if a < OSD.defaultPrimaryAffinity
                && CrushHash.hash2(CrushHash.rjenkins1, seed, UInt32(bitPattern: osd)) >> 16 >= a
            {
                // Declined; remember it in case nobody else accepts.
                if position < 0 { position = i }
            } else {
                position = i
                break
            }
        }
        guard position >= 0 else { return }
        primary = osds[position]
        if pool.canShift && position > 0 {
            var i = position
            while i > 0 {
                osds[i] = osds[i - 1]
                i -= 1
            }
            osds[0] = primary
        }
    }

    /// `_get_temp_osds`.
    private func tempOSDs(
        _ pool: PlacementTables.PoolPlan, _ rawPG: PGID, into temp: inout [Int32], primary: inout Int32
    ) {
        temp.removeAll(keepingCapacity: true)
        primary = -1
        guard tables.hasTemps else { return }
        let pg = PGID(pool: rawPG.pool, seed: pool.fold(rawPG.seed))
        if let osds = map.pgTemp[pg] {
            for osd in osds {
                if !tables.isUp(osd) {
                    if !pool.canShift { temp.append(crushItemNone) }
                } else {
                    temp.append(osd)
                }
            }
        }
        if let p = map.primaryTemp[pg] {
            primary = p
        } else if let first = temp.first(where: { $0 != crushItemNone }) {
            primary = first
        }
    }
}

/// What every mapper over one map shares: the CRUSH mapper, the OSD states and reweights in
/// flat arrays, and per pool its resolved rule and choose_args.
final class PlacementTables: @unchecked Sendable {
    /// Per pool, what placing one of its PGs needs.
    struct PoolPlan {
        let id: Int64
        let size: Int
        let canShift: Bool
        let hashPSPool: Bool
        let pgNum: UInt32
        let pgNumMask: UInt32
        let pgpNum: UInt32
        let pgpNumMask: UInt32
        let rule: Int?
        let chooseArgs: CrushChooseArgs?

        @inline(__always)
        func fold(_ seed: UInt32) -> UInt32 { cephStableMod(seed, pgNum, pgNumMask) }

        /// `raw_pg_to_pps`.
        @inline(__always)
        func pps(_ seed: UInt32) -> UInt32 {
            let folded = cephStableMod(seed, pgpNum, pgpNumMask)
            let pool = UInt32(truncatingIfNeeded: id)
            return hashPSPool ? CrushHash.hash2(CrushHash.rjenkins1, folded, pool) : folded &+ pool
        }
    }

    let crush: CrushMapper
    /// osd_weight, one entry per OSD slot: CRUSH's device weights.
    let weights: [UInt32]
    /// Per OSD slot: bit 0 exists, bit 1 up.
    let status: [UInt8]
    let affinities: [UInt32]
    let hasPrimaryAffinity: Bool
    let hasUpmaps: Bool
    let hasTemps: Bool
    let pools: [PoolPlan]
    let poolIndex: [Int64: Int]

    /// Tables for `map`; `crush` may be a mapper already made for `map.crush`.
    init(_ map: OSDMap, crush: CrushMapper? = nil) {
        self.crush = crush ?? CrushMapper(map.crush)
        weights = map.osds.map(\.weight)
        status = map.osds.map { ($0.exists ? 1 : 0) | ($0.isUp ? 2 : 0) }
        affinities = map.osds.map(\.primaryAffinity)
        hasPrimaryAffinity = affinities.contains { $0 != OSD.defaultPrimaryAffinity }
        hasUpmaps = !map.pgUpmap.isEmpty || !map.pgUpmapItems.isEmpty
        hasTemps = !map.pgTemp.isEmpty || !map.primaryTemp.isEmpty
        var plans: [PoolPlan] = []
        var index: [Int64: Int] = [:]
        for pool in map.sortedPools {
            let rule = map.crush.findRule(ruleset: pool.crushRule, poolType: pool.kind.code, size: Int(pool.size)).map { Int($0) }
            let args = map.crush.chooseArgsWithFallback(index: pool.id).map { CrushChooseArgs($0, map: map.crush) }
            index[pool.id] = plans.count
            plans.append(PoolPlan(
                id: pool.id, size: Int(pool.size), canShift: pool.canShiftOSDs,
                hashPSPool: pool.flags.contains(.hashPSPool), pgNum: pool.pgNum, pgNumMask: pool.pgNumMask,
                pgpNum: pool.pgpNum, pgpNumMask: pool.pgpNumMask, rule: rule, chooseArgs: args))
        }
        pools = plans
        poolIndex = index
    }

    @inline(__always)
    func exists(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < status.count && status[Int(osd)] & 1 != 0
    }

    @inline(__always)
    func isUp(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < status.count && status[Int(osd)] == 3
    }

    /// The test `_apply_upmap` makes: a valid OSD id whose reweight is 0 (existing or not).
    @inline(__always)
    func isMarkedOut(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < weights.count && weights[Int(osd)] == 0
    }

    @inline(__always)
    func affinity(_ osd: Int32) -> UInt32 {
        osd >= 0 && Int(osd) < affinities.count ? affinities[Int(osd)] : OSD.defaultPrimaryAffinity
    }
}
