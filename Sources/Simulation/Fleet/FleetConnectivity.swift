/// Which hosts of the fleet are running and which of them can talk to each other at one moment:
/// the input of every quorum and reachability question (Ceph monitors, corosync, Consul, K3s,
/// the MQTT broker).
///
/// The network model of a small collective: every host hangs off one switch, racks have their
/// own top-of-rack switch. A failed host link isolates that host; a failed rack link isolates
/// the rack (its hosts still see each other); a partition splits the switch into groups (hosts
/// not named go with the first group). A host that is not running is in no group.
public struct FleetConnectivity: Sendable, Equatable {
    /// Hosts that are powered and running.
    public var running: Set<String>
    /// Hosts whose own network link is down.
    public var isolatedHosts: Set<String>
    /// Racks whose uplink is down.
    public var isolatedRacks: Set<String>
    /// The groups the network is split into (nil: whole).
    public var partition: [[String]]?

    public init(
        running: Set<String>, isolatedHosts: Set<String> = [], isolatedRacks: Set<String> = [],
        partition: [[String]]? = nil
    ) {
        self.running = running
        self.isolatedHosts = isolatedHosts
        self.isolatedRacks = isolatedRacks
        self.partition = partition
    }

    /// Everything running and connected.
    public static func healthy(_ fleet: Fleet) -> FleetConnectivity {
        FleetConnectivity(running: Set(fleet.hosts.map(\.name)))
    }

    /// The groups of running hosts that can reach each other, each in fleet order, the groups
    /// ordered by their first host's position in the fleet. Deterministic.
    public func components(of fleet: Fleet) -> [[String]] {
        var keyOf: [String: String] = [:]
        for host in fleet.hosts where running.contains(host.name) {
            var key: String
            if let partition, let index = partition.firstIndex(where: { $0.contains(host.name) }) {
                key = "p\(index)"
            } else {
                key = "p0"
            }
            if let rack = host.location.rack, isolatedRacks.contains(rack) { key += "/rack:\(rack)" }
            if isolatedHosts.contains(host.name) { key += "/host:\(host.name)" }
            keyOf[host.name] = key
        }
        var order: [String] = []
        var groups: [String: [String]] = [:]
        for host in fleet.hosts {
            guard let key = keyOf[host.name] else { continue }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(host.name)
        }
        return order.map { groups[$0]! }
    }

    /// Whether `a` and `b` are both running and can talk.
    public func canReach(_ a: String, _ b: String, in fleet: Fleet) -> Bool {
        components(of: fleet).contains { $0.contains(a) && $0.contains(b) }
    }
}
