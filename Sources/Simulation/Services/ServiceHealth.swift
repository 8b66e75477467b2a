/// The status of every configured service at one moment (`ServiceLayout.health(under:)`), in
/// `CollectiveService` order.
public struct ServiceHealth: Sendable, Equatable, Codable {
    public var statuses: [ServiceStatus]

    public init(statuses: [ServiceStatus]) {
        self.statuses = statuses
    }

    public func status(of service: CollectiveService) -> ServiceStatus? {
        statuses.first { $0.service == service }
    }

    /// Services that do not serve at all.
    public var down: [CollectiveService] {
        statuses.filter { $0.state == .down }.map(\.service)
    }

    /// Whether the Ceph monitors hold quorum (without it no OSD is marked down or out and
    /// nothing recovers). False when the layout has no monitors.
    public var hasMonitorQuorum: Bool {
        status(of: .cephMonitors).map { $0.state != .down } ?? false
    }

    /// Whether every service is up.
    public var isHealthy: Bool {
        statuses.allSatisfy { $0.state == .up }
    }

    /// The statuses that differ from `previous` (state or summary), for a timeline that prints
    /// only what changed; services new since then count as changed.
    public func changes(since previous: ServiceHealth) -> [ServiceStatus] {
        statuses.filter { status in
            guard let before = previous.status(of: status.service) else { return true }
            return before.state != status.state || before.summary != status.summary
        }
    }

    /// A line per service (`service: state: summary`), with its consequences indented under
    /// it when it is not up.
    public func rendered() -> String {
        var out = ""
        for status in statuses {
            out += status.line + "\n"
            if status.state != .up {
                for consequence in status.consequences { out += "    " + consequence + "\n" }
            }
        }
        return out
    }
}
