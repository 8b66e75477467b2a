internal import CRUSH
internal import Placement

/// The up set of every PG of every pool for the current OSD map, in flat arrays (one per pool,
/// `size` slots per PG, `crushItemNone` where a slot is empty). It is the simulator's one seam
/// to placement: `recompute(_:)` brings the table to a new map and says which PGs' up sets
/// changed.
///
/// Placement's `IncrementalPlacement` does the mapping: `recompute` compares the new map with
/// the one it holds (OSD states, reweights, primary affinities, new OSD slots, the CRUSH map,
/// pool size and pg_num), applies the differences as `OSDMapChange`s, which remap only the PGs
/// each change can reach, and refreshes the table rows of the PGs they report. A difference
/// no `OSDMapChange` expresses (an OSD slot destroyed, pools added or removed, upmaps or
/// pg_temps) makes it map every PG again, as a full pass.
struct PGMappingTable {
    struct PoolTable {
        var poolID: Int64
        var pgNum: Int
        /// Slots per PG: the pool's size.
        var width: Int
        /// `up[pg * width + slot]`.
        var up: [Int32]
        var upPrimary: [Int32]
    }

    /// One entry per pool of the map, in pool id order.
    private(set) var pools: [PoolTable] = []
    /// The incremental remapper, holding the map the table was computed for (nil only if the
    /// map holds more PGs than it numbers; every recompute is then a full pass).
    private var placement: IncrementalPlacement?
    private var scratch = PGMapping()

    init(map: OSDMap) {
        _ = recompute(map)
    }

    struct Change {
        var poolIndex: Int
        var reshaped: Bool
        var changedPGs: [Int]
    }

    /// Brings the table to `map`; returns, per pool index, whether the pool's shape changed
    /// (size or pg_num: every PG is new) and the PGs whose up set or primary changed, ascending.
    mutating func recompute(_ map: OSDMap) -> [Change] {
        if let placement, let candidates = Self.applyDifferences(to: placement, toReach: map) {
            return refresh(candidates)
        }
        return fullPass(map)
    }

    /// The up set of `pg` in pool `poolIndex` (with empty slots).
    func up(pool poolIndex: Int, pg: Int) -> ArraySlice<Int32> {
        let table = pools[poolIndex]
        return table.up[(pg * table.width)..<((pg + 1) * table.width)]
    }

    /// Bytes the mapping keeps per PG beyond the map: the table and the remapper's state.
    var storageBytes: Int {
        var bytes = placement?.storageBytes ?? 0
        for table in pools { bytes += table.up.capacity * 4 + table.upPrimary.capacity * 4 }
        return bytes
    }

    // MARK: - Passes

    /// Maps every PG of `map` (a new remapper, the table filled from it).
    private mutating func fullPass(_ map: OSDMap) -> [Change] {
        placement = try? IncrementalPlacement(map)
        let mapper = placement == nil ? PlacementMapper(map) : nil
        var changes: [Change] = []
        var next: [PoolTable] = []
        for pool in map.sortedPools {
            let width = Int(pool.size)
            let pgNum = Int(pool.pgNum)
            let old = pools.first { $0.poolID == pool.id }
            let reshaped = old == nil || old!.width != width || old!.pgNum != pgNum
            var table = old.flatMap { reshaped ? nil : $0 } ?? Self.empty(pool)
            var changed: [Int] = []
            for seed in 0..<pgNum {
                let pg = PGID(pool: pool.id, seed: UInt32(seed))
                if let placement { placement.mapping(of: pg, into: &scratch) } else { mapper!.map(pg, into: &scratch) }
                if store(scratch, seed, in: &table), !reshaped { changed.append(seed) }
            }
            changes.append(Change(poolIndex: next.count, reshaped: reshaped, changedPGs: changed))
            next.append(table)
        }
        pools = next
        return changes
    }

    /// Refreshes the rows of the PGs the remapper reported (`candidates` per pool id; nil for a
    /// reshaped pool, whose every row is rebuilt).
    private mutating func refresh(_ candidates: [Int64: [UInt32]?]) -> [Change] {
        guard let placement else { return [] }
        var changes: [Change] = []
        for index in pools.indices {
            let id = pools[index].poolID
            guard let entry = candidates[id] else {
                changes.append(Change(poolIndex: index, reshaped: false, changedPGs: []))
                continue
            }
            guard let seeds = entry else {
                let pool = placement.map.pools[id]!
                var table = Self.empty(pool)
                for seed in 0..<table.pgNum {
                    placement.mapping(of: PGID(pool: id, seed: UInt32(seed)), into: &scratch)
                    store(scratch, seed, in: &table)
                }
                pools[index] = table
                changes.append(Change(poolIndex: index, reshaped: true, changedPGs: []))
                continue
            }
            var changed: [Int] = []
            var previous: UInt32?
            for seed in seeds.sorted() where seed != previous {
                previous = seed
                placement.mapping(of: PGID(pool: id, seed: seed), into: &scratch)
                if store(scratch, Int(seed), in: &pools[index]) { changed.append(Int(seed)) }
            }
            changes.append(Change(poolIndex: index, reshaped: false, changedPGs: changed))
        }
        return changes
    }

    private static func empty(_ pool: Pool) -> PoolTable {
        let width = Int(pool.size)
        let pgNum = Int(pool.pgNum)
        return PoolTable(
            poolID: pool.id, pgNum: pgNum, width: width,
            up: [Int32](repeating: crushItemNone, count: pgNum * width),
            upPrimary: [Int32](repeating: -1, count: pgNum))
    }

    /// Writes `mapping`'s up set and primary into row `seed`; returns whether the row changed.
    @discardableResult
    private func store(_ mapping: PGMapping, _ seed: Int, in table: inout PoolTable) -> Bool {
        let width = table.width
        let base = seed * width
        var changed = table.upPrimary[seed] != mapping.upPrimary
        table.upPrimary[seed] = mapping.upPrimary
        for slot in 0..<width {
            let osd = slot < mapping.up.count ? mapping.up[slot] : crushItemNone
            if table.up[base + slot] != osd {
                changed = true
                table.up[base + slot] = osd
            }
        }
        return changed
    }

    // MARK: - Map differences

    /// Applies to `placement` the changes that turn its map into `target`, as far as placement
    /// reads the map. Returns the PGs whose mapping may have changed per pool id (nil for a
    /// pool whose size or pg_num changed), or nil if a difference is not an `OSDMapChange` (or
    /// the remapper refused one): the caller then maps everything again.
    private static func applyDifferences(
        to placement: IncrementalPlacement, toReach target: OSDMap
    ) -> [Int64: [UInt32]?]? {
        let current = placement.map
        guard target.osds.count >= current.osds.count,
              target.pools.keys.sorted() == current.pools.keys.sorted(),
              target.pgTemp == current.pgTemp, target.primaryTemp == current.primaryTemp,
              target.pgUpmap == current.pgUpmap, target.pgUpmapItems == current.pgUpmapItems
        else { return nil }
        for (i, osd) in current.osds.enumerated() {
            // No change destroys a slot or sets flags other than up.
            let other = target.osds[i]
            guard osd.exists == other.exists || (!osd.exists && other.weight != 0) else { return nil }
        }
        var changes: [OSDMapChange] = []
        if target.osds.count > current.osds.count {
            changes.append(.addOSDs(Array(target.osds[current.osds.count...])))
        }
        if target.crush != current.crush { changes.append(.crushMap(target.crush)) }
        for (i, osd) in current.osds.enumerated() {
            let other = target.osds[i]
            let id = Int32(i)
            if osd.weight != other.weight || (!osd.exists && other.exists) { changes.append(.reweight(id, other.weight)) }
            if osd.primaryAffinity != other.primaryAffinity { changes.append(.primaryAffinity(id, other.primaryAffinity)) }
            if osd.state.contains(.up) != other.state.contains(.up) {
                changes.append(other.state.contains(.up) ? .markUp(id) : .markDown(id))
            }
        }
        for (id, pool) in current.pools.sorted(by: { $0.key < $1.key }) {
            let other = target.pools[id]!
            if pool.size != other.size { changes.append(.poolSize(pool: id, other.size)) }
            if pool.pgNum != other.pgNum { changes.append(.pgNum(pool: id, other.pgNum)) }
            if pool.pgpNum != other.pgpNum { changes.append(.pgpNum(pool: id, other.pgpNum)) }
        }
        var candidates: [Int64: [UInt32]?] = [:]
        for change in changes {
            let reshapes: Int64?
            switch change {
            case .poolSize(let pool, _), .pgNum(let pool, _): reshapes = pool
            default: reshapes = nil
            }
            guard let applied = try? placement.apply(change) else { return nil }
            if let reshapes { candidates[reshapes] = .some(nil) }
            for pg in applied.pgs where candidates[pg.pool] != .some(nil) {
                candidates[pg.pool, default: []]!.append(pg.seed)
            }
        }
        // What placement does not read (min_size, epoch, …) may differ; the rest must not.
        for (id, pool) in target.pools {
            var held = placement.map.pools[id]!
            held.minSize = pool.minSize
            guard held == pool else { return nil }
        }
        for (i, osd) in target.osds.enumerated() {
            let held = placement.map.osds[i]
            guard held.exists == osd.exists, held.isUp == osd.isUp, held.weight == osd.weight,
                  held.primaryAffinity == osd.primaryAffinity
            else { return nil }
        }
        return candidates
    }
}
