import CRUSH

/// The PG autoscaler of Ceph 16.2.15 (src/pybind/mgr/pg_autoscaler/module.py,
/// `_get_pool_status` and `_maybe_adjust`), its arithmetic in `double` as Python's, in the same
/// order:
///
/// - Pools are grouped by the root their rule takes first (`get_rule_root`); pools whose roots
///   share OSDs with another root are "overlapping" and left out. A subtree's PG budget is
///   `OSDs under the root × mon_target_pg_per_osd` (100) and its capacity the sum of its OSDs'
///   sizes (`kb × 1024`; out OSDs count 0).
/// - A pool's capacity ratio is `max(stored, target_size_bytes) × raw_used_rate / capacity`
///   (`target_size_bytes` ignored when `target_size_ratio` is set), or its effective target
///   ratio when larger (the ratio over the subtree's ratios, scaled down by what
///   `target_size_bytes` pools reserve).
/// - Pass 1 serves pools without the `bulk` flag: `ratio × PGs left` PGs each, taken from the
///   budget. Pass 2 serves bulk pools whose ratio beats an even share of what is left; pass 3
///   splits the rest evenly among the remaining bulk pools.
/// - A pool's target is `PGs / size × bias`, rounded by `nearest_power_of_two` (ties go up),
///   at least `pg_num_min` (32 unless set) and at most `pg_num_max` if set.
/// - It "would adjust" when the target is more than 3× above or below `pg_num_target`, the
///   ratio is within [0, 1] and the mode is `on`.
public struct PGAutoscaler: Sendable {
    /// The recommendation for one pool (the `autoscale-status` fields).
    public struct PoolTarget: Sendable, Equatable {
        public var poolID: Int64
        public var poolName: String
        public var rootID: Int32
        public var mode: CapacityAutoscaleMode
        public var pgNumTarget: UInt32
        /// STORED, `target_size_bytes` (0 if a ratio is set), the raw used rate (a `float`).
        public var logicalUsed: UInt64
        public var targetBytes: UInt64
        public var rawUsedRate: Double
        public var subtreeCapacity: UInt64
        public var actualRawUsed: Double
        public var rawUsed: Double
        public var actualCapacityRatio: Double
        public var capacityRatio: Double
        public var targetRatio: Double
        public var effectiveTargetRatio: Double
        /// The ratio the PG share was computed with (pass 2 and 3 may raise it).
        public var finalRatio: Double
        /// `pg_num_ideal` (the unrounded target, truncated) and `pg_num_final`.
        public var pgNumIdeal: Int
        public var pgNumFinal: Int
        public var bias: Double
        public var bulk: Bool
        public var wouldAdjust: Bool
        /// Which pass decided the pool (1: not bulk, 2: bulk above an even share, 3: even share).
        public var pass: Int
        /// A sentence for a person.
        public var reason: String
    }

    /// The health warnings `_maybe_adjust` raises.
    public enum Warning: Sendable, Equatable {
        /// A pool in `warn` mode: "Pool P has N placement groups, should have M". Ceph 16.2.15
        /// raises this for every pool in warn mode, as "too many" when N ≥ M.
        case tooFewPGs(pool: String, current: UInt32, target: Int)
        case tooManyPGs(pool: String, current: UInt32, target: Int)
        /// `target_size_bytes` of the pools under a root exceed its capacity (ratio = bytes
        /// expected / capacity).
        case targetBytesOvercommitted(pools: [String], ratio: Double)
        case targetBytesAndRatio(pool: String)

        /// The health check it belongs to.
        public var code: String {
            switch self {
            case .tooFewPGs: "POOL_TOO_FEW_PGS"
            case .tooManyPGs: "POOL_TOO_MANY_PGS"
            case .targetBytesOvercommitted: "POOL_TARGET_SIZE_BYTES_OVERCOMMITTED"
            case .targetBytesAndRatio: "POOL_HAS_TARGET_SIZE_BYTES_AND_RATIO"
            }
        }

        /// The detail line of `ceph health detail` (the byte count of the overcommit message,
        /// printed by mgr_util's `format_bytes`, is left out).
        public var detail: String {
            switch self {
            case .tooFewPGs(let pool, let current, let target), .tooManyPGs(let pool, let current, let target):
                "Pool \(pool) has \(current) placement groups, should have \(target)"
            case .targetBytesOvercommitted(let pools, let ratio):
                "Pools \(pools) overcommit available storage by \(DecimalFormat.fixed(ratio, decimals: 3))x"
                    + " due to target_size_bytes"
            case .targetBytesAndRatio(let pool):
                "Pool \(pool) has target_size_bytes and target_size_ratio set"
            }
        }
    }

    public let targets: [PoolTarget]
    /// Pools left out: their root overlaps another (the autoscaler will not scale them), or
    /// their subtree has no capacity.
    public let overlappingPools: [String]
    public let emptySubtreePools: [String]
    public let warnings: [Warning]

    /// Runs the autoscaler over `input`'s pools. `stored` gives each pool's STORED (defaults to
    /// what `PoolCapacity` computes, as `ceph df` reports it to the mgr); a pool missing from it
    /// is skipped.
    public init(
        input: CapacityInput, targetPGsPerOSD: Int = 100, threshold: Double = 3.0,
        stored: [Int64: UInt64]? = nil
    ) throws(CapacityError) {
        let pools = input.pools.sorted { $0.id < $1.id }
        let storedByPool = stored ?? Dictionary(
            uniqueKeysWithValues: PoolCapacity.all(input).map { ($0.poolID, $0.stored) })

        // get_subtree_resource_status / identify_subtrees_and_overlaps
        final class Subtree {
            var rootIDs: [Int32] = []
            var osds = Set<Int32>()
            var poolNames: [String] = []
            var poolCount = 0
            var poolUsed = 0
            var pgTarget = 0
            var pgLeft = 0
            var capacity: UInt64 = 0
            var totalTargetRatio = 0.0
            var totalTargetBytes = 0.0
        }
        var result: [(root: Int32, subtree: Subtree)] = []
        var subtrees: [Subtree] = []
        var overlapped = Set<Int32>()
        var rootOfPool: [Int64: Int32] = [:]
        for pool in pools {
            let root = try Self.ruleRoot(rule: pool.crushRule, crush: input.crush)
            rootOfPool[pool.id] = root
            let osds = Set(try Self.osdsUnder(root, crush: input.crush, rule: pool.crushRule))
            var found: Subtree?
            for (prevRoot, prev) in result where !osds.isDisjoint(with: prev.osds) {
                found = prev
                if prevRoot != root {
                    overlapped.insert(prevRoot)
                    overlapped.insert(root)
                }
                break
            }
            let s: Subtree
            if let found {
                s = found
            } else {
                s = Subtree()
                subtrees.append(s)
            }
            if let index = result.firstIndex(where: { $0.root == root }) {
                result[index].subtree = s
            } else {
                result.append((root, s))
            }
            s.rootIDs.append(root)
            s.osds.formUnion(osds)
            s.poolNames.append(pool.name)
            s.poolCount += 1
            if pool.targetSizeRatio != 0 {
                s.totalTargetRatio += pool.targetSizeRatio
            } else if pool.targetSizeBytes != 0 {
                s.totalTargetBytes += Double(pool.targetSizeBytes) * Double(pool.redundancy.rawUsedRate)
            }
        }
        let stats = input.reportedStats()
        for s in subtrees {
            s.pgTarget = s.osds.count * targetPGsPerOSD
            s.pgLeft = s.pgTarget
            var capacity: UInt64 = 0
            for (id, stat) in stats where s.osds.contains(id) { capacity &+= stat.kb &* 1024 }
            s.capacity = capacity
        }
        func subtree(of root: Int32) -> Subtree { result.first(where: { $0.root == root })!.subtree }

        // _get_pool_pg_targets, three passes.
        var targets: [PoolTarget] = []
        var overlappingPools: [String] = []
        var emptyPools: [String] = []
        func run(_ candidates: [CapacityPool], pass: Int) -> [CapacityPool] {
            var deferred: [CapacityPool] = []
            for pool in candidates {
                let root = rootOfPool[pool.id]!
                if overlapped.contains(root) {
                    if pass == 1 { overlappingPools.append(pool.name) }
                    continue
                }
                let s = subtree(of: root)
                if s.capacity == 0 {
                    if pass == 1 { emptyPools.append(pool.name) }
                    continue
                }
                let capacity = Double(s.capacity)
                let rate = Double(pool.redundancy.rawUsedRate)
                // A pool the df report lacks is skipped, as the module skips it (a pool being deleted).
                guard let logical = storedByPool[pool.id] else { continue }
                let targetBytes: UInt64 = pool.targetSizeRatio == 0 ? pool.targetSizeBytes : 0
                let actualRawUsed = Double(logical) * rate
                let actualCapacityRatio = actualRawUsed / capacity
                let rawUsed = Double(Swift.max(logical, targetBytes)) * rate
                var capacityRatio = rawUsed / capacity
                let targetRatio = Self.effectiveTargetRatio(
                    pool.targetSizeRatio, total: s.totalTargetRatio, totalBytes: s.totalTargetBytes,
                    capacity: s.capacity)
                capacityRatio = Swift.max(capacityRatio, targetRatio)

                let size = Double(pool.redundancy.size)
                let bias = pool.autoscaleBias
                var finalRatio: Double
                var pgTarget: Double
                var why: String
                switch pass {
                case 1:
                    if pool.bulk {
                        deferred.append(pool)
                        continue
                    }
                    finalRatio = capacityRatio
                    let usedPG = finalRatio * Double(s.pgLeft)
                    s.pgLeft -= Int(usedPG)
                    s.poolUsed += 1
                    pgTarget = usedPG / size * bias
                    why = "uses \(Self.g(capacityRatio)) of the subtree"
                case 2:
                    let evenRatio = 1 / Double(s.poolCount - s.poolUsed)
                    let usedRatio = capacityRatio
                    if usedRatio > evenRatio {
                        s.poolUsed += 1
                    } else {
                        deferred.append(pool)
                        continue
                    }
                    finalRatio = Swift.max(usedRatio, evenRatio)
                    let usedPG = finalRatio * Double(s.pgLeft)
                    s.pgLeft -= Int(usedPG)
                    pgTarget = usedPG / size * bias
                    why = "bulk pool using \(Self.g(usedRatio)) of the subtree, more than an even share"
                default:
                    finalRatio = 1 / Double(s.poolCount - s.poolUsed)
                    pgTarget = (finalRatio * Double(s.pgLeft)) / size * bias
                    why = "bulk pool given an even share (\(Self.g(finalRatio))) of the PGs left"
                }
                let minPG = pool.pgNumMin ?? 32
                var finalPG = Swift.max(minPG, Self.nearestPowerOfTwo(pgTarget))
                if let maxPG = pool.pgNumMax, maxPG != 0, maxPG < finalPG { finalPG = maxPG }
                let current = Double(pool.pgNumTarget)
                let adjust = (Double(finalPG) > current * threshold || Double(finalPG) < current / threshold)
                    && finalRatio >= 0 && finalRatio <= 1 && pool.autoscaleMode == .on
                why += "; \(Self.g(finalRatio)) of \(s.pgTarget) PG replicas / size \(pool.redundancy.size)"
                    + " × bias \(Self.g(bias)) = \(Self.g(pgTarget)) → \(finalPG)"
                if finalPG == minPG && Self.nearestPowerOfTwo(pgTarget) < minPG {
                    why += " (pg_num_min)"
                }
                why += adjust
                    ? "; differs from pg_num \(pool.pgNumTarget) by more than \(Self.g(threshold))×, would adjust"
                    : "; within \(Self.g(threshold))× of pg_num \(pool.pgNumTarget)"
                        + (pool.autoscaleMode == .on ? ", no change" : " (mode \(pool.autoscaleMode.rawValue))")
                targets.append(PoolTarget(
                    poolID: pool.id, poolName: pool.name, rootID: root, mode: pool.autoscaleMode,
                    pgNumTarget: pool.pgNumTarget, logicalUsed: logical, targetBytes: targetBytes,
                    rawUsedRate: rate, subtreeCapacity: s.capacity, actualRawUsed: actualRawUsed,
                    rawUsed: rawUsed, actualCapacityRatio: actualCapacityRatio, capacityRatio: capacityRatio,
                    targetRatio: pool.targetSizeRatio, effectiveTargetRatio: targetRatio, finalRatio: finalRatio,
                    pgNumIdeal: Int(pgTarget), pgNumFinal: finalPG, bias: bias, bulk: pool.bulk,
                    wouldAdjust: adjust, pass: pass, reason: why))
            }
            return deferred
        }
        let bulkPools = run(pools, pass: 1)
        let evenPools = run(bulkPools, pass: 2)
        _ = run(evenPools, pass: 3)

        // _maybe_adjust: warnings.
        var warnings: [Warning] = []
        var totalBytes: [Int32: Double] = [:]
        var totalTargetBytes: [Int32: Double] = [:]
        var targetPools: [Int32: [String]] = [:]
        for t in targets {
            let pool = pools.first(where: { $0.id == t.poolID })!
            if pool.targetSizeRatio > 0 && pool.targetSizeBytes > 0 {
                warnings.append(.targetBytesAndRatio(pool: t.poolName))
            }
            totalBytes[t.rootID, default: 0] += Swift.max(t.actualRawUsed, Double(t.targetBytes) * t.rawUsedRate)
            if t.targetBytes > 0 {
                totalTargetBytes[t.rootID, default: 0] += Double(t.targetBytes) * t.rawUsedRate
                targetPools[t.rootID, default: []].append(t.poolName)
            }
            if t.mode == .warn {
                if t.pgNumFinal > Int(t.pgNumTarget) {
                    warnings.append(.tooFewPGs(pool: t.poolName, current: t.pgNumTarget, target: t.pgNumFinal))
                } else {
                    warnings.append(.tooManyPGs(pool: t.poolName, current: t.pgNumTarget, target: t.pgNumFinal))
                }
            }
        }
        for (root, _) in result {
            let capacity = Double(subtree(of: root).capacity)
            let total = totalBytes[root] ?? 0
            let totalTarget = Double(Int64((totalTargetBytes[root] ?? 0).rounded(.towardZero)))
            if capacity > 0 && totalTarget > 0 && total > capacity {
                warnings.append(.targetBytesOvercommitted(pools: subtree(of: root).poolNames, ratio: total / capacity))
            } else if capacity > 0 && totalTarget > capacity {
                warnings.append(.targetBytesOvercommitted(pools: subtree(of: root).poolNames, ratio: total / capacity))
            }
        }
        self.targets = targets
        self.overlappingPools = overlappingPools
        self.emptySubtreePools = emptyPools
        self.warnings = warnings
    }

    /// The target for one pool, if the autoscaler considered it.
    public func target(pool id: Int64) -> PoolTarget? { targets.first(where: { $0.poolID == id }) }

    /// `nearest_power_of_two` of the module: the power of two nearest to `n` (its integer part
    /// smeared to the next power up; ties and values above the midpoint go up); 0 for n < 1.
    public static func nearestPowerOfTwo(_ n: Double) -> Int {
        var v = Int(n)
        v -= 1
        v |= v >> 1
        v |= v >> 2
        v |= v >> 4
        v |= v >> 8
        v |= v >> 16
        v += 1
        let x = v >> 1
        return (Double(v) - n) > (n - Double(x)) ? x : v
    }

    /// `effective_target_ratio`.
    static func effectiveTargetRatio(_ ratio: Double, total: Double, totalBytes: Double, capacity: UInt64) -> Double {
        var r = ratio
        if total != 0 { r = r / total }
        if totalBytes != 0 && capacity != 0 {
            let available = 1.0 - Swift.min(1.0, totalBytes / Double(capacity))
            r *= available
        }
        return r
    }

    /// `get_rule_root`: the item of the rule's first take step (a shadow bucket for a class
    /// rule). The module looks the rule up by id.
    static func ruleRoot(rule: Int32, crush: CrushMap) throws(CapacityError) -> Int32 {
        guard rule >= 0, Int(rule) < crush.rules.count, let r = crush.rules[Int(rule)],
            let take = r.steps.first(where: { $0.op == .take })
        else { throw .noSuchRule(rule) }
        return take.arg1
    }

    /// `get_osds_under`: devices below `root`, depth first, through the buckets' items.
    static func osdsUnder(_ root: Int32, crush: CrushMap, rule: Int32) throws(CapacityError) -> [Int32] {
        if root >= 0 { return [root] }
        guard crush.bucket(id: root) != nil else { throw .missingBucket(rule: rule, bucket: root) }
        var out: [Int32] = []
        var stack: [(id: Int32, depth: Int)] = [(root, 0)]
        var steps = 0
        while let (id, depth) = stack.popLast() {
            steps += 1
            if steps > (1 << 22) || depth > crush.buckets.count { throw .cyclicHierarchy(rule: rule, root: root) }
            guard let bucket = crush.bucket(id: id) else { continue }  // the module skips unknown ids
            for item in bucket.items.reversed() {
                if item >= 0 { out.append(item) } else { stack.append((item, depth + 1)) }
            }
        }
        return out
    }

    static func g(_ value: Double) -> String { DecimalFormat.general(value, precision: 4) }
}
