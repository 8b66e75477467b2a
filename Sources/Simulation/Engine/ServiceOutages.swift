/// A service that stopped during a timeline event's window, and for how long.
public struct ServiceLoss: Sendable, Equatable {
    public var service: CollectiveService
    /// Why it stopped (its summary when it went down).
    public var reason: String
    /// From the timeline event until it stopped.
    public var after: Duration
    /// How long it stayed down, across later windows (nil: still down at the end of the run).
    public var downFor: Duration?
}

/// Follows the services' changes through a run (`SimulationStep.services`): which service went
/// down or degraded in which incident, when each came back, and which single points of failure
/// the run exercised (a service down while one of its single hosts was down or cut off).
struct ServiceOutageTracker {
    private var state: [CollectiveService: ServiceState] = [:]
    /// The incident and entry of each service down now, and since when.
    private var open: [CollectiveService: (incident: Int, entry: Int, since: Duration)] = [:]
    /// For each service that went down: the hosts away (down or cut off from the largest group)
    /// at those moments.
    private(set) var awayWhenDown: [CollectiveService: Set<String>] = [:]

    mutating func record(_ step: SimulationStep, incidents: inout [Incident]) {
        let first = state.isEmpty
        var away: Set<String>?
        for status in step.services {
            let before = state[status.service]
            state[status.service] = status.state
            if first { continue }
            if status.state == .down, before != .down {
                if away == nil {
                    let largest = step.networkGroups.max { $0.count < $1.count } ?? []
                    away = Set(step.hosts).subtracting(largest)
                }
                awayWhenDown[status.service, default: []].formUnion(away!)
                guard var incident = incidents.last else { continue }
                incident.servicesLost.append(ServiceLoss(
                    service: status.service, reason: status.summary, after: step.time - incident.event.at, downFor: nil))
                open[status.service] = (incidents.count - 1, incident.servicesLost.count - 1, step.time)
                incidents[incidents.count - 1] = incident
            } else if status.state != .down, before == .down, let (i, e, since) = open.removeValue(forKey: status.service) {
                incidents[i].servicesLost[e].downFor = step.time - since
            }
            if status.state == .degraded, before == .up, !incidents.isEmpty,
               !incidents[incidents.count - 1].servicesDegraded.contains(status.service)
            {
                incidents[incidents.count - 1].servicesDegraded.append(status.service)
            }
        }
    }

    /// The single points of failure of `layout` whose host was away while their service was down.
    func exercised(in layout: ServiceLayout) -> [SinglePointOfFailure] {
        guard !awayWhenDown.isEmpty else { return [] }
        return layout.singlePointsOfFailure().filter { awayWhenDown[$0.service]?.contains($0.host) ?? false }
    }
}
