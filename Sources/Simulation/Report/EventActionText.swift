internal import CRUSH

extension EventAction {
    /// The event as the file writes it: `fail_disk drone2/hdd0`, `add_host drone4`.
    public var summary: String {
        switch self {
        case .failDisk(let ref): "fail_disk \(ref.text)"
        case .restoreDisk(let ref, let replaced): "restore_disk \(ref.text)" + (replaced ? " (replaced)" : "")
        case .failHost(let host): "fail_host \(host)"
        case .restoreHost(let host): "restore_host \(host)"
        case .failRack(let rack): "fail_rack \(rack)"
        case .restoreRack(let rack): "restore_rack \(rack)"
        case .failLink(let link): "fail_link \(link.text)"
        case .restoreLink(let link): "restore_link \(link.text)"
        case .partition(let groups): "partition " + groups.map { "[" + $0.joined(separator: ", ") + "]" }.joined(separator: " ")
        case .healPartition: "heal_partition"
        case .failQueen: "fail_queen"
        case .restoreQueen: "restore_queen"
        case .addHost(let host, _): "add_host \(host.name)"
        case .removeHost(let host): "remove_host \(host)"
        case .drainHost(let host): "drain_host \(host)"
        case .reweight(let ref, .override(let value)): "reweight \(ref.text) \(value)"
        case .reweight(let ref, .crushWeight(let weight)): "reweight \(ref.text) crush_weight \(DecimalFormat.fixed(Double(weight) / 65536, decimals: 5))"
        case .setPool(let pool, let change): "set_pool \(pool)" + change.text
        case .grow(let pool, let bytes): "grow \(pool) by \(bytes)"
        case .sensorAlarm(let sensor): "sensor_alarm \(sensor)"
        }
    }
}

extension DiskReference {
    var text: String { osd.map { "\(host)/\(disk) (osd.\($0))" } ?? "\(host)/\(disk)" }
}

extension LinkTarget {
    var text: String {
        switch self {
        case .host(let host): "host \(host)"
        case .rack(let rack): "rack \(rack)"
        }
    }
}

extension PoolChange {
    var text: String {
        var out = ""
        if let size { out += " size \(size)" }
        if let minSize { out += " min_size \(minSize)" }
        if let pgNum { out += " pg_num \(pgNum)" }
        return out
    }
}
