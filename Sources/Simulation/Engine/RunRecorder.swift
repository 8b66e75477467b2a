/// Turns the stream of steps into a `SimulationResult`: keeps the steps that change the story,
/// sums up each timeline event's window (`Incident`) and checks the expectations.
struct RunRecorder {
    let scenario: Scenario
    let seed: UInt64
    private var steps: [SimulationStep] = []
    private var incidents: [Incident] = []
    private var last: SimulationStep?
    private var worstInactive = 0
    private var lostEver = 0
    private var lastEventTime: Duration = .zero
    /// First HEALTH_OK at or after the last timeline event, once the run is past it.
    private var healthyAfterLastEvent: Duration?
    private var bytesMovedAtIncidentStart: UInt64 = 0
    /// Whether the current incident's window has seen the cluster unclean / unhealthy (the
    /// times to clean and to HEALTH_OK count from the event to the first clean or healthy step
    /// after that).
    private var uncleanInIncident = false
    private var unhealthyInIncident = false
    private var services = ServiceOutageTracker()
    /// The conditions the VMs and pods see, each time they change.
    private var conditions: [ConditionChange] = []
    /// The fleet and services grown by assimilated hosts (nil until one joins), and whether
    /// the next conditions must carry them.
    private var layout: ServiceLayout?
    private var layoutChanged = false
    private let hasWorkloads: Bool

    init(scenario: Scenario, seed: UInt64) {
        self.scenario = scenario
        self.seed = seed
        lastEventTime = scenario.timeline.map(\.at).max() ?? .zero
        let workloads = scenario.workloads
        hasWorkloads = !(workloads.vms.isEmpty && workloads.pods.isEmpty && workloads.deployments.isEmpty
            && workloads.statefulSets.isEmpty)
    }

    mutating func record(_ step: SimulationStep, force: Bool) {
        let ceph = step.ceph
        worstInactive = max(worstInactive, ceph.inactivePGs)
        lostEver = max(lostEver, ceph.lostPGs)
        for event in step.events {
            if case .timeline(_, let timelineEvent) = event, case .addHost(let host, let joins) = timelineEvent.action {
                var grown = layout ?? ServiceLayout(scenario)
                grown.assimilate(host, joining: joins)
                layout = grown
                layoutChanged = true
            }
            if case .timeline(let index, let timelineEvent) = event {
                closeIncident(at: step.time)
                bytesMovedAtIncidentStart = ceph.bytesMoved
                uncleanInIncident = false
                unhealthyInIncident = false
                incidents.append(Incident(
                    index: index, event: timelineEvent, end: step.time, worstDegradedPGs: 0, worstUndersizedPGs: 0,
                    worstInactivePGs: 0, lostPGs: 0, peakDegradedBytes: 0, bytesMoved: 0, osdsMarkedDown: 0,
                    osdsMarkedOut: 0, monQuorumLost: false, worstHealth: .ok, activeCleanAfter: nil, healthOKAfter: nil))
            }
        }
        services.record(step, incidents: &incidents)
        if hasWorkloads { recordConditions(step) }
        if var incident = incidents.last {
            incident.worstDegradedPGs = max(incident.worstDegradedPGs, ceph.degradedPGs)
            incident.worstUndersizedPGs = max(incident.worstUndersizedPGs, ceph.undersizedPGs)
            incident.worstInactivePGs = max(incident.worstInactivePGs, ceph.inactivePGs)
            incident.lostPGs = ceph.lostPGs
            incident.peakDegradedBytes = max(incident.peakDegradedBytes, ceph.degradedBytes)
            incident.bytesMoved = ceph.bytesMoved - bytesMovedAtIncidentStart
            incident.monQuorumLost = incident.monQuorumLost || !ceph.monQuorum.isQuorate
            incident.worstHealth = max(incident.worstHealth, ceph.health.status)
            for event in step.events {
                if case .markedDown(let osds) = event { incident.osdsMarkedDown += osds.count }
                if case .markedOut(let osds) = event { incident.osdsMarkedOut += osds.count }
            }
            let since = step.time - incident.event.at
            let clean = ceph.isActiveClean && ceph.recoveringPGs + ceph.waitingPGs == 0
            if !clean { uncleanInIncident = true }
            if ceph.health.status != .ok { unhealthyInIncident = true }
            if incident.activeCleanAfter == nil, clean, uncleanInIncident { incident.activeCleanAfter = since }
            if incident.healthOKAfter == nil, ceph.health.status == .ok, unhealthyInIncident {
                incident.healthOKAfter = since
            }
            incident.end = step.time
            incidents[incidents.count - 1] = incident
        }
        if step.time >= lastEventTime, healthyAfterLastEvent == nil, ceph.health.status == .ok,
           !scenario.timeline.isEmpty || step.time > .zero
        {
            healthyAfterLastEvent = step.time
        }
        if ceph.health.status != .ok { healthyAfterLastEvent = step.time >= lastEventTime ? nil : healthyAfterLastEvent }
        if force || isNotable(step) { steps.append(step) }
        last = step
    }

    private mutating func closeIncident(at time: Duration) {
        guard !incidents.isEmpty else { return }
        incidents[incidents.count - 1].end = time
    }

    /// A step changes the story when something happened (other than recovery progress) or
    /// health, quorum, inactive or lost PGs, or whether recovery runs, changed.
    private func isNotable(_ step: SimulationStep) -> Bool {
        guard let last else { return true }
        if !step.events.isEmpty || !step.services.isEmpty { return true }
        let a = last.ceph
        let b = step.ceph
        return a.health.status != b.health.status
            || a.health.checks.map(\.name) != b.health.checks.map(\.name)
            || a.monQuorum.members != b.monQuorum.members
            || a.inactivePGs != b.inactivePGs
            || a.lostPGs != b.lostPGs
            || (a.recoveringPGs + a.waitingPGs == 0) != (b.recoveringPGs + b.waitingPGs == 0)
            || a.isActiveClean != b.isActiveClean
    }

    mutating func finish(endTime: Int64) -> SimulationResult {
        let end = Duration.milliseconds(endTime)
        closeIncident(at: end)
        let final = last!.ceph
        var outcomes: [ExpectationOutcome] = []
        for expectation in scenario.expectations {
            switch expectation.kind {
            case .noDataLoss:
                outcomes.append(ExpectationOutcome(
                    expectation: expectation, passed: lostEver == 0,
                    detail: lostEver == 0 ? "no PG lost every copy" : "\(lostEver) PGs lost every copy"))
            case .maxInactivePGs(let limit):
                outcomes.append(ExpectationOutcome(
                    expectation: expectation, passed: worstInactive <= limit,
                    detail: "at most \(worstInactive) PGs inactive at once (limit \(limit))"))
            case .healthyWithin(let limit):
                if let healthy = healthyAfterLastEvent, final.health.status == .ok {
                    let after = healthy - lastEventTime
                    outcomes.append(ExpectationOutcome(
                        expectation: expectation, passed: after <= limit,
                        detail: "HEALTH_OK \(DurationText.format(after)) after the last event (limit \(DurationText.format(limit)))"))
                } else {
                    outcomes.append(ExpectationOutcome(
                        expectation: expectation, passed: false,
                        detail: "still \(final.health.status.rawValue) at the end of the run, \(DurationText.format(end - lastEventTime)) after the last event (limit \(DurationText.format(limit)))"))
                }
            }
        }
        let workloadEvents = failover()
        return SimulationResult(
            scenario: scenario.name, seed: seed, steps: steps, incidents: incidents, expectations: outcomes,
            final: final, endTime: end, worstInactivePGs: worstInactive, dataLost: lostEver > 0,
            workloadEvents: workloadEvents, singlePointsExercised: services.exercised(in: ServiceLayout(scenario)))
    }

    /// Who runs and talks, which pools are inactive and which hosts were removed (their
    /// Kubernetes nodes count as out of service), when that changes. Without a monitor quorum
    /// every pool counts as inactive: a client that starts cannot get a map, and the PG states
    /// are the last map's, blind to the copies lost since.
    private mutating func recordConditions(_ step: SimulationStep) {
        let inactive = step.ceph.monQuorum.isQuorate
            ? Set(step.ceph.inactivePools) : Set(scenario.ceph.pools.map(\.name))
        let current = ClusterConditions(
            connectivity: step.connectivity, inactivePools: inactive,
            outOfService: Set(scenario.fleet.hosts.map(\.name)).subtracting(step.hosts))
        guard conditions.last?.conditions != current || layoutChanged else { return }
        conditions.append(ConditionChange(
            time: step.time, conditions: current, layout: layoutChanged ? layout : nil))
        layoutChanged = false
    }

    /// The VMs' and pods' failover under the run's conditions, split over the incidents.
    private mutating func failover() -> [FailoverEvent] {
        guard hasWorkloads else { return [] }
        let plan = scenario.workloadPlan()
        let events = scenario.failover(from: plan, changes: conditions)
        let running = scenario.workloads.vms.filter { vm in plan.vms.contains { $0.id == vm.id && $0.node != nil } }.map(FailoverRun.label)
            + plan.pods.filter { $0.node != nil && $0.blockedBy == nil }.map { FailoverRun.label($0.pod) }
        WorkloadImpact.split(events, running: running, over: &incidents)
        return events
    }
}
