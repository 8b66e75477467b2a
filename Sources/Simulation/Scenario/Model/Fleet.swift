/// The machines of the collective, in file order: one Queen, Drones, Edge nodes.
public struct Fleet: Sendable, Equatable {
    public var hosts: [Host]

    public init(hosts: [Host]) {
        self.hosts = hosts
    }

    public func host(named name: String) -> Host? {
        hosts.first { $0.name == name }
    }

    /// The Queen, if the fleet has one.
    public var queen: Host? {
        hosts.first { $0.role == .queen }
    }

    public func hosts(withRole role: HostRole) -> [Host] {
        hosts.filter { $0.role == role }
    }

    /// Rack names in order of first appearance.
    public var racks: [String] {
        var seen: [String] = []
        for host in hosts {
            if let rack = host.location.rack, !seen.contains(rack) { seen.append(rack) }
        }
        return seen
    }
}
