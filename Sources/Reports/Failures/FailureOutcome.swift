public import Simulation

/// What one `SingleFailure` does when it happens at time 0 and nothing is restored: the
/// simulator's run of the scenario with only that event (`Simulator`, the Pacific model in
/// scenarios/README.md), the services it stops (`ServiceLayout.failureImpacts()`), and the VMs
/// and pods the Proxmox HA manager and K3s restart or leave pending (`Scenario.failover`).
public struct FailureOutcome: Sendable, Equatable {
    /// Degraded and misplaced data at one moment of the run.
    public struct Point: Sendable, Equatable {
        public var time: Duration
        public var degradedBytes: UInt64
        public var misplacedBytes: UInt64
    }

    public var failure: SingleFailure
    /// The simulator's summary of the event: worst PG counts, peak degraded bytes, bytes moved,
    /// quorum, times to active+clean and HEALTH_OK.
    public var incident: Incident
    /// The cluster when nothing was left to happen, and when that was.
    public var final: CephStatus
    public var endTime: Duration
    /// Degraded and misplaced bytes over the run (at most `maxPoints`, the last one kept).
    public var timeline: [Point]
    /// Why the monitors kept the failed OSDs in (`mon_osd_down_out_subtree_limit`,
    /// `mon_osd_min_in_ratio`), if they did: their data is then not rebuilt elsewhere.
    public var keptIn: String?
    /// Whether some PG waited in backfill_toofull (`PG_BACKFILL_FULL`) during the run.
    public var backfillTooFull: Bool
    /// Pools with a PG below min_size: those the simulator saw inactive, and those whose PGs
    /// map below min_size with the failed hosts down (what the VMs and pods see).
    public var inactivePools: [String]
    /// Services that stop, with why.
    public var servicesDown: [ServiceOutage]
    /// VMs and pods (`vm:100 collective-db`, `pod monitoring/prometheus-0`) running again
    /// after failover, and those that end down or pending.
    public var restarted: [String]
    public var pending: [String]

    static let maxPoints = 240

    /// Runs `failure` on `scenario`; `plan` is where the VMs and pods run before it.
    public init(
        _ failure: SingleFailure, scenario: Scenario, plan: WorkloadPlan, impacts: [FailureImpact],
        options: PlanOptions = PlanOptions()
    ) {
        self.failure = failure
        let whatIf = scenario.withTimeline([TimelineEvent(at: .zero, action: failure.action, note: failure.label)])
        var points: [Point] = []
        var keptIn: String?
        var tooFull = false
        var inactive = Set(scenario.inactivePools(downHosts: Set(failure.hosts)))
        let result = Simulator(scenario: whatIf).run { step in
            points.append(Point(time: step.time, degradedBytes: step.ceph.degradedBytes, misplacedBytes: step.ceph.misplacedBytes))
            for event in step.events {
                if case .keptIn(_, let reason) = event, keptIn == nil { keptIn = reason }
            }
            inactive.formUnion(step.ceph.inactivePools)
            if step.ceph.health.checks.contains(where: { $0.name == "PG_BACKFILL_FULL" }) { tooFull = true }
        }
        guard let incident = result.incidents.first else {
            fatalError("a run of one timeline event reports one incident")
        }
        self.incident = incident
        final = result.final
        endTime = result.endTime
        if points.last?.time != result.endTime {
            points.append(Point(time: result.endTime, degradedBytes: result.final.degradedBytes, misplacedBytes: result.final.misplacedBytes))
        }
        timeline = Self.thin(points)
        self.keptIn = keptIn
        backfillTooFull = tooFull
        inactivePools = inactive.sorted()

        let scope: FailureImpact.Scope? = switch failure.kind {
        case .disk: nil
        case .host: .host
        case .rack: .rack
        }
        servicesDown = impacts.first { $0.scope == scope && $0.name == failure.target }?.failed ?? []

        var restarted: [String] = []
        var pending: [String] = []
        if !failure.hosts.isEmpty || !inactive.isEmpty {
            var connectivity = FleetConnectivity.healthy(scenario.fleet)
            connectivity.running.subtract(failure.hosts)
            let events = scenario.failover(
                from: plan,
                changes: [ConditionChange(time: .zero, conditions: ClusterConditions(connectivity: connectivity, inactivePools: inactive))],
                options: options)
            // The last word on each VM and pod, in order of first mention.
            var order: [String] = []
            var last: [String: FailoverEvent.Kind] = [:]
            for event in events where event.subject.hasPrefix("vm:") || event.subject.hasPrefix("pod ") {
                if last[event.subject] == nil { order.append(event.subject) }
                last[event.subject] = event.kind
            }
            for subject in order {
                switch last[subject] {
                case .restarted?, .migrated?: restarted.append(subject)
                default: pending.append(subject)
                }
            }
        }
        self.restarted = restarted
        self.pending = pending
    }

    /// At most `maxPoints` points: evenly spaced in time, the first and last kept, and every
    /// point where degraded or misplaced data starts or stops being zero (so the area's edges
    /// stay where they are).
    static func thin(_ points: [Point]) -> [Point] {
        guard points.count > maxPoints, let first = points.first, let last = points.last else { return points }
        let span = (last.time - first.time) / (maxPoints - 2)
        var out = [first]
        for (index, point) in points.enumerated().dropFirst() {
            let previous = points[index - 1]
            let edge = (point.degradedBytes == 0) != (previous.degradedBytes == 0)
                || (point.misplacedBytes == 0) != (previous.misplacedBytes == 0)
            if edge || point.time - out[out.count - 1].time >= span || index == points.count - 1 {
                if edge, previous != out[out.count - 1] { out.append(previous) }
                out.append(point)
            }
        }
        return out
    }

    /// Whether the cluster rebuilt every copy the failure took (nothing was degraded, or it
    /// ended with no degraded data), and if not, why.
    public var reReplication: (done: Bool, why: String) {
        if incident.lostPGs > 0 { return (false, "\(incident.lostPGs) PGs lost every copy") }
        if !final.monQuorum.isQuorate {
            return (false, "mon quorum lost: no OSD is marked down or out, I/O waits on every PG with a copy on a stopped host")
        }
        if incident.worstDegradedPGs == 0 && incident.peakDegradedBytes == 0 { return (true, "nothing to rebuild") }
        if let keptIn, final.degradedBytes > 0 { return (false, "OSDs not marked out: \(keptIn)") }
        if backfillTooFull, final.degradedBytes > 0 || !final.isActiveClean { return (false, "no room: backfill_toofull (full ratios)") }
        if final.degradedBytes > 0 { return (false, "\(final.degradedPGs) PGs still degraded at the end") }
        return (true, "within the full ratios")
    }

    /// Why the run never reached HEALTH_OK: what blocks recovery, else the checks left raised.
    public var healthBlocker: String? {
        guard incident.healthOKAfter == nil, !stayedHealthy else { return nil }
        let rebuilt = reReplication
        if !rebuilt.done { return rebuilt.why }
        let checks = final.health.checks.map(\.name).joined(separator: ", ")
        guard !checks.isEmpty else { return "not within the run" }
        switch failure.kind {
        case .disk: return checks + " until the disk is replaced or its OSD purged"
        case .host, .rack: return checks + " until \(failure.target) returns or its daemons are removed"
        }
    }

    /// Whether every PG stayed active+clean through the run (a host without OSDs failed).
    public var stayedClean: Bool {
        incident.worstDegradedPGs == 0 && incident.worstUndersizedPGs == 0 && incident.worstInactivePGs == 0
            && final.isActiveClean && final.monQuorum.isQuorate
    }

    /// Whether health never left HEALTH_OK.
    public var stayedHealthy: Bool { incident.worstHealth == .ok }
}
