internal import CRUSH

/// The run told for an operator: the cluster at the start, a timeline of what happened and
/// what Ceph did about it, a summary per timeline event, and the expectations' verdicts.
/// Deterministic: fixed formatting, nothing iterated in hash order.
public enum SimulationTextReport {
    public static func render(_ result: SimulationResult, scenario: Scenario) -> String {
        var out = ""
        let first = result.steps.first?.ceph ?? result.final
        let hosts = scenario.fleet.hosts
        let roles = [HostRole.queen, .drone, .edge].compactMap { role -> String? in
            let n = hosts.filter { $0.role == role }.count
            return n == 0 ? nil : "\(n) \(role.rawValue)\(n == 1 ? "" : "s")"
        }
        out += "Scenario \(scenario.name) (seed \(result.seed)): \(roles.joined(separator: ", ")); "
        out += "\(first.osds) OSDs, \(first.pgs) PGs in \(scenario.ceph.pools.count) pools, \(bytes(first.storedBytes)) stored\n"
        if let description = scenario.description { out += description + "\n" }
        out += "\nTimeline\n"
        var previous: CephStatus?
        let workloads = result.workloadEvents
        var next = 0
        /// The workload events of one second, from `next` on.
        func workloadLines(through second: Int64) -> [String] {
            var lines: [String] = []
            while next < workloads.count, workloads[next].seconds <= second {
                lines.append(workloadText(workloads[next]))
                next += 1
            }
            return lines
        }
        for step in result.steps {
            let second = step.time.components.seconds
            while next < workloads.count, workloads[next].seconds < second {
                let at = workloads[next].seconds
                out += block(.seconds(at), workloadLines(through: at))
            }
            out += line(step, previous: previous, scenario: scenario, workloads: workloadLines(through: second))
            previous = step.ceph
        }
        while next < workloads.count {
            let at = workloads[next].seconds
            out += block(.seconds(at), workloadLines(through: at))
        }
        out += "\nWhat each event did\n"
        for incident in result.incidents {
            out += incidentText(incident, isLast: incident == result.incidents.last)
        }
        out += "\nAt the end (\(time(result.endTime))): \(result.final.health.status.rawValue), "
        out += "\(result.final.osdsUp)/\(result.final.osds) OSDs up, \(result.final.osdsIn) in; "
        out += pgSummary(result.final) + "; "
        out += "\(bytes(result.final.bytesMoved)) moved by recovery and backfill in all\n"
        if !result.singlePointsExercised.isEmpty {
            out += "\nSingle points of failure this run exercised\n"
            var byHost: [(host: String, services: [String])] = []
            for spof in result.singlePointsExercised {
                if let i = byHost.firstIndex(where: { $0.host == spof.host }) {
                    byHost[i].services.append(spof.service.title)
                } else {
                    byHost.append((spof.host, [spof.service.title]))
                }
            }
            for entry in byHost {
                out += "  \(entry.host): losing it alone stops \(entry.services.joined(separator: ", "))\n"
            }
        }
        if !result.expectations.isEmpty {
            out += "\nExpectations\n"
            for outcome in result.expectations {
                out += "  \(outcome.passed ? "pass" : "FAIL")  \(outcome.expectation.name): \(outcome.detail)\n"
            }
        }
        return out
    }

    /// Lines under a time stamp, the first on the stamp's line.
    static func block(_ at: Duration, _ lines: [String]) -> String {
        let pad = String(repeating: " ", count: 12)
        let stamp = time(at)
        let out = "  " + stamp + String(repeating: " ", count: max(1, 10 - stamp.count))
        return out + lines.joined(separator: "\n" + pad) + "\n"
    }

    static func line(_ step: SimulationStep, previous: CephStatus?, scenario: Scenario, workloads: [String] = []) -> String {
        var lines: [String] = []
        for event in step.events {
            lines.append(eventText(event))
        }
        lines += serviceLines(step.services, first: previous == nil)
        lines += workloads
        let ceph = step.ceph
        var state = "\(ceph.health.status.rawValue)"
        if !ceph.health.checks.isEmpty { state += " (" + ceph.health.checks.map(\.name).joined(separator: ", ") + ")" }
        state += "; " + pgSummary(ceph)
        var data: [String] = []
        if ceph.degradedBytes > 0 { data.append("\(bytes(ceph.degradedBytes)) degraded") }
        if ceph.misplacedBytes > 0 { data.append("\(bytes(ceph.misplacedBytes)) misplaced") }
        if ceph.recoveringPGs + ceph.waitingPGs > 0 {
            data.append("recovery: \(ceph.recoveringPGs) pgs moving, \(ceph.waitingPGs) waiting")
        } else if let previous, previous.recoveringPGs + previous.waitingPGs > 0 {
            data.append("recovery finished")
        }
        if ceph.lostPGs > 0 { data.append("DATA LOST in \(ceph.lostPGs) pgs") }
        if !ceph.inactivePools.isEmpty { data.append("I/O blocked in " + ceph.inactivePools.joined(separator: ", ")) }
        if previous == nil || previous!.monQuorum.members != ceph.monQuorum.members {
            data.append(ceph.monQuorum.isQuorate
                ? "mon quorum " + ceph.monQuorum.members.joined(separator: ",")
                : "NO MON QUORUM: no OSD is marked down or out, the PG states are the last map's, and I/O waits on every PG with a copy on a stopped host")
        }
        if !data.isEmpty { state += "; " + data.joined(separator: "; ") }
        lines.append(state)
        return block(step.time, lines)
    }

    /// The services that changed, in an operator's words; at the start, the ones up on one line.
    static func serviceLines(_ statuses: [ServiceStatus], first: Bool) -> [String] {
        var lines: [String] = []
        var shown = statuses
        if first {
            let up = statuses.filter { $0.state == .up }
            if !up.isEmpty { lines.append("services up: " + up.map(\.service.rawValue).joined(separator: ", ")) }
            shown = statuses.filter { $0.state != .up }
        }
        for status in shown {
            let state = switch status.state {
            case .up: "up"
            case .degraded: "degraded"
            case .down: "DOWN"
            }
            lines.append("\(status.service.title) \(state): \(status.summary)")
            if status.state == .down, let consequence = status.consequences.first { lines.append("  → " + consequence) }
        }
        return lines
    }

    static func workloadText(_ event: FailoverEvent) -> String {
        "\(event.subject): \(event.detail)"
    }

    static func eventText(_ event: ClusterEvent) -> String {
        switch event {
        case .timeline(_, let e):
            if let note = e.note { return "▶ \(note)  [\(e.action.summary)]" }
            return "▶ \(e.action.summary)"
        case .markedDown(let osds): return "\(list(osds)) marked down"
        case .markedOut(let osds): return "\(list(osds)) marked out: \(osds.count == 1 ? "its" : "their") data is rebuilt elsewhere"
        case .keptIn(let osds, let reason): return "\(list(osds)) stay in: \(reason)"
        case .markedUp(let osds): return "\(list(osds)) up again"
        case .markedIn(let osds): return "\(list(osds)) marked in again"
        case .created(let osds): return "\(list(osds)) created (empty, up, in)"
        case .purged(let osds): return "\(list(osds)) purged with their host"
        case .replaced(let osd): return "osd.\(osd) recreated on the new disk: empty, everything it held is backfilled"
        case .drained(let osds): return "\(list(osds)) drained (CRUSH weight 0)"
        case .unsupported(let why): return "not simulated: \(why)"
        case .alarmUnheard(let sensor, let reason): return "\(sensor): reaches no automation, nothing is done: \(reason)"
        }
    }

    static func incidentText(_ incident: Incident, isLast: Bool = false) -> String {
        var out = "  " + time(incident.event.at) + "  " + incident.event.action.summary
        if let note = incident.event.note { out += ": " + note }
        out += "\n"
        var facts: [String] = []
        if incident.osdsMarkedDown > 0 || incident.osdsMarkedOut > 0 {
            facts.append("\(incident.osdsMarkedDown) OSD\(incident.osdsMarkedDown == 1 ? "" : "s") marked down, \(incident.osdsMarkedOut) out")
        }
        facts.append("at worst \(incident.worstDegradedPGs) PGs degraded, \(incident.worstUndersizedPGs) undersized, \(incident.worstInactivePGs) inactive")
        if incident.peakDegradedBytes > 0 { facts.append("\(bytes(incident.peakDegradedBytes)) degraded at peak") }
        facts.append(incident.lostPGs > 0 ? "DATA LOST in \(incident.lostPGs) PGs" : "no data lost")
        facts.append("\(bytes(incident.bytesMoved)) moved")
        if incident.monQuorumLost { facts.append("monitor quorum lost") }
        out += "      " + facts.joined(separator: "; ") + "\n"
        var outcome: [String] = []
        let window = incident.end - incident.event.at
        if incident.worstHealth == .ok && incident.activeCleanAfter == nil && incident.worstDegradedPGs == 0 {
            outcome.append("HEALTH_OK throughout")
        } else {
            if let after = incident.activeCleanAfter {
                outcome.append("all PGs active+clean after \(time(after))")
            } else if incident.worstDegradedPGs == 0 && incident.worstInactivePGs == 0 && incident.bytesMoved == 0 {
                outcome.append("PGs stayed active+clean")
            } else {
                outcome.append("not active+clean within \(time(window))")
            }
            if incident.worstHealth == .ok {
                outcome.append("HEALTH_OK throughout (misplaced data is not a health warning)")
            } else {
                outcome.append(incident.healthOKAfter.map { "HEALTH_OK after \(time($0))" }
                    ?? "not HEALTH_OK within \(time(window))")
            }
        }
        out += "      " + outcome.joined(separator: "; ") + "\n"
        if !incident.servicesLost.isEmpty || !incident.servicesDegraded.isEmpty {
            var parts: [String] = []
            if !incident.servicesLost.isEmpty {
                parts.append("services lost: " + incident.servicesLost.map { loss in
                    loss.service.rawValue + (loss.downFor.map { " for \(time($0))" } ?? " until the end of the run")
                }.joined(separator: ", "))
            }
            if !incident.servicesDegraded.isEmpty {
                parts.append("degraded: " + incident.servicesDegraded.map(\.rawValue).joined(separator: ", "))
            }
            out += "      " + parts.joined(separator: "; ") + "\n"
        }
        let workloads = incident.workloads
        if !workloads.isEmpty {
            var parts: [String] = []
            if !workloads.stopped.isEmpty {
                let vms = workloads.stopped.filter { $0.hasPrefix("vm:") }.count
                let pods = workloads.stopped.count - vms
                let counts = [(vms, "VM"), (pods, "pod")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }
                parts.append(counts.joined(separator: " and ") + " stopped")
            }
            let started = workloads.restarted.filter { !$0.migrated }
            if !started.isEmpty {
                parts.append("started: " + started.map { "\($0.subject) on \($0.node) after \(time($0.after))" }
                    .joined(separator: ", "))
            }
            let moved = workloads.restarted.filter(\.migrated)
            if !moved.isEmpty {
                parts.append("moved: " + moved.map { "\($0.subject) to \($0.node) after \(time($0.after))" }
                    .joined(separator: ", "))
            }
            if !workloads.notRunning.isEmpty {
                parts.append("not running at \(isLast ? "the end" : "the next event"): "
                    + workloads.notRunning.map(\.subject).joined(separator: ", "))
            }
            if !workloads.stopped.isEmpty {
                parts.append(workloads.allRunningAfter.map { "every one running again after \(time($0))" }
                    ?? "not all running again by the end of the run")
            }
            out += "      workloads: " + parts.joined(separator: "; ") + "\n"
        }
        return out
    }

    static func pgSummary(_ ceph: CephStatus) -> String {
        let shown = ceph.pgStates.prefix(3).map { "\($0.count) \($0.state.name)" }
        let rest = ceph.pgStates.dropFirst(3).reduce(0) { $0 + $1.count }
        return shown.joined(separator: ", ") + (rest > 0 ? ", \(rest) other" : "")
    }

    static func list(_ osds: [Int32]) -> String {
        osds.map { "osd.\($0)" }.joined(separator: ", ")
    }

    static func bytes(_ value: UInt64) -> String {
        ByteSize(bytes: value).description
    }

    /// To the second: the model's millisecond timing (heartbeat jitter) is noise to a reader.
    static func time(_ duration: Duration) -> String {
        DurationText.format(.seconds(duration.components.seconds))
    }
}
