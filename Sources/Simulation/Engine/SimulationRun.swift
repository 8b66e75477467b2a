internal import CRUSH
internal import Placement

/// One run of a scenario: the mutable state behind `Simulator.run`.
struct SimulationRun {
    let scenario: Scenario
    let config: CephConfig
    let horizon: Int64
    let seed: UInt64
    var queue = EventQueue()
    var cluster: CephCluster
    var scheduler: RecoveryScheduler
    /// Heartbeat timing jitter for failure detection.
    var detectionRandom: SplitMix64
    var now: Int64 = 0
    private var lastGrowth: Int64 = 0
    /// `cluster.utilizations()` as of this moment's recovery start (holders do not change
    /// between it and the step's status).
    var utilization: [Double] = []

    // The fleet's state.
    var running: Set<String>
    var isolatedHosts: Set<String> = []
    var isolatedRacks: Set<String> = []
    var partition: [[String]]?
    var failedDisks: Set<Int32> = []
    var quorum: Quorum
    /// Hosts running a monitor: the file's, plus assimilated hosts that join as `mon`.
    var mons: [String]
    /// The services on the fleet, and the last health told.
    var services: ServiceWatch
    /// Indices of the timeline events fired by sensor triggers (they need the broker).
    var triggered: Set<Int> = []

    // Failure detection, per OSD id.
    /// When the OSD stopped (dead or cut off); -1 while it runs.
    var stoppedAt: [Int64] = []
    /// Each pool's `written` when the OSD was marked down: what it misses is what was written
    /// since (`missesWrites`: it was marked down since it last ran).
    var writtenAtStop: [Double] = []
    var missesWrites: [Bool] = []
    var downMarkPending: [Bool] = []
    /// When the monitors marked it down; -1 while up.
    var markedDownAt: [Int64] = []

    // What this moment did.
    var events: [ClusterEvent] = []
    var mapDirty = false
    /// Holders changed without a map change (an OSD that was never marked down caught up).
    var pgsDirty = false
    private var recoveryGeneration: UInt64 = 0

    init(scenario: Scenario, seed: UInt64, horizon: Int64) {
        self.scenario = scenario
        self.seed = seed
        config = scenario.ceph.config
        cluster = CephCluster(scenario: scenario)
        scheduler = RecoveryScheduler(maxBackfills: config.osdMaxBackfills, backfillfullRatio: config.backfillfullRatio)
        detectionRandom = SplitMix64(seed: seed).split("failure-detection")
        running = Set(scenario.fleet.hosts.map(\.name))
        mons = scenario.ceph.mons
        services = ServiceWatch(scenario: scenario)
        quorum = Quorum(members: [], votes: 0, needed: 1, total: 0)
        let lastEvent = scenario.timeline.map { $0.at.wholeMilliseconds }.max() ?? 0
        self.horizon = lastEvent + horizon
        growOSDTables()
        quorum = monQuorum()
    }

    var connectivity: FleetConnectivity {
        FleetConnectivity(running: running, isolatedHosts: isolatedHosts, isolatedRacks: isolatedRacks, partition: partition)
    }

    var currentFleet: Fleet { Fleet(hosts: cluster.topology.hosts) }

    mutating func growOSDTables() {
        let count = Int(cluster.map.maxOSD)
        let pools = cluster.pools.count
        if stoppedAt.count < count {
            let extra = count - stoppedAt.count
            stoppedAt += [Int64](repeating: -1, count: extra)
            downMarkPending += [Bool](repeating: false, count: extra)
            markedDownAt += [Int64](repeating: -1, count: extra)
            missesWrites += [Bool](repeating: false, count: extra)
            writtenAtStop += [Double](repeating: 0, count: extra * pools)
        }
    }

    mutating func run(onStep: (SimulationStep) -> Void) -> SimulationResult {
        for (index, event) in scenario.timeline.enumerated() {
            queue.schedule(.timeline(index), at: event.at.wholeMilliseconds)
        }
        var recorder = RunRecorder(scenario: scenario, seed: seed)
        let initial = step()
        onStep(initial)
        recorder.record(initial, force: true)

        while let time = queue.nextTime, time <= horizon {
            now = time
            events = []
            mapDirty = false
            pgsDirty = false
            advanceData()
            while let next = queue.nextTime, next == time, let event = queue.popNext() {
                handle(event)
            }
            monitorsReact()
            if mapDirty { _ = cluster.applyMap() }
            if pgsDirty { cluster.reevaluateAll() }
            if mapDirty || pgsDirty { scheduler.rescan(&cluster) }
            utilization = cluster.utilizations()
            scheduler.start(&cluster, utilization: utilization)
            scheduleRecoveryWake()
            #if DEBUG
            checkInvariants(mapChanged: mapDirty)
            #endif
            let current = step()
            onStep(current)
            recorder.record(current, force: false)
        }
        return recorder.finish(endTime: now)
    }

    private mutating func handle(_ event: SimulationEvent) {
        switch event.kind {
        case .timeline(let index):
            let timelineEvent = scenario.timeline[index]
            events.append(.timeline(index: index, timelineEvent))
            if triggered.contains(index), let blocker = services.triggerBlocker(under: connectivity) {
                events.append(.alarmUnheard(sensor: timelineEvent.note ?? "a sensor trigger", reason: blocker))
            } else if case .sensorAlarm(let sensor) = timelineEvent.action,
               let blocker = services.alarmBlocker(sensor: sensor, under: connectivity)
            {
                events.append(.alarmUnheard(sensor: sensor, reason: blocker))
            } else {
                apply(timelineEvent.action)
            }
            services.follow(timelineEvent.action)
        case .markDown(let osd):
            markDown(osd)
        case .markOut(let osd):
            markOut(osd)
        case .recovery(let generation):
            _ = generation  // progress was applied by advanceData
        }
    }

    /// Growth and recovery progress from the last moment to now.
    private mutating func advanceData() {
        let elapsed = Double(now - lastGrowth)
        if elapsed > 0 {
            let blocked = poolsBlockedByFullOSDs()
            for p in cluster.pools.indices where !blocked.contains(p) {
                let grown = cluster.pools[p].growthRate * elapsed
                cluster.pools[p].stored += grown
                cluster.pools[p].written += grown
            }
            lastGrowth = now
        }
        let finished = scheduler.advance(to: now)
        for flow in finished {
            RecoveryScheduler.complete(flow, in: &cluster)
        }
        for flow in finished {
            scheduler.recheck(&cluster, pool: flow.pool, pg: flow.pg)
        }
    }

    /// Pools with data on an OSD at or above the full ratio: Ceph stops their writes.
    func poolsBlockedByFullOSDs() -> Set<Int> {
        var blocked: Set<Int> = []
        let poolCount = cluster.pools.count
        let utilization = cluster.utilizations()
        for osd in 0..<cluster.topology.osdCount where utilization[osd] >= config.fullRatio {
            for p in 0..<poolCount where cluster.heldCount[osd * poolCount + p] > 0 { blocked.insert(p) }
        }
        return blocked
    }

    private mutating func scheduleRecoveryWake() {
        recoveryGeneration &+= 1
        if let wake = scheduler.nextCompletion(after: now) {
            queue.schedule(.recovery(generation: recoveryGeneration), at: wake)
        }
    }

    mutating func step() -> SimulationStep {
        SimulationStep(
            time: .milliseconds(now), events: events, connectivity: connectivity,
            hosts: cluster.topology.hosts.map(\.name),
            networkGroups: connectivity.components(of: currentFleet), ceph: status(),
            services: services.changes(under: connectivity))
    }

    #if DEBUG
    /// The invariants every step keeps: each PG's up set is the Placement model's for the
    /// current map; no acting member is an OSD marked down; the pools' bytes are what was there
    /// plus what was written; reservation counts match the running flows.
    /// Up sets are compared for up to 64 PGs per pool, after each map change.
    private func checkInvariants(mapChanged: Bool) {
        let mapper = mapChanged ? PlacementMapper(cluster.map) : nil
        var mapping = PGMapping()
        for (p, pool) in cluster.pools.enumerated() {
            for pg in stride(from: 0, to: mapChanged ? pool.pgNum : 0, by: max(1, pool.pgNum / 64)) {
                guard let mapper else { break }
                mapper.map(PGID(pool: pool.poolID, seed: UInt32(pg)), into: &mapping)
                let up = cluster.mapping.up(pool: p, pg: pg).filter { $0 != crushItemNone }
                assert(up == mapping.up.filter { $0 != crushItemNone }, "up set of \(pool.poolID).\(pg) differs from Placement's")
                for i in pool.slots(of: pg) where pool.isUp(pool.holders[i], cluster.osdUp) {
                    assert(cluster.map.isUp(pool.holders[i]), "acting member of \(pool.poolID).\(pg) is down")
                }
            }
            let spec = scenario.ceph.pools.first { $0.id == pool.poolID }
            let initial = Double(spec?.stored.bytes ?? 0)
            assert(abs(pool.stored - initial - pool.written) <= 1 + 1e-9 * pool.stored, "bytes of pool \(pool.name) not conserved")
        }
    }
    #endif
}
