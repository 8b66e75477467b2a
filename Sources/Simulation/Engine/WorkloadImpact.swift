/// What one timeline event's window did to the VMs and pods (from `Scenario.failover` fed with
/// the run's conditions): which stopped, where they were restarted and when, which were not
/// running when the window closed, and how long until every one it stopped ran again.
public struct WorkloadImpact: Sendable, Equatable {
    /// VMs and pods that stopped in the window (down, evicted, stuck, pending), first stop first.
    public var stopped: [String] = []
    /// Restarts and moves in the window.
    public var restarted: [WorkloadRestart] = []
    /// VMs and pods not running when the window closed, with the last reason.
    public var notRunning: [WorkloadWait] = []
    /// From the event until every VM and pod stopped in the window runs again, across later
    /// windows (nil: some never did within the run, or none stopped).
    public var allRunningAfter: Duration?

    public var isEmpty: Bool { stopped.isEmpty && restarted.isEmpty && notRunning.isEmpty }
}

/// A VM or pod started (again) on a node.
public struct WorkloadRestart: Sendable, Equatable {
    /// `vm:100 collective-db`, `pod monitoring/prometheus-0`.
    public var subject: String
    public var node: String
    /// From the timeline event until it ran there.
    public var after: Duration
    /// Moved while running (a failback to the node its affinity rule prefers), not restarted
    /// after a stop.
    public var migrated = false
}

/// A VM or pod that does not run, and why.
public struct WorkloadWait: Sendable, Equatable {
    public var subject: String
    public var reason: String
}

extension WorkloadImpact {
    /// Splits the failover events of a run over its incidents' windows. `running` names the
    /// workloads running at the start (the plan's placements).
    static func split(_ events: [FailoverEvent], running initiallyRunning: [String], over incidents: inout [Incident]) {
        var running = Set(initiallyRunning)
        var reason: [String: String] = [:]
        /// Workloads each incident stopped that do not run yet.
        var waiting: [Set<String>] = Array(repeating: [], count: incidents.count)
        var next = 0
        let workloadEvents = events.filter(\.isWorkload)
        func close(_ k: Int) {
            let stillDown = incidents[k].workloads.stopped.filter { !running.contains($0) }
            incidents[k].workloads.notRunning = stillDown.map { WorkloadWait(subject: $0, reason: reason[$0] ?? "") }
        }
        for k in incidents.indices {
            let start = incidents[k].event.at
            let end: Duration? = k + 1 < incidents.count ? incidents[k + 1].event.at : nil
            while next < workloadEvents.count {
                let event = workloadEvents[next]
                let time = Duration.seconds(event.seconds)
                if let end, time >= end { break }
                next += 1
                let subject = event.subject
                switch event.kind {
                case .restarted, .migrated:
                    running.insert(subject)
                    reason[subject] = nil
                    guard time >= start else { continue }
                    incidents[k].workloads.restarted.append(WorkloadRestart(
                        subject: subject, node: event.node ?? "?", after: time - start, migrated: event.kind == .migrated))
                    for j in 0...k where waiting[j].remove(subject) != nil {
                        if waiting[j].isEmpty, !incidents[j].workloads.stopped.isEmpty {
                            incidents[j].workloads.allRunningAfter = time - incidents[j].event.at
                        }
                    }
                default:
                    reason[subject] = event.detail
                    guard running.remove(subject) != nil, time >= start else { continue }
                    if !incidents[k].workloads.stopped.contains(subject) { incidents[k].workloads.stopped.append(subject) }
                    waiting[k].insert(subject)
                    incidents[k].workloads.allRunningAfter = nil
                }
            }
            close(k)
        }
    }
}
