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
        for step in result.steps {
            out += line(step, previous: previous, scenario: scenario)
            previous = step.ceph
        }
        out += "\nWhat each event did\n"
        for incident in result.incidents {
            out += incidentText(incident)
        }
        out += "\nAt the end (\(time(result.endTime))): \(result.final.health.status.rawValue), "
        out += "\(result.final.osdsUp)/\(result.final.osds) OSDs up, \(result.final.osdsIn) in; "
        out += pgSummary(result.final) + "; "
        out += "\(bytes(result.final.bytesMoved)) moved by recovery and backfill in all\n"
        if !result.expectations.isEmpty {
            out += "\nExpectations\n"
            for outcome in result.expectations {
                out += "  \(outcome.passed ? "pass" : "FAIL")  \(outcome.expectation.name): \(outcome.detail)\n"
            }
        }
        return out
    }

    static func line(_ step: SimulationStep, previous: CephStatus?, scenario: Scenario) -> String {
        let pad = String(repeating: " ", count: 12)
        let stamp = time(step.time)
        var out = "  " + stamp + String(repeating: " ", count: max(1, 10 - stamp.count))
        var lines: [String] = []
        for event in step.events {
            lines.append(eventText(event))
        }
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
        out += lines.joined(separator: "\n" + pad) + "\n"
        return out
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
        }
    }

    static func incidentText(_ incident: Incident) -> String {
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
