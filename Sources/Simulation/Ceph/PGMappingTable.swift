internal import CRUSH
internal import Placement

/// The up set of every PG of every pool for the current OSD map, in flat arrays (one per pool,
/// `size` slots per PG, `crushItemNone` where a slot is empty). It is the simulator's one seam
/// to placement: `recompute(_:)` brings the table to a new map and says which PGs' up sets
/// changed.
///
/// Today each recompute is a full `PlacementMapper` pass over every PG; Placement's incremental
/// remapper (recompute only the PGs a change can reach) will replace the body of `recompute`
/// without changing its contract.
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

    init(map: OSDMap) {
        _ = recompute(map)
    }

    /// Maps every PG with `map`; returns, per pool index, whether the pool's shape changed
    /// (size or pg_num: every PG is new) and the PGs whose up set or primary changed.
    mutating func recompute(_ map: OSDMap) -> [Change] {
        let mapper = PlacementMapper(map)
        var mapping = PGMapping()
        var changes: [Change] = []
        var next: [PoolTable] = []
        for pool in map.sortedPools {
            let width = Int(pool.size)
            let pgNum = Int(pool.pgNum)
            var table = PoolTable(
                poolID: pool.id, pgNum: pgNum, width: width,
                up: [Int32](repeating: crushItemNone, count: pgNum * width),
                upPrimary: [Int32](repeating: -1, count: pgNum))
            let old = pools.first { $0.poolID == pool.id }
            let reshaped = old == nil || old!.width != width || old!.pgNum != pgNum
            var changed: [Int] = []
            for seed in 0..<pgNum {
                mapper.map(PGID(pool: pool.id, seed: UInt32(seed)), into: &mapping)
                let base = seed * width
                for (slot, osd) in mapping.up.prefix(width).enumerated() {
                    table.up[base + slot] = osd
                }
                table.upPrimary[seed] = mapping.upPrimary
                if !reshaped, let old {
                    if old.upPrimary[seed] != mapping.upPrimary
                        || !old.up[base..<(base + width)].elementsEqual(table.up[base..<(base + width)])
                    {
                        changed.append(seed)
                    }
                }
            }
            changes.append(Change(poolIndex: next.count, reshaped: reshaped, changedPGs: changed))
            next.append(table)
        }
        pools = next
        return changes
    }

    struct Change {
        var poolIndex: Int
        var reshaped: Bool
        var changedPGs: [Int]
    }

    /// The up set of `pg` in pool `poolIndex` (with empty slots).
    func up(pool poolIndex: Int, pg: Int) -> ArraySlice<Int32> {
        let table = pools[poolIndex]
        return table.up[(pg * table.width)..<((pg + 1) * table.width)]
    }
}
