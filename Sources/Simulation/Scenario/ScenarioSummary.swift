/// The short account `collective scenario check` prints of a scenario that loaded: hosts by
/// role, raw capacity per device class, the pools, the timeline's length and the expectations.
extension Scenario {
    public var summary: String {
        var out = name + " (seed \(seed))"
        if let description { out += ": " + description }
        out += "\n"

        out += "hosts: \(fleet.hosts.count)\n"
        var roles: [[String]] = []
        for role in HostRole.allCases {
            let names = fleet.hosts(withRole: role).map(\.name)
            guard !names.isEmpty else { continue }
            roles.append(["  " + role.rawValue, "\(names.count)", names.joined(separator: ", ")])
        }
        out += Self.columns(roles, rightAligned: [1])

        var classes: [String] = []
        for host in fleet.hosts {
            for disk in host.disks where !classes.contains(disk.deviceClass) { classes.append(disk.deviceClass) }
        }
        if !classes.isEmpty {
            out += "raw capacity:\n"
            var rows: [[String]] = []
            for deviceClass in classes {
                let disks = fleet.hosts.flatMap(\.disks).filter { $0.deviceClass == deviceClass }
                let bytes = disks.reduce(UInt64(0)) { $0 &+ $1.size.bytes }
                rows.append(["  " + deviceClass, "\(disks.count) OSD" + (disks.count == 1 ? "" : "s"), ByteSize(bytes: bytes).description])
            }
            out += Self.columns(rows, rightAligned: [1, 2])
        }

        if !ceph.pools.isEmpty {
            out += "pools:\n"
            var rows = [["  ID", "NAME", "TYPE", "SIZE", "MIN", "PGS", "RULE", "STORED"]]
            for pool in ceph.pools {
                var type = pool.kind.name
                if case .erasure(let k, let m) = pool.kind { type += " \(k)+\(m)" }
                rows.append([
                    "  \(pool.id)", pool.name, type, "\(pool.size)", "\(pool.minSize)", "\(pool.pgNum)",
                    pool.rule, pool.stored.description,
                ])
            }
            out += Self.columns(rows, rightAligned: [0, 3, 4, 5, 7])
        }

        let last = timeline.map(\.at).max()
        out += "timeline: \(timeline.count) event" + (timeline.count == 1 ? "" : "s")
        if let last { out += " over " + DurationText.format(last) }
        out += "\n"
        if !expectations.isEmpty {
            let items = expectations.map { e -> String in
                switch e.kind {
                case .noDataLoss: e.name
                case .maxInactivePGs(let n): "\(e.name) \(n)"
                case .healthyWithin(let d): "\(e.name) \(DurationText.format(d))"
                }
            }
            out += "expect: " + items.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// Rows padded into columns two spaces apart (widths in characters).
    static func columns(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let count = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for row in rows {
            var line = ""
            for (i, cell) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                if i > 0 { line += "  " }
                line += rightAligned.contains(i) ? pad + cell : cell + pad
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
