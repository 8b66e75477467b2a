/// What the failure of one host, or of one rack (every host in it powered off), alone does to
/// the services: which stop (`failed`, each with the reason) and which keep serving with less
/// redundancy (`degraded`). Made by `ServiceLayout.failureImpacts()` from the services' health
/// with everything else running and connected.
public struct FailureImpact: Sendable, Equatable, Codable {
    public enum Scope: String, Sendable, Codable {
        case host
        case rack
    }

    public var scope: Scope
    /// The host's or the rack's name.
    public var name: String
    /// The hosts that fail.
    public var hosts: [String]
    /// Services that stop, with why (the service's summary in that state).
    public var failed: [ServiceOutage]
    /// Services that keep serving with a member lost or a client cut off.
    public var degraded: [CollectiveService]
}

/// A service that stops, and why.
public struct ServiceOutage: Sendable, Equatable, Codable {
    public var service: CollectiveService
    public var reason: String
}

/// A host whose failure alone stops a service, and why.
public struct SinglePointOfFailure: Sendable, Equatable, Codable {
    public var host: String
    public var service: CollectiveService
    public var reason: String
}

extension ServiceLayout {
    /// The impact of each host's failure (fleet order), then each rack's (first-appearance order).
    /// A service already down with everything running does not count as failed by it.
    public func failureImpacts() -> [FailureImpact] {
        let everyone = FleetConnectivity.healthy(fleet)
        let baseline = health(under: everyone)
        func impact(_ scope: FailureImpact.Scope, _ name: String, _ hosts: [String]) -> FailureImpact {
            var net = everyone
            net.running.subtract(hosts)
            let after = health(under: net)
            var failed: [ServiceOutage] = []
            var degraded: [CollectiveService] = []
            for status in after.statuses {
                guard let before = baseline.status(of: status.service)?.state, before != .down else { continue }
                switch status.state {
                case .down: failed.append(ServiceOutage(service: status.service, reason: status.summary))
                case .degraded: degraded.append(status.service)
                case .up: break
                }
            }
            return FailureImpact(scope: scope, name: name, hosts: hosts, failed: failed, degraded: degraded)
        }
        var impacts = fleet.hosts.map { impact(.host, $0.name, [$0.name]) }
        for rack in fleet.racks {
            impacts.append(impact(.rack, rack, fleet.hosts.filter { $0.location.rack == rack }.map(\.name)))
        }
        return impacts
    }

    /// The hosts whose failure alone stops a service, in fleet order, then service order.
    public func singlePointsOfFailure() -> [SinglePointOfFailure] {
        Self.singlePoints(in: failureImpacts())
    }

    /// The host failures among `impacts` that stop a service, one entry per service stopped.
    static func singlePoints(in impacts: [FailureImpact]) -> [SinglePointOfFailure] {
        impacts.filter { $0.scope == .host }.flatMap { impact in
            impact.failed.map { SinglePointOfFailure(host: impact.name, service: $0.service, reason: $0.reason) }
        }
    }
}
