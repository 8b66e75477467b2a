public import Simulation

/// One failure the failure table tries on its own: a disk (its OSD), a host (the Queen among
/// them) or a rack, as the timeline event that causes it at time 0, with nothing restored.
public struct SingleFailure: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case disk, host, rack
    }

    public var kind: Kind
    /// `drone2/hdd0 (osd.5)`, `queen (Queen)`, `rack1`: the table's row label without the kind.
    public var name: String
    /// The disk (`host/disk`), host or rack that fails, as the scenario names it.
    public var target: String
    public var action: EventAction
    /// The hosts that stop (none for a disk).
    public var hosts: [String]

    /// "disk drone2/hdd0 (osd.5)", "host queen (Queen)", "rack rack1".
    public var label: String { "\(kind.rawValue) \(name)" }

    /// Every single failure of `scenario`'s fleet worth a row, in the order disks (that are
    /// OSDs), hosts, racks. A kind with more than `limit` members is cut to one of each shape
    /// (fleet order): disks by device class and size, hosts by role and disks, racks by the
    /// shapes of their hosts; `capped` names the kinds cut.
    public static func all(in scenario: Scenario, limit: Int = 24) -> (failures: [SingleFailure], capped: [Kind]) {
        let fleet = scenario.fleet
        var capped: [Kind] = []
        func onePerShape<T>(_ items: [T], _ kind: Kind, _ shape: (T) -> String) -> [T] {
            guard items.count > limit else { return items }
            capped.append(kind)
            var seen: Set<String> = []
            return items.filter { seen.insert(shape($0)).inserted }
        }
        func hostShape(_ host: Host) -> String {
            host.role.rawValue + ":" + host.disks.map { "\($0.deviceClass)/\($0.size.bytes)" }.sorted().joined(separator: ",")
        }
        var disks: [(host: Host, disk: Disk, osd: Int32)] = []
        for host in fleet.hosts {
            for disk in host.disks {
                if let osd = disk.osd { disks.append((host, disk, osd)) }
            }
        }
        disks = onePerShape(disks, .disk) { "\($0.disk.deviceClass)/\($0.disk.size.bytes)" }
        var out = disks.map { entry in
            SingleFailure(
                kind: .disk, name: "\(entry.host.name)/\(entry.disk.name) (osd.\(entry.osd))", target: "\(entry.host.name)/\(entry.disk.name)",
                action: .failDisk(DiskReference(host: entry.host.name, disk: entry.disk.name, osd: entry.osd)), hosts: [])
        }
        for host in onePerShape(fleet.hosts, .host, hostShape) {
            let name = host.role == .queen ? "\(host.name) (Queen)" : host.name
            out.append(SingleFailure(kind: .host, name: name, target: host.name, action: .failHost(host.name), hosts: [host.name]))
        }
        let racks = fleet.racks.map { rack in (rack, fleet.hosts.filter { $0.location.rack == rack }) }
        for (rack, hosts) in onePerShape(racks, .rack, { $0.1.map(hostShape).sorted().joined(separator: ";") }) {
            out.append(SingleFailure(kind: .rack, name: rack, target: rack, action: .failRack(rack), hosts: hosts.map(\.name)))
        }
        return (out, capped)
    }
}
