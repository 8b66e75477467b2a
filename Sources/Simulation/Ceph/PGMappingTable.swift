internal import CRUSH
internal import Placement

/// The up set of every PG of every pool for the current OSD map. It is the simulator's one
/// seam to placement: `recompute(_:)` brings it to a new map and says which PGs' placement
/// changed; `up(pool:pg:)` reads a PG's up set (`size` slots, `crushItemNone` where a slot is
/// empty).
///
/// Placement's `IncrementalPlacement` holds the mappings (raw sets; up sets are derived on
/// each read). `recompute` compares the new map with the one it holds (OSD states, reweights,
/// primary affinities, new OSD slots, the CRUSH map, pool size, pg_num and pgp_num), applies
/// the differences as `OSDMapChange`s, which remap only the PGs each change can reach, and
/// reports the PGs they list. A difference no `OSDMapChange` expresses (an OSD slot destroyed,
/// pools added or removed, upmaps or pg_temps) makes it map every PG again, as a full pass.
struct PGMappingTable {
    struct PoolShape {
        var poolID: Int64
        var pgNum: Int
        /// Slots per PG: the pool's size.
        var width: Int
    }

    /// One entry per pool of the map, in pool id order.
    private(set) var pools: [PoolShape] = []
    /// The remapper, holding the map the table was computed for; or, if the map holds more
    /// PGs than it numbers, a mapper that maps each PG as it is read.
    private var placement: IncrementalPlacement?
    private var mapper: PlacementMapper?

    init(map: OSDMap) {
        _ = recompute(map)
    }

    struct Change {
        var poolIndex: Int
        var reshaped: Bool
        /// PGs whose up set, primary or acting set may have changed (each listed once,
        /// ascending); a PG listed may also have come back to where it was.
        var changedPGs: [Int]
    }

    /// Brings the table to `map`; returns, per pool index, whether the pool's shape changed
    /// (size or pg_num: every PG is new) and the PGs whose placement changed.
    mutating func recompute(_ map: OSDMap) -> [Change] {
        if let placement, let candidates = Self.applyDifferences(to: placement, toReach: map) {
            return pools.indices.map { index in
                let shape = Self.shape(placement.map.pools[pools[index].poolID]!)
                let reshaped = shape.width != pools[index].width || shape.pgNum != pools[index].pgNum
                pools[index] = shape
                var seeds = reshaped ? [] : (candidates[shape.poolID] ?? []).sorted()
                var previous: UInt32?
                seeds.removeAll { seed in
                    defer { previous = seed }
                    return seed == previous
                }
                return Change(poolIndex: index, reshaped: reshaped, changedPGs: seeds.map { Int($0) })
            }
        }
        let old = pools
        placement = try? IncrementalPlacement(map)
        mapper = placement == nil ? PlacementMapper(map) : nil
        pools = map.sortedPools.map(Self.shape)
        // Without the old mappings every PG of every pool is reported.
        return pools.indices.map { index in
            let reshaped = !old.contains { $0.poolID == pools[index].poolID && $0.width == pools[index].width && $0.pgNum == pools[index].pgNum }
            return Change(poolIndex: index, reshaped: reshaped, changedPGs: reshaped ? [] : Array(0..<pools[index].pgNum))
        }
    }

    /// The up set of `pg` in pool `poolIndex` (with empty slots).
    func up(pool poolIndex: Int, pg: Int) -> ArraySlice<Int32> {
        let shape = pools[poolIndex]
        var mapping = PGMapping()
        let id = PGID(pool: shape.poolID, seed: UInt32(pg))
        if let placement { placement.mapping(of: id, into: &mapping) } else { mapper!.map(id, into: &mapping) }
        var up = mapping.up
        if up.count > shape.width { up.removeLast(up.count - shape.width) }
        while up.count < shape.width { up.append(crushItemNone) }
        return up[...]
    }

    /// Bytes the remapper keeps beyond the map (raw sets and its indexes).
    var storageBytes: Int { placement?.storageBytes ?? 0 }

    private static func shape(_ pool: Pool) -> PoolShape {
        PoolShape(poolID: pool.id, pgNum: Int(pool.pgNum), width: Int(pool.size))
    }

    /// Applies to `placement` the changes that turn its map into `target`, as far as placement
    /// reads the map. Returns the PGs whose mapping changed per pool id, or nil if a difference
    /// is not an `OSDMapChange` (or the remapper refused one): the caller then maps everything
    /// again.
    private static func applyDifferences(
        to placement: IncrementalPlacement, toReach target: OSDMap
    ) -> [Int64: [UInt32]]? {
        let current = placement.map
        guard target.osds.count >= current.osds.count,
              target.pools.keys.sorted() == current.pools.keys.sorted(),
              target.pgTemp == current.pgTemp, target.primaryTemp == current.primaryTemp,
              target.pgUpmap == current.pgUpmap, target.pgUpmapItems == current.pgUpmapItems
        else { return nil }
        var changes: [OSDMapChange] = []
        if target.osds.count > current.osds.count {
            changes.append(.addOSDs(Array(target.osds[current.osds.count...])))
        }
        if target.crush != current.crush { changes.append(.crushMap(target.crush)) }
        for (i, osd) in current.osds.enumerated() {
            let other = target.osds[i]
            let id = Int32(i)
            // No change destroys a slot; a reweight above 0 creates one.
            guard osd.exists == other.exists || (!osd.exists && other.weight != 0) else { return nil }
            if osd.weight != other.weight || osd.exists != other.exists { changes.append(.reweight(id, other.weight)) }
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
        var candidates: [Int64: [UInt32]] = [:]
        for change in changes {
            guard let applied = try? placement.apply(change) else { return nil }
            for pg in applied.pgs { candidates[pg.pool, default: []].append(pg.seed) }
        }
        // What placement does not read (min_size, the autoout flag, epochs) may differ; the
        // rest must not.
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
