internal import CRUSH
internal import Placement

/// The Ceph cluster as the simulator holds it: the OSD map (what the monitors publish), the up
/// set of every PG (`PGMappingTable`), where each PG's data really is (`PoolPGs`), and running
/// totals (PGs per state, inactive, lost, copies missing or misplaced) kept up to date PG by PG
/// so that a step costs what changed, not the whole cluster.
struct CephCluster {
    var map: OSDMap
    var topology: ClusterTopology
    private(set) var mapping: PGMappingTable
    var pools: [PoolPGs]
    /// `map.isUp(osd)` as a flat array.
    private(set) var osdUp: [Bool]
    /// Holders per (OSD, pool): `heldCount[osd * pools.count + pool]`.
    private(set) var heldCount: [Int32]

    private(set) var stateCounts: [PGState: Int] = [:]
    private(set) var inactivePGs = 0
    /// Inactive PGs per pool index.
    private(set) var inactivePerPool: [Int] = []
    private(set) var lostPGs = 0
    private(set) var missingCopies: [Int] = []
    private(set) var misplacedCopies: [Int] = []
    private(set) var lagBytes: [Double] = []

    init(scenario: Scenario) {
        map = scenario.initialOSDMap()
        topology = ClusterTopology(
            hosts: scenario.fleet.hosts, crush: map.crush, config: scenario.ceph.config, osdCount: Int(map.maxOSD))
        mapping = PGMappingTable(map: map)
        pools = map.sortedPools.map { pool in PoolPGs(spec: scenario.ceph.pools.first { $0.id == pool.id }!) }
        osdUp = []
        heldCount = []
        missingCopies = [Int](repeating: 0, count: pools.count)
        inactivePerPool = [Int](repeating: 0, count: pools.count)
        misplacedCopies = [Int](repeating: 0, count: pools.count)
        lagBytes = [Double](repeating: 0, count: pools.count)
        refreshOSDUp()
        // The cluster starts clean: every PG's data is on its up set.
        heldCount = [Int32](repeating: 0, count: Int(map.maxOSD) * pools.count)
        for p in pools.indices {
            for pg in 0..<pools[p].pgNum {
                let up = mapping.up(pool: p, pg: pg)
                for (slot, osd) in up.enumerated() where osd != crushItemNone {
                    setHolder(pool: p, index: pools[p].slots(of: pg).lowerBound + slot, to: osd)
                }
            }
        }
        for p in pools.indices {
            for pg in 0..<pools[p].pgNum { reevaluate(pool: p, pg: pg) }
        }
    }

    var totalPGs: Int { pools.reduce(0) { $0 + $1.pgNum } }

    mutating func refreshOSDUp() {
        osdUp = (0..<Int(map.maxOSD)).map { map.isUp(Int32($0)) }
        let needed = Int(map.maxOSD) * pools.count
        if heldCount.count < needed {
            // OSD ids grew (assimilation): widen the table, keeping each (OSD, pool) count.
            let oldOSDs = pools.isEmpty ? 0 : heldCount.count / pools.count
            var grown = [Int32](repeating: 0, count: needed)
            for osd in 0..<oldOSDs {
                for p in pools.indices { grown[osd * pools.count + p] = heldCount[osd * pools.count + p] }
            }
            heldCount = grown
        }
    }

    /// Puts `osd` (or nobody, `crushItemNone`) in holder slot `index` of pool `p`.
    mutating func setHolder(pool p: Int, index: Int, to osd: Int32, lag: Double = 0) {
        let old = pools[p].holders[index]
        if old != crushItemNone, old >= 0 { heldCount[Int(old) * pools.count + p] -= 1 }
        if osd != crushItemNone, osd >= 0 { heldCount[Int(osd) * pools.count + p] += 1 }
        pools[p].holders[index] = osd
        setLag(pool: p, index: index, to: osd == crushItemNone ? 0 : lag)
    }

    mutating func setLag(pool p: Int, index: Int, to value: Double) {
        let stored = Float(value)
        lagBytes[p] += Double(stored) - Double(pools[p].lag[index])
        pools[p].lag[index] = stored
    }

    /// Bytes on `osd` now: what the disk held before the pools, plus its copies and shards.
    func usedBytes(_ osd: Int32) -> Double {
        let i = Int(osd)
        guard i < topology.osdCount else { return 0 }
        var used = topology.baseUsed[i]
        for p in pools.indices where i * pools.count + p < heldCount.count {
            used += Double(heldCount[i * pools.count + p]) * pools[p].shardBytes
        }
        return used
    }

    /// `utilization(osd)` of every OSD id below `topology.osdCount`, each pool's shard size
    /// computed once (the same arithmetic, so the same values).
    func utilizations() -> [Double] {
        let shard = pools.map(\.shardBytes)
        let poolCount = pools.count
        let capacity = topology.capacity
        let baseUsed = topology.baseUsed
        var result = [Double](repeating: 0, count: topology.osdCount)
        heldCount.withUnsafeBufferPointer { held in
            shard.withUnsafeBufferPointer { shard in
                for i in 0..<result.count where capacity[i] > 0 {
                    var used = baseUsed[i]
                    let base = i * poolCount
                    // Pools in order, as `usedBytes` adds them.
                    var p = 0
                    while p < poolCount && base + p < held.count {
                        used += Double(held[base + p]) * shard[p]
                        p += 1
                    }
                    result[i] = used / capacity[i]
                }
            }
        }
        return result
    }

    func utilization(_ osd: Int32) -> Double {
        let i = Int(osd)
        guard i < topology.osdCount, topology.capacity[i] > 0 else { return 0 }
        return usedBytes(osd) / topology.capacity[i]
    }

    /// Takes the new map: recomputes the up sets and re-evaluates every PG. Returns the PGs
    /// (pool index, pg) whose up set changed.
    mutating func applyMap() -> [(pool: Int, pg: Int)] {
        map.epoch &+= 1
        let before = osdUp
        refreshOSDUp()
        // OSDs whose up state changed: PGs with data on them are peered again even when their
        // up set did not change.
        var flipped = [Bool](repeating: false, count: osdUp.count)
        for i in osdUp.indices where i >= before.count || before[i] != osdUp[i] { flipped[i] = true }
        let changes = mapping.recompute(map)
        var changed: [(pool: Int, pg: Int)] = []
        for change in changes {
            let p = change.poolIndex
            var touched = [Bool](repeating: change.reshaped, count: pools[p].pgNum)
            for pg in change.changedPGs { touched[pg] = true }
            let width = pools[p].size
            for (i, holder) in pools[p].holders.enumerated()
            where holder != crushItemNone && holder >= 0 && Int(holder) < flipped.count && flipped[Int(holder)] {
                touched[i / width] = true
            }
            for pg in 0..<pools[p].pgNum where touched[pg] {
                changed.append((p, pg))
                reevaluate(pool: p, pg: pg)
            }
        }
        return changed
    }

    mutating func reevaluateAll() {
        for p in pools.indices {
            for pg in 0..<pools[p].pgNum { reevaluate(pool: p, pg: pg) }
        }
    }

    /// Drops stray copies if the PG no longer needs them, then recomputes its state and the
    /// totals.
    mutating func reevaluate(pool p: Int, pg: Int) {
        let up = mapping.up(pool: p, pg: pg)
        for index in pools[p].strayIndices(pg, up: up) {
            setHolder(pool: p, index: index, to: crushItemNone)
        }
        let verdict = pools[p].evaluate(pg, up: up, osdUp: osdUp)
        if verdict.state == pools[p].baseState[pg], verdict.lost == pools[p].lost[pg],
           verdict.missingCopies == Int(pools[p].missingCopies[pg]),
           verdict.misplacedCopies == Int(pools[p].misplacedCopies[pg])
        {
            return
        }
        if pools[p].baseState[pg] != [] { uncount(pool: p, pg: pg) }
        pools[p].baseState[pg] = verdict.state
        pools[p].missingCopies[pg] = UInt8(clamping: verdict.missingCopies)
        pools[p].misplacedCopies[pg] = UInt8(clamping: verdict.misplacedCopies)
        pools[p].lost[pg] = verdict.lost
        count(pool: p, pg: pg)
    }

    /// A pool's size or pg_num changed: lays its PGs out again. A child PG (split) starts with
    /// its parent's holders (the objects it takes were on the parent's OSDs), found with
    /// `ceph_stable_mod` over the old pg_num; a merged PG's data joins its parent's. Shrinking
    /// the size keeps the first holders. The new PGs are counted by the next `applyMap`.
    mutating func relayout(pool p: Int, size newSize: Int, pgNum newNum: Int) {
        let old = pools[p]
        for pg in 0..<old.pgNum where old.baseState[pg] != [] { uncount(pool: p, pg: pg) }
        for i in old.holders.indices where old.holders[i] != crushItemNone {
            setHolder(pool: p, index: i, to: crushItemNone)
        }
        pools[p].size = newSize
        pools[p].pgNum = newNum
        pools[p].resizeArrays()
        let oldMask = cephPGMask(UInt32(old.pgNum))
        for pg in 0..<newNum {
            let parent = pg < old.pgNum ? pg : Int(cephStableMod(UInt32(pg), UInt32(old.pgNum), oldMask))
            let kept = old.slots(of: parent).filter { old.holders[$0] != crushItemNone }
            let base = pg * newSize
            if old.erasure {
                for (slot, i) in old.slots(of: parent).enumerated() where slot < newSize && old.holders[i] != crushItemNone {
                    setHolder(pool: p, index: base + slot, to: old.holders[i], lag: Double(old.lag[i]))
                }
            } else {
                for (slot, i) in kept.prefix(newSize).enumerated() {
                    setHolder(pool: p, index: base + slot, to: old.holders[i], lag: Double(old.lag[i]))
                }
            }
        }
    }

    /// Sets what recovery is doing with the PG.
    mutating func setActivity(pool p: Int, pg: Int, _ activity: PGState) {
        guard pools[p].activity[pg] != activity else { return }
        uncount(pool: p, pg: pg)
        pools[p].activity[pg] = activity
        count(pool: p, pg: pg)
    }

    private mutating func uncount(pool p: Int, pg: Int) {
        let state = pools[p].state(of: pg)
        stateCounts[state, default: 0] -= 1
        if stateCounts[state] == 0 { stateCounts[state] = nil }
        if state.isInactive {
            inactivePGs -= 1
            inactivePerPool[p] -= 1
        }
        if pools[p].lost[pg] { lostPGs -= 1 }
        missingCopies[p] -= Int(pools[p].missingCopies[pg])
        misplacedCopies[p] -= Int(pools[p].misplacedCopies[pg])
    }

    private mutating func count(pool p: Int, pg: Int) {
        let state = pools[p].state(of: pg)
        stateCounts[state, default: 0] += 1
        if state.isInactive {
            inactivePGs += 1
            inactivePerPool[p] += 1
        }
        if pools[p].lost[pg] { lostPGs += 1 }
        missingCopies[p] += Int(pools[p].missingCopies[pg])
        misplacedCopies[p] += Int(pools[p].misplacedCopies[pg])
    }

    /// Bytes of object copies missing from acting sets (Ceph's degraded objects × object size),
    /// and of copies held where the up set does not want them (misplaced).
    var degradedBytes: Double {
        pools.indices.reduce(0) { $0 + Double(missingCopies[$1]) * pools[$1].shardBytes + lagBytes[$1] }
    }

    var misplacedBytes: Double {
        pools.indices.reduce(0) { $0 + Double(misplacedCopies[$1]) * pools[$1].shardBytes }
    }

    /// Every copy or shard the pools should have: Σ stored × size / k.
    var totalCopyBytes: Double {
        pools.reduce(0) { $0 + $1.stored * Double($1.size) / Double($1.dataChunks) }
    }
}
