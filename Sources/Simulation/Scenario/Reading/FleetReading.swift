extension ScenarioReader {
    /// `fleet:` — the hosts. Disks get their OSD ids later, once the CRUSH source is known.
    func readFleet(_ field: YAMLField) -> Fleet? {
        let errorsBefore = log.entries.filter { $0.severity == .error }.count
        defer { fleetHasErrors = log.entries.filter { $0.severity == .error }.count > errorsBefore }
        guard let fleet = field.mapping("the fleet (a mapping with hosts)", keys: ScenarioKeys.fleet) else { return nil }
        guard let list = fleet.required("hosts", "the list of machines")?.list("a list of hosts") else { return nil }
        if list.isEmpty { fleet.optional("hosts")?.error("a fleet needs at least one host") }
        for item in list {
            guard let record = readHost(item, existing: hostNames, racksTaken: []) else { continue }
            hosts.append(record)
        }
        checkFleet()
        checkSensorDrains()
        return Fleet(hosts: hosts.map(\.host))
    }

    /// Checks across hosts: one queen, names of hosts and racks distinct from each other and
    /// from the CRUSH root, sensors named once.
    private func checkFleet() {
        let queens = hosts.filter { $0.host.role == .queen }
        for extra in queens.dropFirst() {
            extra.field.error("\(extra.host.name) is a second queen; the collective has one queen (make it a drone)")
        }
        for record in hosts {
            if let rack = record.host.location.rack, hostNames.contains(rack) {
                record.field.error("rack \"\(rack)\" has the name of a host; CRUSH bucket names must be unique")
            }
        }
        var sensorNames: [String] = []
        for record in hosts {
            for sensor in record.host.sensors {
                if sensorNames.contains(sensor.name) {
                    record.field.error("sensor \"\(sensor.name)\" is defined twice")
                }
                sensorNames.append(sensor.name)
            }
        }
    }

    /// Sensors' `drains` may name hosts or racks anywhere in the fleet.
    private func checkSensorDrains() {
        let names = hostNames + rackNames
        for record in hosts {
            for drainField in record.drainFields {
                guard let name = drainField.string("a host or rack name") else { continue }
                if !names.contains(name) {
                    drainField.error("unknown host or rack \"\(name)\"" + Suggestion.hint(for: name, among: names))
                }
            }
        }
    }

    /// One host (in the fleet, or joining in an `add_host` event). `existing` are the names
    /// already taken.
    func readHost(_ field: YAMLField, existing: [String], racksTaken: [String]) -> HostRecord? {
        guard let m = field.mapping("a host (a mapping with name, role, cores, ram, nic…)", keys: ScenarioKeys.host) else { return nil }
        var ok = true
        var name: String?
        if let nameField = m.required("name", "the host name") {
            name = nameField.crushName("a host name")
            if let n = name {
                if existing.contains(n) {
                    nameField.error("host \"\(n)\" is already defined")
                    name = nil
                } else if n == "default" {
                    nameField.error("\"default\" is the name of the CRUSH root; choose another host name")
                    name = nil
                } else if racksTaken.contains(n) {
                    nameField.error("\"\(n)\" is already the name of a rack; CRUSH bucket names must be unique")
                    name = nil
                }
            }
        }
        let role = m.required("role", "queen, drone or edge")?.choice(HostRole.self)
        let description = m.optional("description")?.string()
        let cores = m.required("cores", "physical CPU cores")?.int(Int.self, "a number of cores", in: 1...4096)
        var threads = m.optional("threads")?.int(Int.self, "a number of hardware threads", in: 1...8192)
        if let c = cores, let t = threads, t < c {
            m.optional("threads")?.error("threads (\(t)) cannot be fewer than cores (\(c))")
            threads = nil
            ok = false
        }
        let ram = m.required("ram", "memory, like 64GiB")?.size(allowZero: false, what: "a size like 64GiB")
        let nic = m.required("nic", "network line rate, like 10Gbit/s")?.bandwidth()
        let arch = m.optional("arch")?.choice(CPUArchitecture.self) ?? .amd64
        var location = Location()
        if let locationField = m.optional("location"),
           let l = locationField.mapping("a location (room, rack)", keys: ScenarioKeys.location) {
            location.room = l.optional("room")?.string("a room name")
            if let rackField = l.optional("rack") {
                location.rack = rackField.crushName("a rack name")
                if let rack = location.rack {
                    if rack == "default" {
                        rackField.error("\"default\" is the name of the CRUSH root; choose another rack name")
                        location.rack = nil
                    } else if rack == name {
                        rackField.error("rack \"\(rack)\" has the name of its host; CRUSH bucket names must be unique")
                        location.rack = nil
                    }
                }
            }
        }
        var disks: [Disk] = []
        var diskFields: [YAMLField] = []
        if let list = m.optional("disks")?.list("a list of disks") {
            for item in list {
                guard let disk = readDisk(item, index: diskFields.count, taken: disks.map(\.name)) else {
                    ok = false
                    diskFields.append(item)
                    continue
                }
                disks.append(disk)
                diskFields.append(item)
            }
        }
        var labels: [String: String] = [:]
        if let pairs = m.optional("labels")?.stringMap("a mapping of label names to values") {
            for pair in pairs { labels[pair.key] = pair.value }
        }
        var taints: [Taint]?
        if let list = m.optional("taints")?.list("a list of taints") {
            taints = list.compactMap(readTaint)
        } else if m.has("taints") {
            taints = []
        }
        var sensors: [Sensor] = []
        var drainFields: [YAMLField] = []
        if let list = m.optional("sensors")?.list("a list of sensors") {
            for item in list {
                guard let (sensor, drains) = readSensor(item) else { continue }
                sensors.append(sensor)
                drainFields.append(contentsOf: drains)
            }
        }
        guard ok, let name, let role, let cores, let ram, let nic else {
            // Keep the name taken so later references to it are not reported as unknown.
            if let name {
                return HostRecord(
                    host: Host(name: name, role: role ?? .drone, cores: 1, ram: .zero, nic: Bandwidth(bitsPerSecond: 0), location: location, disks: disks),
                    field: field, diskFields: diskFields, drainFields: drainFields)
            }
            return nil
        }
        let host = Host(
            name: name, role: role, description: description, cores: cores, threads: threads, ram: ram, nic: nic,
            architecture: arch, location: location, disks: disks, labels: labels, taints: taints, sensors: sensors)
        return HostRecord(host: host, field: field, diskFields: diskFields, drainFields: drainFields)
    }

    /// One disk of a host.
    private func readDisk(_ field: YAMLField, index: Int, taken: [String]) -> Disk? {
        guard let m = field.mapping("a disk (a mapping with type and size)", keys: ScenarioKeys.disk) else { return nil }
        var name = "disk\(index)"
        var ok = true
        if let nameField = m.optional("name") {
            if let n = nameField.crushName("a disk name") {
                if taken.contains(n) {
                    nameField.error("the host already has a disk named \"\(n)\"")
                    ok = false
                }
                name = n
            } else {
                ok = false
            }
        }
        let type = m.required("type", "hdd, ssd or nvme")?.choice(DiskType.self)
        var deviceClass: String?
        if let classField = m.optional("class") {
            deviceClass = classField.crushName("a device class")
            if deviceClass == nil { ok = false }
        }
        var size = m.required("size", "like 4TB or 3.64TiB")?.size(allowZero: false)
        if let s = size, s.tebibytes > CrushWeight.maximumTiB {
            m.optional("size")?.error("\(s) is more than a CRUSH weight can hold (\(Int(CrushWeight.maximumTiB)) TiB)")
            size = nil
        }
        var fill = 0.0
        if let fillField = m.optional("fill") {
            if let f = fillField.ratio("a share like 40% or 0.4") { fill = f } else { ok = false }
        }
        var weight: UInt32?
        if let weightField = m.optional("weight") {
            weight = readCrushWeight(weightField)
            if weight == nil { ok = false }
        }
        var osd: Int32?
        if let osdField = m.optional("osd") {
            osd = osdField.int(Int32.self, "an OSD id", in: 0...Int32(1 << 20))
            if osd == nil { ok = false }
        }
        func fixedPoint(_ key: String) -> UInt32 {
            guard let field = m.optional(key) else { return 0x10000 }
            guard let value = field.ratio("a weight between 0 and 1, like 0.8") else {
                ok = false
                return 0x10000
            }
            return UInt32((value * 65536).rounded())
        }
        let reweight = fixedPoint("reweight")
        let primaryAffinity = fixedPoint("primary_affinity")
        guard ok, let type, let size else { return nil }
        return Disk(
            name: name, type: type, deviceClass: deviceClass, size: size, fill: fill, crushWeight: weight, osd: osd,
            reweight: reweight, primaryAffinity: primaryAffinity)
    }

    /// A CRUSH weight in TiB as `ceph osd crush reweight` takes it (`3.638`).
    func readCrushWeight(_ field: YAMLField) -> UInt32? {
        guard let text = field.string("a CRUSH weight in TiB, like 3.638") else { return nil }
        guard let number = DecimalQuantity(text[...]), let value = Double(text) else {
            field.expected("a CRUSH weight in TiB, like 3.638")
            return nil
        }
        if number.negative && !number.isZero {
            field.error("a weight cannot be negative, found \"\(text)\"")
            return nil
        }
        if value > CrushWeight.maximumTiB {
            field.error("a CRUSH weight must be below \(Int(CrushWeight.maximumTiB) + 1) TiB, found \"\(text)\"")
            return nil
        }
        return CrushWeight.fixedPoint(fromTiB: value)
    }

    private func readTaint(_ field: YAMLField) -> Taint? {
        guard let m = field.mapping("a taint (key, value, effect)", keys: ScenarioKeys.taint) else { return nil }
        let key = m.required("key", "the taint key")?.string("a taint key")
        let value = m.optional("value")?.string("a taint value") ?? ""
        let effect = m.required("effect", "NoSchedule, PreferNoSchedule or NoExecute")?.choice(TaintEffect.self)
        guard let key, let effect else { return nil }
        return Taint(key: key, value: value, effect: effect)
    }

    private func readSensor(_ field: YAMLField) -> (Sensor, drains: [YAMLField])? {
        guard let m = field.mapping("a sensor (name, kind, drains)", keys: ScenarioKeys.sensor) else { return nil }
        let name = m.required("name", "the sensor's name")?.crushName("a sensor name")
        let kind = m.required("kind", "what it measures")?.choice(SensorKind.self)
        var drains: [String] = []
        var drainFields: [YAMLField] = []
        if let list = m.optional("drains")?.list("a list of host or rack names") {
            for item in list {
                guard let text = item.string("a host or rack name") else { continue }
                drains.append(text)
                drainFields.append(item)
            }
        }
        guard let name, let kind else { return nil }
        return (Sensor(name: name, kind: kind, drains: drains), drainFields)
    }
}
