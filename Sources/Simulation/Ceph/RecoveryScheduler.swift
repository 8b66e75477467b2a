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
    /// PGs with work that do not run yet, in priority order.
    private var waiting: [Key] = []
    private var waitingSet: Set<Int> = []
    private var running: Set<Int> = []
    private var localReserved: [Int] = []
    private var remoteReserved: [Int] = []
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
        waitingSet.removeAll()
        for p in cluster.pools.indices {
            for pg in 0..<cluster.pools[p].pgNum {
                // A clean PG (acting = up, every copy complete) has nothing to move.
                if cluster.pools[p].baseState[pg] == [.active, .clean] && cluster.pools[p].activity[pg].isEmpty { continue }
                if running.contains(id(p, pg)) { continue }
                enqueue(&cluster, pool: p, pg: pg)
            }
        }
        waiting.sort()
    }

    /// Queues `pg` if it has work (after its flow finished).
    mutating func recheck(_ cluster: inout CephCluster, pool p: Int, pg: Int) {
        guard !running.contains(id(p, pg)), !waitingSet.contains(id(p, pg)) else { return }
        enqueue(&cluster, pool: p, pg: pg)
        if let last = waiting.last, let index = waiting.firstIndex(where: { last < $0 }) {
            waiting.removeLast()
            waiting.insert(last, at: index)
        }
    }

    private mutating func enqueue(_ cluster: inout CephCluster, pool p: Int, pg: Int) {
        let up = cluster.mapping.up(pool: p, pg: pg)
        guard let work = cluster.pools[p].work(pg, up: up, osdUp: cluster.osdUp) else {
            cluster.setActivity(pool: p, pg: pg, [])
            return
        }
        waiting.append(Key(priority: work.priority, pool: p, pg: pg, work: work))
        waitingSet.insert(id(p, pg))
        cluster.setActivity(pool: p, pg: pg, work.kind == .recovery ? .recoveryWait : .backfillWait)
    }

    /// Starts every waiting PG that gets its reservations, in priority order.
    mutating func start(_ cluster: inout CephCluster) {
        var stillWaiting: [Key] = []
        for key in waiting {
            let work = key.work
            if work.kind == .backfill, work.targets.contains(where: { cluster.utilization($0) >= backfillfullRatio }) {
                cluster.setActivity(pool: key.pool, pg: key.pg, .backfillTooFull)
                stillWaiting.append(key)
                continue
            }
            let primary = Int(work.primary)
            guard localReserved[primary] < maxBackfills,
                  work.targets.allSatisfy({ $0 == work.primary || remoteReserved[Int($0)] < maxBackfills })
            else {
                cluster.setActivity(pool: key.pool, pg: key.pg, work.kind == .recovery ? .recoveryWait : .backfillWait)
                stillWaiting.append(key)
                continue
            }
            localReserved[primary] += 1
            for target in work.targets where target != work.primary { remoteReserved[Int(target)] += 1 }
            waitingSet.remove(id(key.pool, key.pg))
            running.insert(id(key.pool, key.pg))
            flows.append(Flow(pool: key.pool, pg: key.pg, work: work, remaining: work.bytes))
            cluster.setActivity(pool: key.pool, pg: key.pg, work.kind == .recovery ? .recovering : .backfilling)
        }
        waiting = stillWaiting
        computeRates(cluster)
    }

    private mutating func release(_ work: PGWork) {
        localReserved[Int(work.primary)] -= 1
        for target in work.targets where target != work.primary { remoteReserved[Int(target)] -= 1 }
    }

    private mutating func ensureCapacity(_ osds: Int) {
        if localReserved.count < osds {
            localReserved += [Int](repeating: 0, count: osds - localReserved.count)
            remoteReserved += [Int](repeating: 0, count: osds - remoteReserved.count)
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
            for osd in disks(of: flow.work) { diskUsers[Int(osd)] += 1 }
            forEachCrossing(flow.work, topology) { s, t in
                nicOut[s] += 1
                nicIn[t] += 1
            }
        }
        for index in flows.indices {
            var rate = Double.infinity
            for osd in disks(of: flows[index].work) {
                rate = min(rate, topology.diskRate[Int(osd)] / Double(diskUsers[Int(osd)]))
            }
            forEachCrossing(flows[index].work, topology) { s, t in
                rate = min(rate, topology.nicRate[s] / Double(nicOut[s]))
                rate = min(rate, topology.nicRate[t] / Double(nicIn[t]))
            }
            flows[index].rate = rate.isFinite ? rate : 0
        }
    }

    /// The disks a flow reads or writes, each once.
    private func disks(of work: PGWork) -> [Int32] {
        var out = work.targets
        for source in work.sources where !out.contains(source) { out.append(source) }
        return out
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
