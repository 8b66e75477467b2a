import CRUSH

/// The up and acting sets of every PG of every pool of an `OSDMap`, kept current through
/// `OSDMapChange`s by remapping only the PGs a change can move; every answer equals what
/// `PlacementMapper` computes for the changed map from scratch (`IncrementalPlacementTests`
/// check this on random maps and change sequences).
///
/// What is kept, per PG, in flat arrays (one per pool, a stride of the pool size):
/// - its raw set (CRUSH's output with nonexistent OSDs removed, padded); the up and acting
///   sets are derived from it on each read (`_apply_upmap`, `_raw_to_up_osds`,
///   `_apply_primary_affinity`, `_get_temp_osds` cost a few comparisons and at most a hash
///   per OSD), so OSD state changes need no storage;
/// - for the few PGs with upmap entries, CRUSH's raw set and the set after upmaps (a side table);
/// - `holders`: OSD → the PGs whose raw set (or set after upmaps) holds it;
/// - `consulted`: OSD → PGs whose CRUSH descent consulted the OSD's reweight (`is_out`) without
///   the OSD ending up in the raw set — rejected as out, or accepted but then dropped — as the
///   CRUSH workspace reports them (`CrushWorkspace.recordsReweightChecks`). Entries may go
///   stale (a PG remapped for another reason stays listed); a stale entry only costs one
///   needless remap.
///
/// Which PGs a change can move, and why:
/// - **down / up, primary affinity**: CRUSH and upmaps do not read up states or affinities;
///   `_raw_to_up_osds`, `_apply_primary_affinity` and `_get_temp_osds` read them only for the
///   OSDs in the PG's set after upmaps or in its pg_temp. So: `holders[osd]` and the pg_temp
///   entries naming the OSD; their stored raw sets stay, only the derived sets change.
/// - **reweight** (out, in, any value) from w to w': CRUSH reads the reweight only in
///   `is_out(osd, x)` (mapper.c: `crush_choose_firstn` and `crush_choose_indep` call it for a
///   device they landed on), whose answer depends on the osd, the PG's input x and the weight
///   alone. A descent that never consults it, or whose answer is the same under w and w', is
///   replayed step for step. The descents that consult it are those in `holders[osd]` (the
///   device was accepted and kept) and `consulted[osd]` (rejected, or accepted and dropped),
///   and of those only the ones whose answer flips need remapping: for an out (w' = 0) that
///   is every PG that holds the OSD; for an in, the ones that rejected it and now accept it.
///   `_apply_upmap` also tests "reweight is 0" for upmap targets: a change to or from 0 adds
///   the PGs whose upmap entries name the OSD as a target.
/// - **CRUSH weight, hosts added or removed, any new CRUSH map**: `CrushChangeScope`: the
///   pools whose rule, tunables, choose_args or reachable buckets differ, each remapped whole.
/// - **new OSD slots**: CRUSH rejected devices past `max_osd` without the workspace recording
///   it, so pools whose rules reach the new ids are remapped whole; upmaps and pg_temps that
///   name OSDs are remapped too (their targets' states change).
/// - **pg_num, pgp_num, size**: that pool, whole; **upmap items**: that PG.
///
/// Memory beyond the map, per PG of size n: 4n bytes of raw set plus 4n of `holders` entries
/// (plus array growth slack), and `consulted` entries for the PGs that meet out or partially
/// reweighted OSDs. `storageBytes` on 10000 OSDs and 65536 PGs, per-OSD list headers
/// included: 31 bytes per PG for replicated size 3, 55 for an EC 4+2 pool.
///
/// Allocation: remapping one PG allocates nothing once the scratch buffers have grown; each
/// change rebuilds the per-OSD state tables of `PlacementMapper` (a few arrays of max_osd
/// entries) and, for CRUSH edits, the flattened CRUSH map.
///
/// Not thread-safe: one thread at a time uses an instance.
public final class IncrementalPlacement {
    /// The map as changed so far.
    public private(set) var map: OSDMap
    /// What the last `apply(_:)` changed (kept until the next one; reading it while holding a
    /// copy across `apply` makes that call copy its buffers).
    public private(set) var changes = PGMappingChanges()
    /// How many PGs the last `apply(_:)` looked at, and how many of those it ran through
    /// CRUSH again (the rest only had their up and acting sets derived anew).
    public private(set) var lastExamined = 0
    public private(set) var lastRecomputed = 0

    private var mapper: PlacementMapper
    private var blocks: [Block] = []
    private var upmapped: [UInt32: UpmappedRaw] = [:]
    private var holders: [[UInt32]]
    private var consulted: [Set<UInt32>]

    // Scratch, reused so that remapping allocates nothing once it has grown.
    private var staged = MappingRecords()
    private var candidates: [UInt32] = []
    private var crushRaw: [Int32] = []
    private var afterUpmap: [Int32] = []
    private var before = PGMapping()
    private var after = PGMapping()

    /// One pool's PGs: keys `keyBase ..< keyBase + pgNum`, raw sets at `seed * stride`.
    struct Block {
        var keyBase: UInt32
        var pgNum: Int
        var stride: Int
        var raw: [Int32]
    }

    /// A PG with upmap entries: CRUSH's raw set and the set after `_apply_upmap`.
    struct UpmappedRaw {
        var crush: [Int32]
        var upmapped: [Int32]
    }

    /// Fills the unused tail of a raw set (no OSD id, bucket id or `CRUSH_ITEM_NONE`).
    static let unused = Int32.min

    /// Maps every PG of `map`. Throws `tooManyPGs` if the pools hold 2^32 PGs or more.
    public init(_ map: OSDMap) throws(IncrementalPlacementError) {
        self.map = map
        mapper = PlacementMapper(map)
        mapper.workspace.recordsReweightChecks = true
        holders = Array(repeating: [], count: map.osds.count)
        consulted = Array(repeating: [], count: map.osds.count)
        var base: UInt64 = 0
        for plan in mapper.tables.pools {
            blocks.append(Block(
                keyBase: UInt32(truncatingIfNeeded: base), pgNum: Int(plan.pgNum), stride: plan.size,
                raw: Array(repeating: Self.unused, count: Int(plan.pgNum) * plan.size)))
            base += UInt64(plan.pgNum)
        }
        guard base <= UInt64(UInt32.max) else { throw .tooManyPGs(base) }
        for b in blocks.indices {
            for seed in 0..<UInt32(blocks[b].pgNum) { recompute(b, seed) }
        }
        for i in holders.indices { holders[i] = Self.trimmed(holders[i]) }
    }

    /// The number of PGs held (every pool's pg_num).
    public var pgCount: Int { blocks.reduce(0) { $0 + $1.pgNum } }

    /// Bytes held for the PGs beyond the map: raw sets, the side table, both indexes (array
    /// capacities; container headers counted once per array).
    public var storageBytes: Int {
        var bytes = 0
        for block in blocks { bytes += block.raw.capacity * 4 }
        for (_, u) in upmapped { bytes += 4 * (u.crush.capacity + u.upmapped.capacity) + 64 }
        for list in holders { bytes += list.capacity * 4 + 32 }
        for set in consulted { bytes += set.capacity * 4 + (set.isEmpty ? 8 : 48) }
        return bytes
    }

    /// The mapping of `pg` (a PG of the map: seed below its pool's pg_num; anything else maps
    /// to nothing), as `PlacementMapper.map(_:into:)` fills it.
    public func mapping(of pg: PGID, into result: inout PGMapping) {
        guard let b = mapper.tables.poolIndex[pg.pool], Int(pg.seed) < blocks[b].pgNum else {
            result = PGMapping()
            return
        }
        derive(b, pg.seed, with: mapper, into: &result)
    }

    public func mapping(of pg: PGID) -> PGMapping {
        var result = PGMapping()
        mapping(of: pg, into: &result)
        return result
    }

    /// Applies `change` to `map` and remaps the PGs it can move. Returns (and keeps in
    /// `changes`) the PGs whose up or acting set or primary changed. Throws, changing nothing,
    /// for an OSD, pool or PG the map does not have, or a value Ceph would refuse.
    @discardableResult
    public func apply(_ change: OSDMapChange) throws(IncrementalPlacementError) -> PGMappingChanges {
        changes.removeAll()
        lastExamined = 0
        lastRecomputed = 0
        switch change {
        case .markDown(let osd):
            try setOSD(osd) { $0.state.remove(.up) }
        case .markUp(let osd):
            try setOSD(osd) { $0.state.insert(.up) }
        case .primaryAffinity(let osd, let affinity):
            try Self.check("primary affinity", Int64(affinity), 0...Int64(OSD.defaultPrimaryAffinity))
            try setOSD(osd) { $0.primaryAffinity = affinity }
        case .markOut(let osd):
            try reweight(osd, 0)
        case .markIn(let osd):
            try reweight(osd, OSD.weightIn)
        case .reweight(let osd, let weight):
            try Self.check("reweight", Int64(weight), 0...Int64(OSD.weightIn))
            try reweight(osd, weight)
        case .crushWeight(let osd, let weight):
            try checkOSD(osd)
            try Self.check("CRUSH weight", Int64(weight), 0...Int64(Int32.max))
            var crush = map.crush
            crush.adjustItemWeight(osd, to: weight)
            replaceCrush(crush)
        case .crushMap(let crush):
            replaceCrush(crush)
        case .addOSDs(let osds):
            try Self.check("OSD count", Int64(map.osds.count) + Int64(osds.count), 0...Int64(Int32.max))
            addOSDs(osds)
        case .pgNum(let pool, let count):
            try Self.check("pg_num", Int64(count), 1...Int64(UInt32.max))
            try resizePool(pool, pgNum: count) { $0.setPGNum(count) }
        case .pgpNum(let pool, let count):
            try Self.check("pgp_num", Int64(count), 1...Int64(UInt32.max))
            try resizePool(pool, pgNum: nil) { $0.setPGPNum(count) }
        case .poolSize(let pool, let size):
            try Self.check("size", Int64(size), 1...32)
            try resizePool(pool, pgNum: nil) { $0.size = size }
        case .setUpmapItems(let pg, let items):
            try remapUpmaps(pg) { $0.pgUpmapItems[pg] = items.isEmpty ? nil : items }
        case .removeUpmapItems(let pg):
            try remapUpmaps(pg) { $0.pgUpmapItems[pg] = nil }
        }
        return changes
    }

    // MARK: - Changes

    private func setOSD(_ osd: Int32, _ edit: (inout OSD) -> Void) throws(IncrementalPlacementError) {
        try checkOSD(osd)
        let i = Int(osd)
        var changed = map.osds[i]
        edit(&changed)
        guard changed != map.osds[i] else { return }
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: holders[i])
        for (pg, temp) in map.pgTemp where temp.contains(osd) {
            if let key = key(of: pg) { candidates.append(key) }
        }
        remap(pools: [], crushChanged: false, recomputeCandidates: false) { $0.osds[i] = changed }
    }

    private func reweight(_ osd: Int32, _ weight: UInt32) throws(IncrementalPlacementError) {
        try checkOSD(osd)
        let i = Int(osd)
        let old = map.osds[i].weight
        let creates = !map.osds[i].exists && weight != 0
        guard old != weight || creates else { return }
        candidates.removeAll(keepingCapacity: true)
        if creates {
            // `set_weight` makes the slot exist, which every step reads: remap everything.
            remap(pools: Array(blocks.indices), crushChanged: false, recomputeCandidates: false) {
                $0.setWeight(osd, weight)
            }
            return
        }
        let pools = mapper.tables.pools
        func flips(_ key: UInt32) -> Bool {
            if !upmapped.isEmpty && upmapped[key] != nil { return true }
            let (b, seed) = locate(key)
            let x = Int32(bitPattern: pools[b].pps(seed))
            return CrushMapper.rejectsAsOut(osd, weight: old, x: x) != CrushMapper.rejectsAsOut(osd, weight: weight, x: x)
        }
        for key in holders[i] where flips(key) { candidates.append(key) }
        for key in consulted[i] where flips(key) { candidates.append(key) }
        if (old == 0) != (weight == 0) {
            for (pg, osds) in map.pgUpmap where osds.contains(osd) {
                if let key = key(of: pg) { candidates.append(key) }
            }
            for (pg, items) in map.pgUpmapItems where items.contains(where: { $0.to == osd }) {
                if let key = key(of: pg) { candidates.append(key) }
            }
        }
        // Remapped PGs that still consult the OSD are listed again as they are remapped.
        for key in candidates { consulted[i].remove(key) }
        remap(pools: [], crushChanged: false, recomputeCandidates: true) { $0.setWeight(osd, weight) }
    }

    private func replaceCrush(_ crush: CrushMap) {
        let changed = CrushChangeScope.changedBuckets(map.crush, crush)
        let pools = map.sortedPools
        let affected = blocks.indices.filter {
            CrushChangeScope.affects(pools[$0], old: map.crush, new: crush, changedBuckets: changed)
        }
        candidates.removeAll(keepingCapacity: true)
        remap(pools: affected, crushChanged: true, recomputeCandidates: false) { $0.crush = crush }
    }

    private func addOSDs(_ osds: [OSD]) {
        guard !osds.isEmpty else { return }
        let added = Int32(map.osds.count)..<Int32(map.osds.count + osds.count)
        let pools = map.sortedPools
        let affected = blocks.indices.filter { b in
            CrushChangeScope.reachable(map.crush, rule: CrushChangeScope.rule(map.crush, pools[b]))
                .contains { added.contains($0) }
        }
        candidates.removeAll(keepingCapacity: true)
        candidates.append(contentsOf: upmapped.keys)
        for pg in map.pgTemp.keys {
            if let key = key(of: pg) { candidates.append(key) }
        }
        holders.append(contentsOf: repeatElement([], count: osds.count))
        consulted.append(contentsOf: repeatElement([], count: osds.count))
        remap(pools: affected, crushChanged: false, recomputeCandidates: true) { $0.osds += osds }
    }

    private func remapUpmaps(_ pg: PGID, _ edit: (inout OSDMap) -> Void) throws(IncrementalPlacementError) {
        guard let b = mapper.tables.poolIndex[pg.pool] else { throw .noSuchPool(pg.pool) }
        guard Int(pg.seed) < blocks[b].pgNum else { throw .noSuchPG(pg, pgNum: UInt32(blocks[b].pgNum)) }
        candidates.removeAll(keepingCapacity: true)
        candidates.append(blocks[b].keyBase &+ pg.seed)
        remap(pools: [], crushChanged: false, recomputeCandidates: true, edit)
    }

    /// pg_num (`pgNum` given), pgp_num or size of one pool: the pool is remapped whole, its
    /// keys renumbered, and the keys of the pools after it shifted.
    private func resizePool(
        _ id: Int64, pgNum: UInt32?, _ edit: (inout Pool) -> Void
    ) throws(IncrementalPlacementError) {
        guard let b = mapper.tables.poolIndex[id] else { throw .noSuchPool(id) }
        let oldCount = blocks[b].pgNum
        let newCount = pgNum.map { Int($0) } ?? oldCount
        guard UInt64(pgCount - oldCount + newCount) <= UInt64(UInt32.max) else {
            throw .tooManyPGs(UInt64(pgCount - oldCount + newCount))
        }
        lastExamined = max(oldCount, newCount)
        staged.removeAll()
        for seed in 0..<UInt32(oldCount) {
            derive(b, seed, with: mapper, into: &before)
            staged.append(before)
        }
        edit(&map.pools[id]!)
        mapper = PlacementMapper(
            map: map, tables: PlacementTables(map, crush: mapper.tables.crush), workspace: mapper.workspace)
        let plan = mapper.tables.pools[b]
        rekey(from: blocks[b].keyBase, dropping: oldCount, shift: newCount - oldCount)
        for later in (b + 1)..<blocks.count {
            blocks[later].keyBase = UInt32(Int(blocks[later].keyBase) + newCount - oldCount)
        }
        blocks[b].pgNum = newCount
        blocks[b].stride = plan.size
        blocks[b].raw = Array(repeating: Self.unused, count: newCount * plan.size)
        for seed in 0..<UInt32(newCount) { recompute(b, seed) }
        let nothing = PGMapping()
        for seed in 0..<UInt32(max(oldCount, newCount)) {
            if Int(seed) < oldCount { staged.read(Int(seed), into: &before) } else { before = nothing }
            if Int(seed) < newCount { derive(b, seed, with: mapper, into: &after) } else { after = nothing }
            if Int(seed) >= oldCount || Int(seed) >= newCount || Self.differs(before, after) {
                changes.append(PGID(pool: id, seed: seed), old: before, new: after)
            }
        }
    }

    // MARK: - Remapping

    /// Stages the mappings of `candidates` and of every PG of the pools (block indices) in
    /// `pools`, applies `edit` to the map, recomputes the pools (and the candidates' raw sets
    /// if `recomputeCandidates`), and lists the PGs whose mapping differs.
    private func remap(
        pools: [Int], crushChanged: Bool, recomputeCandidates: Bool, _ edit: (inout OSDMap) -> Void
    ) {
        for b in pools {
            let base = blocks[b].keyBase
            for seed in 0..<UInt32(blocks[b].pgNum) { candidates.append(base &+ seed) }
        }
        candidates.sort()
        var unique = 0
        for key in candidates where unique == 0 || candidates[unique - 1] != key {
            candidates[unique] = key
            unique += 1
        }
        candidates.removeSubrange(unique...)

        lastExamined = candidates.count
        staged.removeAll()
        for key in candidates {
            let (b, seed) = locate(key)
            derive(b, seed, with: mapper, into: &before)
            staged.append(before)
        }
        edit(&map)
        if crushChanged {
            mapper = PlacementMapper(map)
            mapper.workspace.recordsReweightChecks = true
        } else {
            mapper = PlacementMapper(
                map: map, tables: PlacementTables(map, crush: mapper.tables.crush), workspace: mapper.workspace)
        }
        for b in pools {
            rekey(from: blocks[b].keyBase, dropping: blocks[b].pgNum, shift: 0)
            for seed in 0..<UInt32(blocks[b].pgNum) { recompute(b, seed) }
        }
        if recomputeCandidates {
            for key in candidates {
                let (b, seed) = locate(key)
                if pools.contains(b) { continue }
                removeHolders(b, seed)
                recompute(b, seed)
            }
        }
        for (i, key) in candidates.enumerated() {
            let (b, seed) = locate(key)
            staged.read(i, into: &before)
            derive(b, seed, with: mapper, into: &after)
            if Self.differs(before, after) {
                changes.append(PGID(pool: mapper.tables.pools[b].id, seed: seed), old: before, new: after)
            }
        }
    }

    /// Maps PG `seed` of block `b` with the current mapper, recording the reweights its
    /// descent consulted, and stores and indexes its raw set. Its old `holders` entries must be
    /// gone already.
    private func recompute(_ b: Int, _ seed: UInt32) {
        lastRecomputed += 1
        let plan = mapper.tables.pools[b]
        let pg = PGID(pool: plan.id, seed: seed)
        let key = blocks[b].keyBase &+ seed
        let workspace = mapper.workspace
        workspace.clearReweightChecks()
        _ = mapper.rawOSDs(plan, pg, into: &crushRaw)
        for check in workspace.reweightChecks {
            let osd = check < 0 ? ~check : check
            if Int(osd) < consulted.count && (check < 0 || !crushRaw.contains(osd)) {
                consulted[Int(osd)].insert(key)
            }
        }
        let stride = blocks[b].stride
        let base = Int(seed) * stride
        if mapper.tables.hasUpmaps && (map.pgUpmap[pg] != nil || map.pgUpmapItems[pg] != nil) {
            afterUpmap.removeAll(keepingCapacity: true)
            afterUpmap.append(contentsOf: crushRaw)
            mapper.applyUpmap(plan, pg, &afterUpmap)
            upmapped[key] = UpmappedRaw(crush: crushRaw, upmapped: afterUpmap)
            for i in 0..<stride { blocks[b].raw[base + i] = Self.unused }
            addHolders(key, crushRaw)
            addHolders(key, afterUpmap, except: crushRaw)
        } else {
            if !upmapped.isEmpty { upmapped.removeValue(forKey: key) }
            for i in 0..<stride { blocks[b].raw[base + i] = i < crushRaw.count ? crushRaw[i] : Self.unused }
            addHolders(key, crushRaw)
        }
    }

    /// The mapping of PG `seed` of block `b` from its stored raw set, by `mapper`'s map.
    private func derive(_ b: Int, _ seed: UInt32, with mapper: PlacementMapper, into result: inout PGMapping) {
        let plan = mapper.tables.pools[b]
        let pg = PGID(pool: plan.id, seed: seed)
        let key = blocks[b].keyBase &+ seed
        result.raw.removeAll(keepingCapacity: true)
        if !upmapped.isEmpty, let entry = upmapped[key] {
            result.raw.append(contentsOf: entry.crush)
            result.rawPrimary = mapper.pickPrimary(result.raw)
            mapper.upAndActing(plan, pg, pps: plan.pps(seed), upmapped: entry.upmapped[...], into: &result)
            return
        }
        let stride = blocks[b].stride
        let base = Int(seed) * stride
        var end = base
        while end < base + stride && blocks[b].raw[end] != Self.unused { end += 1 }
        result.raw.append(contentsOf: blocks[b].raw[base..<end])
        result.rawPrimary = mapper.pickPrimary(result.raw)
        mapper.upAndActing(plan, pg, pps: plan.pps(seed), upmapped: blocks[b].raw[base..<end], into: &result)
    }

    /// Whether the up or acting side of two mappings differs (what the simulator acts on).
    static func differs(_ a: PGMapping, _ b: PGMapping) -> Bool {
        a.up != b.up || a.upPrimary != b.upPrimary || a.acting != b.acting || a.actingPrimary != b.actingPrimary
    }

    // MARK: - Keys and indexes

    /// The block and seed of `key`.
    private func locate(_ key: UInt32) -> (Int, UInt32) {
        var low = 0
        var high = blocks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if blocks[mid].keyBase <= key { low = mid } else { high = mid - 1 }
        }
        return (low, key &- blocks[low].keyBase)
    }

    /// The key of `pg` if the map has that PG.
    private func key(of pg: PGID) -> UInt32? {
        guard let b = mapper.tables.poolIndex[pg.pool], Int(pg.seed) < blocks[b].pgNum else { return nil }
        return blocks[b].keyBase &+ pg.seed
    }

    /// Lists `key` under each distinct OSD of `osds` that `except` does not hold.
    private func addHolders(_ key: UInt32, _ osds: [Int32], except: [Int32] = []) {
        for (i, osd) in osds.enumerated() where osd >= 0 && Int(osd) < holders.count {
            if osds[..<i].contains(osd) || except.contains(osd) { continue }
            holders[Int(osd)].append(key)
        }
    }

    /// Removes PG `seed` of block `b` from the `holders` lists of its stored sets.
    private func removeHolders(_ b: Int, _ seed: UInt32) {
        let key = blocks[b].keyBase &+ seed
        if !upmapped.isEmpty, let entry = upmapped[key] {
            for osd in entry.crush { removeHolder(key, osd) }
            for osd in entry.upmapped { removeHolder(key, osd) }
            return
        }
        let base = Int(seed) * blocks[b].stride
        for i in base..<(base + blocks[b].stride) {
            let osd = blocks[b].raw[i]
            if osd == Self.unused { break }
            removeHolder(key, osd)
        }
    }

    private func removeHolder(_ key: UInt32, _ osd: Int32) {
        guard osd >= 0, Int(osd) < holders.count, let at = holders[Int(osd)].lastIndex(of: key) else { return }
        holders[Int(osd)].swapAt(at, holders[Int(osd)].count - 1)
        holders[Int(osd)].removeLast()
    }

    /// Drops keys `start ..< start + count` from both indexes and the side table, and moves the
    /// keys after them by `shift`.
    private func rekey(from start: UInt32, dropping count: Int, shift: Int) {
        let end = UInt64(start) + UInt64(count)
        func moved(_ key: UInt32) -> UInt32? {
            if key < start { return key }
            if UInt64(key) < end { return nil }
            return UInt32(Int(key) + shift)
        }
        for i in holders.indices where holders[i].contains(where: { $0 >= start }) {
            var kept = 0
            for key in holders[i] {
                guard let k = moved(key) else { continue }
                holders[i][kept] = k
                kept += 1
            }
            holders[i].removeSubrange(kept...)
        }
        for i in consulted.indices where consulted[i].contains(where: { $0 >= start }) {
            consulted[i] = Set(consulted[i].compactMap(moved))
        }
        if upmapped.keys.contains(where: { $0 >= start }) {
            var rekeyed: [UInt32: UpmappedRaw] = [:]
            for (key, entry) in upmapped {
                if let k = moved(key) { rekeyed[k] = entry }
            }
            upmapped = rekeyed
        }
    }

    private static func trimmed(_ list: [UInt32]) -> [UInt32] {
        guard list.capacity > list.count + 4 else { return list }
        return [UInt32](unsafeUninitializedCapacity: list.count) { buffer, count in
            _ = buffer.initialize(from: list)
            count = list.count
        }
    }

    // MARK: - Checks

    private func checkOSD(_ osd: Int32) throws(IncrementalPlacementError) {
        guard osd >= 0 && Int(osd) < map.osds.count else { throw .noSuchOSD(osd, maxOSD: map.maxOSD) }
    }

    private static func check(_ what: String, _ value: Int64, _ range: ClosedRange<Int64>) throws(IncrementalPlacementError) {
        guard range.contains(value) else { throw .valueOutOfRange(what, value: value, range: range) }
    }
}
