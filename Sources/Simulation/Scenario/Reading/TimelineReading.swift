internal import Yams

/// The event kinds a timeline entry's `event:` names, and the keys each takes besides `at`,
/// `event` and `note`.
enum EventKind: String, CaseIterable {
    case failDisk = "fail_disk"
    case restoreDisk = "restore_disk"
    case failHost = "fail_host"
    case restoreHost = "restore_host"
    case failRack = "fail_rack"
    case restoreRack = "restore_rack"
    case failLink = "fail_link"
    case restoreLink = "restore_link"
    case partition
    case healPartition = "heal_partition"
    case failQueen = "fail_queen"
    case restoreQueen = "restore_queen"
    case addHost = "add_host"
    case removeHost = "remove_host"
    case drainHost = "drain_host"
    case reweight
    case setPool = "set_pool"
    case grow
    case sensorAlarm = "sensor_alarm"

    var keys: [String] {
        switch self {
        case .failDisk: ["disk"]
        case .restoreDisk: ["disk", "replaced"]
        case .failHost, .restoreHost, .removeHost, .drainHost: ["host"]
        case .failRack, .restoreRack: ["rack"]
        case .failLink, .restoreLink: ["host", "rack"]
        case .partition: ["groups"]
        case .healPartition, .failQueen, .restoreQueen: []
        case .addHost: ["host", "joins"]
        case .reweight: ["disk", "weight", "crush_weight"]
        case .setPool: ["pool", "size", "min_size", "pg_num"]
        case .grow: ["pool", "by"]
        case .sensorAlarm: ["sensor"]
        }
    }
}

extension ScenarioReader {
    /// What exists at a moment of the timeline: hosts come with `add_host` and go with
    /// `remove_host`; pools change size with `set_pool`.
    private struct TimelineState {
        var hosts: [String: Host]
        var removedAt: [String: Duration] = [:]
        var addedAt: [String: Duration] = [:]
        var poolSizes: [String: (size: Int, minSize: Int, erasure: Bool)]
        var sensors: [String]
        var hasQueen: Bool
    }

    /// `timeline:` — events, checked in the order they run: (time, position in the file).
    func readTimeline(_ field: YAMLField) -> [TimelineEvent]? {
        guard let list = field.list("a list of events") else { return nil }
        // Read times first so references are checked in run order.
        var entries: [(index: Int, at: Duration?, field: YAMLField)] = []
        var previous: Duration?
        for (i, item) in list.enumerated() {
            var at: Duration?
            if case .mapping(let mapping) = item.node,
               let atNode = mapping.first(where: { $0.key.string == "at" })?.value {
                let atField = YAMLField(node: atNode, path: item.path.appending("at"), log: log)
                at = atField.duration()
                if let at, let previous, at < previous {
                    atField.warning("\(DurationText.format(at)) is before the event above (\(DurationText.format(previous))); events run in time order")
                }
                if let at { previous = max(previous ?? at, at) }
            }
            entries.append((i, at, item))
        }
        pendingHostNames = list.compactMap { item in
            guard case .mapping(let mapping) = item.node,
                  mapping.first(where: { $0.key.string == "event" })?.value.string == EventKind.addHost.rawValue,
                  case .mapping(let host)? = mapping.first(where: { $0.key.string == "host" })?.value
            else { return nil }
            return host.first(where: { $0.key.string == "name" })?.value.string
        }
        let order = entries.sorted { ($0.at ?? .zero, $0.index) < ($1.at ?? .zero, $1.index) }
        var state = TimelineState(
            hosts: Dictionary(hosts.map { ($0.host.name, $0.host) }, uniquingKeysWith: { first, _ in first }),
            poolSizes: Dictionary(pools.map { ($0.pool.name, ($0.pool.size, $0.pool.minSize, $0.pool.kind.isErasure)) }, uniquingKeysWith: { first, _ in first }),
            sensors: hosts.flatMap { $0.host.sensors.map(\.name) },
            hasQueen: hosts.contains { $0.host.role == .queen })
        var events: [Int: TimelineEvent] = [:]
        for entry in order {
            if let event = readEvent(entry.field, at: entry.at, state: &state) {
                events[entry.index] = event
            }
        }
        return (0..<list.count).compactMap { events[$0] }
    }

    private func readEvent(_ field: YAMLField, at: Duration?, state: inout TimelineState) -> TimelineEvent? {
        guard case .mapping(let mapping) = field.node else {
            field.expected("an event (a mapping with at and event)")
            return nil
        }
        // The kind decides which keys the entry may have.
        let eventNode = mapping.first(where: { $0.key.string == "event" })?.value
        let kind = eventNode.flatMap { YAMLField(node: $0, path: field.path.appending("event"), log: log).choice(EventKind.self) }
        let allKeys = ScenarioKeys.eventCommon + EventKind.allCases.flatMap(\.keys).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        guard let m = field.mapping("an event", keys: kind.map { ScenarioKeys.eventCommon + $0.keys } ?? allKeys) else { return nil }
        if eventNode == nil { _ = m.required("event", "what happens: " + EventKind.allCases.map(\.rawValue).joined(separator: ", ")) }
        if m.optional("at") == nil { _ = m.required("at", "when, like 30s, 10m or 2h") }
        let note = m.optional("note")?.string("a note")
        guard let kind, let at else { return nil }

        func host(_ key: String = "host") -> String? {
            guard let f = m.required(key, "a host name") else { return nil }
            return existingHost(f, at: at, state: state)
        }
        func rack(_ f: YAMLField) -> String? {
            guard let name = f.string("a rack name") else { return nil }
            let racks = rackNames(state)
            if racks.contains(name) { return name }
            f.error("unknown rack \"\(name)\"" + Suggestion.hint(for: name, among: racks))
            return nil
        }
        func pool() -> String? {
            guard let f = m.required("pool", "a pool name") else { return nil }
            return poolReference(f)?.name
        }

        var action: EventAction?
        switch kind {
        case .failDisk, .restoreDisk:
            let replaced = m.optional("replaced")?.bool() ?? false
            if let f = m.required("disk", "host/disk or osd.N"), let ref = diskReference(f, at: at, state: state) {
                action = kind == .failDisk ? .failDisk(ref) : .restoreDisk(ref, replaced: replaced)
            }
        case .failHost: action = host().map(EventAction.failHost)
        case .restoreHost: action = host().map(EventAction.restoreHost)
        case .drainHost: action = host().map(EventAction.drainHost)
        case .removeHost:
            if let name = host() {
                action = .removeHost(name)
                state.hosts[name] = nil
                state.removedAt[name] = at
            }
        case .failRack, .restoreRack:
            if let f = m.required("rack", "a rack name"), let name = rack(f) {
                action = kind == .failRack ? .failRack(name) : .restoreRack(name)
            }
        case .failLink, .restoreLink:
            let hostField = m.optional("host")
            let rackField = m.optional("rack")
            var target: LinkTarget?
            if hostField != nil && rackField != nil {
                m.field.error("a link is a host's or a rack's: give host or rack, not both")
            } else if let hostField {
                target = existingHost(hostField, at: at, state: state).map(LinkTarget.host)
            } else if let rackField {
                target = rack(rackField).map(LinkTarget.rack)
            } else {
                m.field.error("missing required key \"host\" or \"rack\" (whose link)")
            }
            if let target { action = kind == .failLink ? .failLink(target) : .restoreLink(target) }
        case .partition:
            if let f = m.required("groups", "lists of hosts that still reach each other") { action = readPartition(f, at: at, state: state) }
        case .healPartition: action = .healPartition
        case .failQueen, .restoreQueen:
            if state.hasQueen {
                action = kind == .failQueen ? .failQueen : .restoreQueen
            } else {
                m.field.error("the fleet has no queen (a host with role: queen)")
            }
        case .addHost:
            action = readAddHost(m, at: at, state: &state)
        case .reweight:
            action = readReweight(m, at: at, state: state)
        case .setPool:
            action = readSetPool(m, state: &state)
        case .grow:
            let name = pool()
            let by = m.required("by", "how much data, like 500GiB")?.size(allowZero: false)
            if let name, let by { action = .grow(name, by: by) }
        case .sensorAlarm:
            if let f = m.required("sensor", "the sensor's name"), let name = f.string("a sensor name") {
                if state.sensors.contains(name) {
                    action = .sensorAlarm(name)
                } else {
                    f.error("unknown sensor \"\(name)\"" + Suggestion.hint(for: name, among: state.sensors))
                }
            }
        }
        guard let action else { return nil }
        return TimelineEvent(at: at, action: action, note: note, location: field.location)
    }

    private func rackNames(_ state: TimelineState) -> [String] {
        var seen: [String] = []
        for name in hostNames + state.addedAt.keys.sorted() {
            if let rack = state.hosts[name]?.location.rack, !seen.contains(rack) { seen.append(rack) }
        }
        return seen
    }

    /// A host that exists at time `at`; one that joins later or was removed is reported as such.
    private func existingHost(_ f: YAMLField, at: Duration, state: TimelineState) -> String? {
        guard let name = f.string("a host name") else { return nil }
        return existingHost(named: name, field: f, state: state)
    }

    private func existingHost(named name: String, field f: YAMLField, state: TimelineState) -> String? {
        if state.hosts[name] != nil { return name }
        if let removed = state.removedAt[name] {
            f.error("host \"\(name)\" was removed at \(DurationText.format(removed))")
        } else if pendingHostNames.contains(name) {
            f.error("host \"\(name)\" joins later in the timeline (add_host); this event comes first")
        } else {
            let known = hostNames + state.addedAt.keys.sorted()
            f.error("unknown host \"\(name)\"" + Suggestion.hint(for: name, among: known))
        }
        return nil
    }

    /// `host/disk` or `osd.N`.
    private func diskReference(_ f: YAMLField, at: Duration, state: TimelineState) -> DiskReference? {
        guard let text = f.string("a disk as host/disk or osd.N") else { return nil }
        if text.hasPrefix("osd."), let id = Int32(text.dropFirst(4)) {
            for name in state.hosts.keys.sorted() {
                if let disk = state.hosts[name]!.disks.first(where: { $0.osd == id }) {
                    return DiskReference(host: name, disk: disk.name, osd: id)
                }
            }
            f.error("no disk is osd.\(id)")
            return nil
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            f.expected("a disk as host/disk or osd.N")
            return nil
        }
        let hostName = String(parts[0])
        let diskName = String(parts[1])
        guard let host = state.hosts[hostName] else {
            _ = existingHost(named: hostName, field: f, state: state)
            return nil
        }
        guard let disk = host.disks.first(where: { $0.name == diskName }) else {
            let names = host.disks.map(\.name)
            f.error("\(hostName) has no disk \"\(diskName)\"" + (names.isEmpty ? " (it has no disks)" : Suggestion.hint(for: diskName, among: names)))
            return nil
        }
        return DiskReference(host: hostName, disk: disk.name, osd: disk.osd)
    }

    private func readPartition(_ f: YAMLField, at: Duration, state: TimelineState) -> EventAction? {
        guard let groups = f.list("a list of host lists") else { return nil }
        if groups.count < 2 {
            f.error("a partition needs at least two groups")
            return nil
        }
        var seen: [String] = []
        var result: [[String]] = []
        var ok = true
        for group in groups {
            guard let items = group.list("a list of host names") else { ok = false; continue }
            if items.isEmpty { group.error("a group needs at least one host"); ok = false }
            var names: [String] = []
            for item in items {
                guard let name = existingHost(item, at: at, state: state) else { ok = false; continue }
                if seen.contains(name) {
                    item.error("\(name) is in two groups")
                    ok = false
                    continue
                }
                seen.append(name)
                names.append(name)
            }
            result.append(names)
        }
        return ok ? .partition(result) : nil
    }

    private func readAddHost(_ m: YAMLMapping, at: Duration, state: inout TimelineState) -> EventAction? {
        guard let hostField = m.required("host", "the new host: name, role, cores, ram, nic, disks…") else { return nil }
        let taken = Array(state.hosts.keys).sorted() + state.removedAt.keys.sorted()
        guard let record = readHost(hostField, existing: taken, racksTaken: rackNames(state)) else { return nil }
        let host = record.host
        if host.role == .queen && state.hasQueen {
            hostField.error("the fleet has a queen already; the collective has one queen")
            return nil
        }
        // OSD ids given in the file must not collide with the fleet's.
        let fleetIDs = Set(state.hosts.values.flatMap { $0.disks.compactMap(\.osd) })
        for (d, disk) in host.disks.enumerated() {
            if let osd = disk.osd, fleetIDs.contains(osd) {
                (record.diskFields.indices.contains(d) ? record.diskFields[d] : hostField).error("osd.\(osd) is already in use")
                return nil
            }
        }
        var joins: [ServiceMembership] = []
        if let list = m.optional("joins")?.list("a list of services") {
            for item in list {
                if let s = item.choice(ServiceMembership.self) {
                    if joins.contains(s) { item.error("\(s.rawValue) is listed twice") } else { joins.append(s) }
                }
            }
        }
        state.hosts[host.name] = host
        state.addedAt[host.name] = at
        let drainable = state.hosts.keys.sorted() + rackNames(state)
        for drainField in record.drainFields {
            guard let name = drainField.string("a host or rack name"), !drainable.contains(name) else { continue }
            drainField.error("unknown host or rack \"\(name)\"" + Suggestion.hint(for: name, among: drainable))
        }
        state.sensors.append(contentsOf: host.sensors.map(\.name))
        if host.role == .queen { state.hasQueen = true }
        return .addHost(host, joins: joins)
    }

    private func readReweight(_ m: YAMLMapping, at: Duration, state: TimelineState) -> EventAction? {
        let ref = m.required("disk", "host/disk or osd.N").flatMap { diskReference($0, at: at, state: state) }
        let weightField = m.optional("weight")
        let crushField = m.optional("crush_weight")
        var change: Reweight?
        if weightField != nil && crushField != nil {
            m.field.error("give weight (ceph osd reweight, 0…1) or crush_weight (TiB), not both")
        } else if let weightField {
            change = weightField.ratio("a weight between 0 and 1").map(Reweight.override)
        } else if let crushField {
            change = readCrushWeight(crushField).map(Reweight.crushWeight)
        } else {
            m.field.error("missing required key \"weight\" or \"crush_weight\"")
        }
        guard let ref, let change else { return nil }
        return .reweight(ref, change)
    }

    private func readSetPool(_ m: YAMLMapping, state: inout TimelineState) -> EventAction? {
        guard let poolField = m.required("pool", "a pool name"), let pool = poolReference(poolField) else { return nil }
        guard var current = state.poolSizes[pool.name] else { return nil }
        var change = PoolChange()
        let sizeField = m.optional("size")
        let minField = m.optional("min_size")
        if let sizeField {
            if current.erasure {
                sizeField.error("the size of an erasure-coded pool is fixed (k+m)")
                return nil
            }
            change.size = sizeField.int(Int.self, "a number of copies", in: 1...10)
            if change.size == nil { return nil }
        }
        if let minField {
            change.minSize = minField.int(Int.self, "a number of copies", in: 1...10)
            if change.minSize == nil { return nil }
        }
        if let pgField = m.optional("pg_num") {
            change.pgNum = pgField.int(UInt32.self, "a number of PGs", in: 1...65536)
            if change.pgNum == nil { return nil }
        }
        if change == PoolChange() {
            m.field.error("missing a change: size, min_size or pg_num")
            return nil
        }
        let newSize = change.size ?? current.size
        let newMin = change.minSize ?? current.minSize
        if newMin > newSize {
            (minField ?? sizeField ?? m.field).error("min_size (\(newMin)) cannot be larger than size (\(newSize))")
            return nil
        }
        current.size = newSize
        current.minSize = newMin
        state.poolSizes[pool.name] = current
        return .setPool(pool.name, change)
    }
}
