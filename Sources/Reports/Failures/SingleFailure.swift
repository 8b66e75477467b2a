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

    /// Every single failure of `scenario`'s fleet worth a row: each disk that is an OSD (at most
    /// `diskLimit`; beyond it the first disk of each distinct device class and size, fleet
    /// order), each host, each rack. Returns the list and whether the disks were capped.
    public static func all(in scenario: Scenario, diskLimit: Int = 24) -> (failures: [SingleFailure], disksCapped: Bool) {
        let fleet = scenario.fleet
        var disks: [(host: Host, disk: Disk, osd: Int32)] = []
        for host in fleet.hosts {
            for disk in host.disks {
                if let osd = disk.osd { disks.append((host, disk, osd)) }
            }
        }
        let capped = disks.count > diskLimit
        if capped {
            var seen: [String] = []
            disks = disks.filter { entry in
                let key = "\(entry.disk.deviceClass)/\(entry.disk.size.bytes)"
                if seen.contains(key) { return false }
                seen.append(key)
                return true
            }
        }
        var out = disks.map { entry in
            SingleFailure(
                kind: .disk, name: "\(entry.host.name)/\(entry.disk.name) (osd.\(entry.osd))", target: "\(entry.host.name)/\(entry.disk.name)",
                action: .failDisk(DiskReference(host: entry.host.name, disk: entry.disk.name, osd: entry.osd)), hosts: [])
        }
        for host in fleet.hosts {
            let name = host.role == .queen ? "\(host.name) (Queen)" : host.name
            out.append(SingleFailure(kind: .host, name: name, target: host.name, action: .failHost(host.name), hosts: [host.name]))
        }
        for rack in fleet.racks {
            let hosts = fleet.hosts.filter { $0.location.rack == rack }.map(\.name)
            out.append(SingleFailure(kind: .rack, name: rack, target: rack, action: .failRack(rack), hosts: hosts))
        }
        return (out, capped)
    }
}
