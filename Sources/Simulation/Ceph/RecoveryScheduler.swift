internal import CRUSH

/// Recovery and backfill as the OSDs run them, reduced to a bandwidth model:
///
/// - every PG with work waits for reservations, highest priority first (Ceph's
///   `AsyncReserver`s): one local slot on its primary and one remote slot on each target, each
///   OSD having `osd_max_backfills` of each kind (recovery takes them too, as since Mimic);
/// - a backfill into an OSD at or above the backfillfull ratio does not start
///   (`backfill_toofull`);
/// - a running PG moves its bytes at a rate limited by each disk it reads or writes (the
///   class's `osd_recovery_bandwidth`, shared equally by the transfers on that disk) and by the
///   NIC of each host the data leaves or enters (shared by the transfers crossing it; full
///   duplex). Erasure-coded recovery reads k shards, one from each of k OSDs. The rate is the
///   smallest of those shares (not a max-min fair allocation; a deliberate simplification);
/// - a map change that changes a running PG's targets or primary restarts it (Ceph re-peers;
///   the bytes already copied are counted as moved, the PG starts over).
struct RecoveryScheduler {
    struct Flow {
        var pool: Int
        var pg: Int
        var work: PGWork
        var remaining: Double
        var rate: Double = 0
    }

    /// A waiting PG with the work it needs (valid until the next map change or until its
    /// holders change, both of which queue it afresh).
    struct Key: Comparable {
        var priority: Int
        var pool: Int
        var pg: Int
        var work: PGWork
        static func < (a: Key, b: Key) -> Bool {
            (-a.priority, a.pool, a.pg) < (-b.priority, b.pool, b.pg)
        }
        static func == (a: Key, b: Key) -> Bool {
            (a.priority, a.pool, a.pg) == (b.priority, b.pool, b.pg)
        }
    }

    private(set) var flows: [Flow] = []
    /// PGs with work that do not run yet, by `id(pool, pg)`; `start` visits them in key order.
    private var waiting: [Int: Key] = [:]
    private var running: Set<Int> = []
    private var localReserved: [Int] = []
    private var remoteReserved: [Int] = []
    /// Per OSD, the waiting PGs that name it as primary or target (entries may be stale: a PG
    /// that started or whose work changed; `start` drops them as it reads the list).
    private var waitersOf: [[Int]] = []
    /// PGs queued since the last `start`, which has not looked at them yet.
    private var fresh: [Int] = []
    /// OSDs that released a reservation since the last `start`.
    private var freed: [Bool] = []
    private var freedOSDs: [Int] = []
    /// Which OSDs were at or above the backfillfull ratio at the last `start`.
    private var tooFull: [Bool] = []
    let maxBackfills: Int
    let backfillfullRatio: Double
    /// Bytes written by recovery and backfill since the start.
    private(set) var bytesMoved: Double = 0
    private(set) var lastAdvance: Int64 = 0

    init(maxBackfills: Int, backfillfullRatio: Double) {
        self.maxBackfills = max(1, maxBackfills)
        self.backfillfullRatio = backfillfullRatio
    }

    var isIdle: Bool { flows.isEmpty && waiting.isEmpty }
    var runningCount: Int { flows.count }
    var waitingCount: Int { waiting.count }

    private func id(_ pool: Int, _ pg: Int) -> Int { pool &<< 40 | pg }

    /// After a map change: keeps the flows whose work is unchanged, restarts the others, and
    /// queues every PG with work.
    mutating func rescan(_ cluster: inout CephCluster) {
        ensureCapacity(cluster.topology.osdCount)
        var kept: [Flow] = []
        for flow in flows {
            let up = cluster.mapping.up(pool: flow.pool, pg: flow.pg)
            let work = flow.pool < cluster.pools.count && flow.pg < cluster.pools[flow.pool].pgNum
                ? cluster.pools[flow.pool].work(flow.pg, up: up, osdUp: cluster.osdUp) : nil
            if let work, work.kind == flow.work.kind, work.targets == flow.work.targets,
               work.primary == flow.work.primary, work.sources == flow.work.sources
            {
                kept.append(flow)
            } else {
                release(flow.work)
                running.remove(id(flow.pool, flow.pg))
                if flow.pool < cluster.pools.count && flow.pg < cluster.pools[flow.pool].pgNum {
                    cluster.setActivity(pool: flow.pool, pg: flow.pg, [])
                }
            }
        }
        flows = kept
        waiting.removeAll()
        fresh.removeAll()
        for i in waitersOf.indices { waitersOf[i].removeAll() }
        for p in cluster.pools.indices {
            for pg in 0..<cluster.pools[p].pgNum {
                // A clean PG (acting = up, every copy complete) has nothing to move.
                if cluster.pools[p].baseState[pg] == [.active, .clean] && cluster.pools[p].activity[pg].isEmpty { continue }
                if running.contains(id(p, pg)) { continue }
                enqueue(&cluster, pool: p, pg: pg)
            }
        }
    }

    /// Queues `pg` if it has work (after its flow finished).
    mutating func recheck(_ cluster: inout CephCluster, pool p: Int, pg: Int) {
        guard !running.contains(id(p, pg)), waiting[id(p, pg)] == nil else { return }
        enqueue(&cluster, pool: p, pg: pg)
    }

    private mutating func enqueue(_ cluster: inout CephCluster, pool p: Int, pg: Int) {
        let up = cluster.mapping.up(pool: p, pg: pg)
        guard let work = cluster.pools[p].work(pg, up: up, osdUp: cluster.osdUp) else {
            cluster.setActivity(pool: p, pg: pg, [])
            return
        }
        let key = id(p, pg)
        waiting[key] = Key(priority: work.priority, pool: p, pg: pg, work: work)
        fresh.append(key)
        waitersOf[Int(work.primary)].append(key)
        for target in work.targets where target != work.primary { waitersOf[Int(target)].append(key) }
        cluster.setActivity(pool: p, pg: pg, work.kind == .recovery ? .recoveryWait : .backfillWait)
    }

    /// Starts every waiting PG that gets its reservations, in priority order.
    ///
    /// Only the PGs whose outcome can differ from the last call are visited: those queued since,
    /// and those naming an OSD that released a reservation since. Any other waiting PG was
    /// refused a reservation on an OSD that has released none since (counts only grow within a
    /// call), or waits for an OSD at the backfillfull ratio; when the set of such OSDs changes,
    /// every waiting PG is visited. The outcome is the same as visiting them all.
    mutating func start(_ cluster: inout CephCluster, utilization: [Double]) {
        ensureCapacity(cluster.topology.osdCount)
        var fullChanged = false
        for osd in 0..<cluster.topology.osdCount {
            let full = utilization[osd] >= backfillfullRatio
            if full != tooFull[osd] {
                tooFull[osd] = full
                fullChanged = true
            }
        }
        var candidates: [Key] = []
        if fullChanged {
            candidates = Array(waiting.values)
        } else {
            for key in fresh { if let k = waiting[key] { candidates.append(k) } }
            for osd in freedOSDs {
                let o = Int32(osd)
                waitersOf[osd].removeAll { key in
                    guard let k = waiting[key], k.work.primary == o || k.work.targets.contains(o) else { return true }
                    candidates.append(k)
                    return false
                }
            }
        }
        for osd in freedOSDs { freed[osd] = false }
        freedOSDs.removeAll()
        fresh.removeAll()
        candidates.sort()
        var previous: Int?
        for key in candidates {
            let keyID = id(key.pool, key.pg)
            guard keyID != previous else { continue }
            previous = keyID
            let work = key.work
            if work.kind == .backfill, work.targets.contains(where: { Int($0) < tooFull.count && tooFull[Int($0)] }) {
                cluster.setActivity(pool: key.pool, pg: key.pg, .backfillTooFull)
                continue
            }
            let primary = Int(work.primary)
            guard localReserved[primary] < maxBackfills,
                  work.targets.allSatisfy({ $0 == work.primary || remoteReserved[Int($0)] < maxBackfills })
            else {
                cluster.setActivity(pool: key.pool, pg: key.pg, work.kind == .recovery ? .recoveryWait : .backfillWait)
                continue
            }
            localReserved[primary] += 1
            for target in work.targets where target != work.primary { remoteReserved[Int(target)] += 1 }
            waiting[keyID] = nil
            running.insert(keyID)
            flows.append(Flow(pool: key.pool, pg: key.pg, work: work, remaining: work.bytes))
            cluster.setActivity(pool: key.pool, pg: key.pg, work.kind == .recovery ? .recovering : .backfilling)
        }
        computeRates(cluster)
    }

    private mutating func release(_ work: PGWork) {
        localReserved[Int(work.primary)] -= 1
        markFreed(Int(work.primary))
        for target in work.targets where target != work.primary {
            remoteReserved[Int(target)] -= 1
            markFreed(Int(target))
        }
    }

    private mutating func markFreed(_ osd: Int) {
        guard !freed[osd] else { return }
        freed[osd] = true
        freedOSDs.append(osd)
    }

    private mutating func ensureCapacity(_ osds: Int) {
        if localReserved.count < osds {
            let extra = osds - localReserved.count
            localReserved += [Int](repeating: 0, count: extra)
            remoteReserved += [Int](repeating: 0, count: extra)
            waitersOf += [[Int]](repeating: [], count: extra)
            freed += [Bool](repeating: false, count: extra)
            tooFull += [Bool](repeating: false, count: extra)
        }
    }

    /// Shares each disk's and NIC's bandwidth among the flows using it. A flow uses each of its
    /// disks once (a source reads, a target writes, at the flow's rate) and the NICs of every
    /// (source, target) pair on different hosts.
    private mutating func computeRates(_ cluster: CephCluster) {
        let topology = cluster.topology
        var diskUsers = [Int](repeating: 0, count: topology.osdCount)
        var nicOut = [Int](repeating: 0, count: topology.hosts.count)
        var nicIn = [Int](repeating: 0, count: topology.hosts.count)
        for flow in flows {
            forEachDisk(of: flow.work) { diskUsers[Int($0)] += 1 }
            forEachCrossing(flow.work, topology) { s, t in
                nicOut[s] += 1
                nicIn[t] += 1
            }
        }
        for index in flows.indices {
            var rate = Double.infinity
            forEachDisk(of: flows[index].work) { osd in
                rate = min(rate, topology.diskRate[Int(osd)] / Double(diskUsers[Int(osd)]))
            }
            forEachCrossing(flows[index].work, topology) { s, t in
                rate = min(rate, topology.nicRate[s] / Double(nicOut[s]))
                rate = min(rate, topology.nicRate[t] / Double(nicIn[t]))
            }
            flows[index].rate = rate.isFinite ? rate : 0
        }
    }

    /// The disks a flow reads or writes, each once: its targets, then the sources that are not
    /// targets.
    private func forEachDisk(of work: PGWork, _ body: (Int32) -> Void) {
        for target in work.targets { body(target) }
        for (i, source) in work.sources.enumerated()
        where !work.targets.contains(source) && !work.sources[..<i].contains(source) {
            body(source)
        }
    }

    /// The (source host, target host) pairs of a flow that cross the network: the primary (or
    /// each of the k shard readers) to each target.
    private func forEachCrossing(_ work: PGWork, _ topology: ClusterTopology, _ body: (Int, Int) -> Void) {
        for target in work.targets {
            for source in work.sources where source != target {
                let (s, t) = (topology.hostOfOSD[Int(source)], topology.hostOfOSD[Int(target)])
                if s != t, s >= 0, t >= 0 { body(s, t) }
            }
        }
    }

    /// Moves every flow forward to `now`; returns the flows that finished (removed, their
    /// reservations released).
    mutating func advance(to now: Int64) -> [Flow] {
        let elapsed = Double(now - lastAdvance)
        lastAdvance = now
        guard elapsed > 0 || flows.contains(where: { $0.remaining <= 0 }) else { return [] }
        var done: [Flow] = []
        var kept: [Flow] = []
        for var flow in flows {
            let step = min(flow.remaining, flow.rate * elapsed)
            flow.remaining -= step
            bytesMoved += step * Double(flow.work.targets.count)
            if flow.remaining <= 0.5 {
                done.append(flow)
                release(flow.work)
                running.remove(id(flow.pool, flow.pg))
            } else {
                kept.append(flow)
            }
        }
        flows = kept
        return done
    }

    /// When the next flow finishes, rounded up to a whole second (completions within a second
    /// are handled together).
    func nextCompletion(after now: Int64) -> Int64? {
        var best: Double = .infinity
        for flow in flows where flow.rate > 0 {
            best = min(best, flow.remaining / flow.rate)
        }
        guard best.isFinite else { return nil }
        let ms = Int64(best.rounded(.up))
        return now + max(1000, (ms + 999) / 1000 * 1000)
    }

    /// Writes a finished flow's result into the PG's holders.
    static func complete(_ flow: Flow, in cluster: inout CephCluster) {
        let p = flow.pool
        let pg = flow.pg
        guard p < cluster.pools.count, pg < cluster.pools[p].pgNum else { return }
        let range = cluster.pools[p].slots(of: pg)
        let up = cluster.mapping.up(pool: p, pg: pg)
        for (target, slot) in zip(flow.work.targets, flow.work.targetSlots) {
            switch flow.work.kind {
            case .recovery:
                if let i = range.first(where: { cluster.pools[p].holders[$0] == target }) {
                    cluster.setLag(pool: p, index: i, to: 0)
                }
            case .backfill:
                if cluster.pools[p].erasure {
                    cluster.setHolder(pool: p, index: range.lowerBound + slot, to: target)
                } else if !range.contains(where: { cluster.pools[p].holders[$0] == target }) {
                    let holders = cluster.pools[p].holders
                    let free = range.first { holders[$0] == crushItemNone }
                        ?? range.first { !cluster.pools[p].isUp(holders[$0], cluster.osdUp) && !up.contains(holders[$0]) }
                        ?? range.first { !up.contains(holders[$0]) }
                    if let free { cluster.setHolder(pool: p, index: free, to: target) }
                }
            }
        }
        cluster.setActivity(pool: p, pg: pg, [])
        cluster.reevaluate(pool: p, pg: pg)
    }
}
