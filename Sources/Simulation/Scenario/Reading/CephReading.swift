internal import CRUSH
internal import Placement
internal import Yams

extension ScenarioReader {
    /// `ceph:` — the CRUSH source (which also settles the OSD ids of the fleet's disks), the
    /// daemons' hosts, the pools, file systems and options.
    func readCeph(_ field: YAMLField) -> CephSettings? {
        guard let m = field.mapping("the Ceph settings (a mapping with mons, pools…)", keys: ScenarioKeys.ceph) else { return nil }
        let crush = readCrushSource(m.optional("crush"))
        assignOSDIDs(crush: crush)

        let mons = m.required("mons", "the hosts running a monitor").flatMap { hostList($0) }
        if let mons, let monsField = m.optional("mons") {
            if mons.isEmpty {
                monsField.error("a cluster needs at least one monitor")
            } else if mons.count % 2 == 0 {
                monsField.warning("\(mons.count) monitors tolerate no more failures than \(mons.count - 1): quorum needs \(mons.count / 2 + 1)")
            }
        }
        let mgrs = m.optional("mgrs").flatMap { hostList($0) } ?? []
        if mgrs.isEmpty {
            m.field.warning("no mgrs: without an active manager Ceph reports HEALTH_WARN and PG statistics stop")
        }
        let mds = m.optional("mds").flatMap { hostList($0) } ?? []

        if let list = m.optional("pools")?.list("a list of pools") {
            for item in list {
                if let pool = readPool(item, crush: crush) {
                    pools.append(PoolRecord(pool: pool, field: item))
                }
            }
        }
        var filesystems: [FileSystemSpec] = []
        if let list = m.optional("filesystems")?.list("a list of CephFS file systems") {
            for item in list {
                if let fs = readFileSystem(item, taken: filesystems.map(\.name)) { filesystems.append(fs) }
            }
        }
        if !filesystems.isEmpty && mds.isEmpty {
            m.field.warning("CephFS needs a metadata server: list its hosts under mds")
        }
        let config = m.optional("config").flatMap { readConfig($0) } ?? CephConfig()
        var upmaps: [Upmap] = []
        if let list = m.optional("upmaps")?.list("a list of PG upmap exceptions ({pg: 1.7, items: [[0, 2]]})") {
            for item in list {
                guard let upmap = readUpmap(item) else { continue }
                if upmaps.contains(where: { $0.pg == upmap.pg && Self.sameKind($0.change, upmap.change) }) {
                    item.error("PG \(upmap.pg) already has an upmap of this kind")
                } else {
                    upmaps.append(upmap)
                }
            }
        }

        guard let crush, let mons else { return nil }
        var settings = CephSettings(
            crush: crush, mons: mons, mgrs: mgrs, mds: mds, pools: pools.map(\.pool), filesystems: filesystems,
            config: config)
        settings.upmaps = upmaps
        return settings
    }

    private static func sameKind(_ a: Upmap.Change, _ b: Upmap.Change) -> Bool {
        switch (a, b) {
        case (.items, .items), (.osds, .osds): true
        default: false
        }
    }

    /// One of `upmaps:` — `{pg: 1.7, items: [[FROM, TO], …]}` or `{pg: 1.7, osds: [A, B, C]}`:
    /// the PG of a pool of the file (by id, seed below its pg_num), OSDs of the fleet.
    private func readUpmap(_ field: YAMLField) -> Upmap? {
        guard let m = field.mapping("a PG upmap exception ({pg: 1.7, items: [[0, 2]]} or {pg: 1.7, osds: [0, 1, 2]})", keys: ScenarioKeys.upmap)
        else { return nil }
        var pg: (pool: Int64, seed: UInt32)?
        if let pgField = m.required("pg", "the PG id, like 1.7f"), let text = pgField.string("a PG id like 1.7f") {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, let pool = Int64(parts[0]), let seed = UInt32(parts[1], radix: 16) {
                if let spec = pools.first(where: { $0.pool.id == pool })?.pool {
                    if seed < spec.pgNum { pg = (pool, seed) } else { pgField.error("pool \(spec.name) has \(spec.pgNum) PGs: no PG \(text)") }
                } else {
                    pgField.error("no pool has id \(pool)")
                }
            } else {
                pgField.error("expected a PG id like 1.7f (pool id, a dot, the seed in hex), found \"\(text)\"")
            }
        }
        let osds = Set(hosts.flatMap { $0.host.disks.compactMap(\.osd) })
        func osd(_ field: YAMLField) -> Int32? {
            guard let id = field.int(Int32.self, "an OSD id", in: 0...Int32(1 << 20)) else { return nil }
            guard osds.contains(id) else {
                field.error("osd.\(id) is no disk of the fleet")
                return nil
            }
            return id
        }
        var change: Upmap.Change?
        let itemsField = m.optional("items")
        let osdsField = m.optional("osds")
        if itemsField != nil && osdsField != nil {
            m.field.error("give items (pg-upmap-items) or osds (pg-upmap), not both")
        } else if let itemsField, let list = itemsField.list("a list of [FROM, TO] pairs") {
            var pairs: [UpmapItem] = []
            var ok = !list.isEmpty
            if list.isEmpty { itemsField.error("at least one [FROM, TO] pair") }
            for pair in list {
                guard let two = pair.list("a pair [FROM, TO]"), two.count == 2 else {
                    pair.error("expected a pair [FROM, TO] of OSD ids")
                    ok = false
                    continue
                }
                if let from = osd(two[0]), let to = osd(two[1]) {
                    if from == to { pair.error("osd.\(from) to itself changes nothing") }
                    pairs.append(UpmapItem(from: from, to: to))
                } else {
                    ok = false
                }
            }
            if ok { change = .items(pairs) }
        } else if let osdsField, let list = osdsField.list("a list of OSD ids") {
            let ids = list.compactMap(osd)
            if list.isEmpty { osdsField.error("at least one OSD") }
            if ids.count == list.count, !ids.isEmpty { change = .osds(ids) }
        } else if itemsField == nil && osdsField == nil {
            m.field.error("missing required key \"items\" (pg-upmap-items pairs) or \"osds\" (pg-upmap)")
        }
        guard let pg, let change else { return nil }
        return Upmap(pg: PGID(pool: pg.pool, seed: pg.seed), change: change)
    }

    // MARK: - CRUSH source and OSD ids

    /// `crush:` — `import: FILE` or generated with `tunables:` (jewel by default).
    private func readCrushSource(_ field: YAMLField?) -> CrushSource? {
        guard let field else { return .generated(tunables: .jewel) }
        guard let m = field.mapping("the CRUSH settings (import or tunables)", keys: ScenarioKeys.crush) else { return nil }
        if let importField = m.optional("import") {
            if let tunablesField = m.optional("tunables") {
                tunablesField.error("an imported map has its own tunables; remove tunables or import")
            }
            guard let path = importField.string("the path of a crush map") else { return nil }
            let resolved = resolve(path)
            guard let bytes = readFile(resolved) else {
                importField.error("cannot read \"\(resolved)\"")
                return nil
            }
            do {
                importedMap = try CrushMap(decoding: bytes)
            } catch {
                importField.error("\(resolved): \(error)")
                return nil
            }
            crushTypes = importedMap!.typeNames.keys.sorted().compactMap { importedMap!.typeNames[$0] }
            return .imported(path: path)
        }
        var tunables = Tunables.jewel
        if let tunablesField = m.optional("tunables") {
            let profiles = ["legacy", "argonaut", "bobtail", "firefly", "hammer", "jewel", "optimal", "default"]
            guard let name = tunablesField.string("a tunables profile") else { return nil }
            guard let profile = Tunables.profile(named: name) else {
                tunablesField.error("expected a tunables profile (\(profiles.joined(separator: ", "))), found \"\(name)\""
                    + Suggestion.hint(for: name, among: profiles))
                return nil
            }
            tunables = profile
        }
        return .generated(tunables: tunables)
    }

    /// Gives every disk of the fleet its OSD id: from the imported map (the host bucket's
    /// devices in order), or for a generated map the id the file sets, else the lowest free id
    /// in fleet order (as `ceph osd create` hands them out).
    private func assignOSDIDs(crush: CrushSource?) {
        guard let crush else { return }
        switch crush {
        case .imported:
            if let map = importedMap { linkImportedMap(map) }
        case .generated:
            var used: [Int32: String] = [:]
            for (h, record) in hosts.enumerated() {
                for (d, disk) in record.host.disks.enumerated() {
                    guard let osd = disk.osd else { continue }
                    let label = "\(record.host.name)/\(disk.name)"
                    if let other = used[osd] {
                        let field = hosts[h].diskFields.indices.contains(d) ? hosts[h].diskFields[d] : record.field
                        field.error("osd.\(osd) is already \(other)")
                    } else {
                        used[osd] = label
                    }
                }
            }
            var next: Int32 = 0
            for h in hosts.indices {
                for d in hosts[h].host.disks.indices where hosts[h].host.disks[d].osd == nil {
                    while used[next] != nil { next += 1 }
                    hosts[h].host.disks[d].osd = next
                    used[next] = "\(hosts[h].host.name)/\(hosts[h].host.disks[d].name)"
                }
            }
        }
    }

    /// Matches the fleet to an imported map: each host with disks is the bucket of its name,
    /// its disks that bucket's devices in order (or the ids the file sets); classes must agree,
    /// and the map's weights are the disks' weights.
    private func linkImportedMap(_ map: CrushMap) {
        var claimed: Set<Int32> = []
        for h in hosts.indices {
            let record = hosts[h]
            guard !record.host.disks.isEmpty else { continue }
            guard let bucketID = map.itemID(named: record.host.name), bucketID < 0, let bucket = map.bucket(id: bucketID) else {
                record.field.error("the imported crush map has no bucket named \"\(record.host.name)\" for this host's disks")
                continue
            }
            let devices = bucket.items.enumerated().filter { $0.element >= 0 }
            if devices.count != record.host.disks.count {
                record.field.error("\(record.host.name) has \(record.host.disks.count) disks but its bucket in the imported crush map holds \(devices.count) OSDs")
                continue
            }
            for (d, disk) in record.host.disks.enumerated() {
                let field = record.diskFields.indices.contains(d) ? record.diskFields[d] : record.field
                let device: (offset: Int, element: Int32)
                if let osd = disk.osd {
                    guard let match = devices.first(where: { $0.element == osd }) else {
                        field.error("osd.\(osd) is not in bucket \(record.host.name) of the imported crush map")
                        continue
                    }
                    device = match
                } else {
                    device = devices[d]
                }
                claimed.insert(device.element)
                hosts[h].host.disks[d].osd = device.element
                hosts[h].host.disks[d].crushWeight = bucket.itemWeight(at: device.offset)
                if let classID = map.deviceClasses[device.element], let className = map.classNames[classID],
                   className != disk.deviceClass {
                    field.error("osd.\(device.element) has device class \(className) in the imported crush map, but this disk is \(disk.deviceClass)")
                }
            }
        }
        let unclaimed = (0..<map.maxDevices).filter { map.itemNames[$0] != nil && !claimed.contains($0) }
        if !unclaimed.isEmpty {
            let names = unclaimed.prefix(5).map { "osd.\($0)" }.joined(separator: ", ")
            log.warning(hosts.first?.field.location ?? .unknown, FieldPath.root.appending("fleet"),
                "the imported crush map has OSDs no host of the fleet has: \(names)\(unclaimed.count > 5 ? ", …" : "")")
        }
    }

    // MARK: - Pools

    private func readPool(_ field: YAMLField, crush: CrushSource?) -> PoolSpec? {
        guard let m = field.mapping("a pool (a mapping with name, size, pg_num…)", keys: ScenarioKeys.pool) else { return nil }
        var ok = true
        var name: String?
        if let nameField = m.required("name", "the pool name") {
            name = nameField.string("a pool name")
            if let n = name, pools.contains(where: { $0.pool.name == n }) || brokenPoolNames.contains(n) {
                nameField.error("pool \"\(n)\" is already defined")
                ok = false
            }
        }
        var id = (pools.map(\.pool.id).max() ?? 0) + 1
        if let idField = m.optional("id") {
            if let value = idField.int(Int64.self, "a pool id", in: 1...Int64(Int32.max)) {
                if let other = pools.first(where: { $0.pool.id == value }) {
                    idField.error("pool id \(value) is already pool \(other.pool.name)")
                    ok = false
                }
                id = value
            } else {
                ok = false
            }
        }
        let typeName = m.optional("type")?.choice(PoolTypeName.self) ?? .replicated
        var kind: PoolKind = .replicated
        var size: Int?
        var minSize: Int?
        let sizeField = m.optional("size")
        let minSizeField = m.optional("min_size")
        switch typeName {
        case .replicated:
            for key in ["k", "m"] {
                m.optional(key)?.error("\(key) applies to erasure-coded pools (type: erasure)")
                if m.has(key) { ok = false }
            }
            size = sizeField.map { $0.int(Int.self, "a number of copies", in: 1...10) } ?? 3
            if let size {
                if size == 1 {
                    sizeField?.warning("size 1 keeps a single copy: losing one disk loses data (Ceph refuses it unless mon_allow_pool_size_one is set)")
                }
                minSize = minSizeField.map { $0.int(Int.self, "a number of copies", in: 1...10) } ?? (size - size / 2)
                if let min = minSize, min > size {
                    minSizeField?.error("min_size (\(min)) cannot be larger than size (\(size))")
                    minSize = nil
                } else if let min = minSize, min == 1, size > 1 {
                    minSizeField?.warning("min_size 1 accepts writes with a single copy; a second failure then loses them")
                }
            }
        case .erasure:
            let k = m.required("k", "data chunks")?.int(Int.self, "a number of data chunks", in: 2...32)
            let mm = m.required("m", "coding chunks")?.int(Int.self, "a number of coding chunks", in: 1...32)
            if let k, let mm {
                kind = .erasure(k: k, m: mm)
                size = k + mm
                if let sizeField, let given = sizeField.int(Int.self, "a number of chunks") , given != k + mm {
                    sizeField.error("the size of an erasure-coded pool is k+m = \(k + mm), found \(given)")
                    ok = false
                }
                minSize = minSizeField.map { $0.int(Int.self, "a number of chunks", in: 1...64) } ?? (k + min(1, mm - 1))
                if let min = minSize, min < k || min > k + mm {
                    minSizeField?.error("min_size of an erasure-coded pool must be between k (\(k)) and k+m (\(k + mm)), found \(min)")
                    minSize = nil
                }
            }
        }
        let pgField = m.optional("pg_num")
        let pgNum = pgField.map { $0.int(UInt32.self, "a number of PGs", in: 1...65536) } ?? 32
        if let pgNum, let pgField, pgNum & (pgNum - 1) != 0 {
            pgField.warning("pg_num \(pgNum) is not a power of two: PGs will differ in size (POOL_PG_NUM_NOT_POWER_OF_TWO)")
        }
        var pgpNum = pgNum
        if let pgpField = m.optional("pgp_num") {
            pgpNum = pgpField.int(UInt32.self, "a number of PGs", in: 1...65536)
            if let p = pgpNum, let n = pgNum, p > n {
                pgpField.error("pgp_num (\(p)) cannot be larger than pg_num (\(n))")
                pgpNum = nil
            }
        }
        var application: String?
        if let appField = m.optional("application") {
            application = appField.string("an application name")
            if let app = application, !ScenarioKeys.applications.contains(app) {
                appField.warning("\"\(app)\" is not an application Ceph knows (\(ScenarioKeys.applications.joined(separator: ", ")))"
                    + Suggestion.hint(for: app, among: ScenarioKeys.applications))
            }
        }
        let stored = m.optional("stored").map { $0.size() } ?? .zero
        let growth = m.optional("growth_per_day").map { $0.size() } ?? .zero
        let rule = readPoolRule(m, poolName: name, kind: kind, size: size, crush: crush)

        guard ok, let name, let size, let minSize, let pgNum, let pgpNum, let rule, let stored, let growth else {
            if let name { brokenPoolNames.append(name) }
            return nil
        }
        return PoolSpec(
            id: id, name: name, kind: kind, size: size, minSize: minSize, pgNum: pgNum, pgpNum: pgpNum,
            rule: rule.name, ruleID: -1, deviceClass: rule.deviceClass, failureDomain: rule.failureDomain,
            application: application, stored: stored, growthPerDay: growth)
    }

    /// The pool's rule: generated maps make it from `device_class` and `failure_domain` (and
    /// check them); imported maps must hold the named rule, of the pool's type.
    private func readPoolRule(_ m: YAMLMapping, poolName: String?, kind: PoolKind, size: Int?, crush: CrushSource?) -> RuleSpec? {
        let ruleField = m.optional("rule")
        let ruleName = ruleField?.crushName("a CRUSH rule name")
        if ruleField != nil && ruleName == nil { return nil }
        switch crush {
        case nil:
            return nil
        case .imported:
            for key in ["device_class", "failure_domain"] {
                m.optional(key)?.error("\(key) comes from the imported crush map's rule; name the rule instead")
            }
            guard let map = importedMap else { return nil }
            let name = ruleName ?? (kind.isErasure ? poolName ?? "" : "replicated_rule")
            guard let id = map.ruleID(named: name), let rule = map.rules[Int(id)] else {
                let known = map.ruleNames.keys.sorted().compactMap { map.ruleNames[$0] }
                (ruleField ?? m.field).error("the imported crush map has no rule \"\(name)\"" + Suggestion.hint(for: name, among: known))
                return nil
            }
            let wantType = kind.isErasure ? Rule.typeErasure : Rule.typeReplicated
            if rule.type != wantType {
                (ruleField ?? m.field).error("rule \"\(name)\" is \(rule.type == Rule.typeErasure ? "an erasure" : "a replicated") rule, but the pool is \(kind.name)")
                return nil
            }
            return RuleSpec(name: name, erasureChunks: kind.isErasure ? size : nil, failureDomain: "")
        case .generated:
            var deviceClass: String?
            var ok = true
            if let classField = m.optional("device_class") {
                deviceClass = classField.string("a device class")
                if let c = deviceClass, !deviceClasses.contains(c) {
                    let known = deviceClasses
                    classField.error("no disk has device class \"\(c)\"" + (known.isEmpty ? "" : " (the fleet has \(known.joined(separator: ", ")))")
                        + Suggestion.hint(for: c, among: known))
                    ok = false
                }
            }
            var failureDomain = "host"
            if let fdField = m.optional("failure_domain") {
                let available = ["osd", "host", "rack"]
                guard let fd = fdField.string("a CRUSH type (osd, host or rack)") else { return nil }
                if !available.contains(fd) {
                    if CephCrushTypes.names.contains(fd) {
                        fdField.error("the generated map has no \(fd) buckets; use osd, host or rack")
                    } else {
                        fdField.error("expected a CRUSH type (osd, host or rack), found \"\(fd)\"" + Suggestion.hint(for: fd, among: available))
                    }
                    ok = false
                } else if fd == "rack" && rackNames.isEmpty {
                    fdField.error("no host has a rack (location.rack), so there is no rack to spread over")
                    ok = false
                }
                failureDomain = fd
            }
            guard ok, let poolName else { return nil }
            let name = ruleName ?? RuleSpec.defaultName(pool: poolName, erasure: kind.isErasure, deviceClass: deviceClass, failureDomain: failureDomain)
            let spec = RuleSpec(name: name, erasureChunks: kind.isErasure ? size : nil, deviceClass: deviceClass, failureDomain: failureDomain)
            let expectedDefault = RuleSpec.replicatedRule
            if name == expectedDefault.name && spec != expectedDefault {
                (ruleField ?? m.field).error("replicated_rule is Ceph's default rule (replicated over host, any class); name this rule differently")
                return nil
            }
            if let other = pools.first(where: { $0.pool.rule == name }) {
                let otherSpec = RuleSpec(
                    name: name, erasureChunks: other.pool.kind.isErasure ? other.pool.size : nil,
                    deviceClass: other.pool.deviceClass, failureDomain: other.pool.failureDomain)
                if otherSpec != spec {
                    (ruleField ?? m.field).error("rule \"\(name)\" is \(otherSpec.summary) for pool \(other.pool.name), but this pool needs \(spec.summary)")
                    return nil
                }
            }
            if let size, !fleetHasErrors { warnIfTooFewDomains(m, spec: spec, size: size, kind: kind) }
            return spec
        }
    }

    /// Warns when a pool wants more copies or shards than its rule has failure domains.
    private func warnIfTooFewDomains(_ m: YAMLMapping, spec: RuleSpec, size: Int, kind: PoolKind) {
        let members = hosts.filter { record in
            record.host.disks.contains { spec.deviceClass == nil || $0.deviceClass == spec.deviceClass }
        }
        let count: Int
        switch spec.failureDomain {
        case "osd": count = members.reduce(0) { $0 + $1.host.disks.filter { spec.deviceClass == nil || $0.deviceClass == spec.deviceClass }.count }
        case "rack": count = Set(members.compactMap(\.host.location.rack)).count + members.filter { $0.host.location.rack == nil }.count
        default: count = members.count
        }
        guard size > count else { return }
        let domains = spec.failureDomain + (count == 1 ? "" : "s")
        let with = spec.deviceClass.map { " with \($0) OSDs" } ?? " with OSDs"
        let what: String
        if case .erasure(let k, let mm) = kind { what = "k+m (\(k)+\(mm) = \(size))" } else { what = "size \(size)" }
        (m.optional("size") ?? m.optional("k") ?? m.field).warning("\(what) is more than the \(count) \(domains)\(with): PGs stay undersized")
    }

    private func readFileSystem(_ field: YAMLField, taken: [String]) -> FileSystemSpec? {
        guard let m = field.mapping("a file system (name, metadata_pool, data_pools)", keys: ScenarioKeys.filesystem) else { return nil }
        let nameField = m.required("name", "the file system's name")
        var name = nameField?.string("a file system name")
        if let n = name, taken.contains(n) {
            nameField?.error("file system \"\(n)\" is already defined")
            name = nil
        }
        let metadata = m.required("metadata_pool", "the pool for metadata").flatMap { poolReference($0) }
        var data: [String] = []
        var ok = true
        if let list = m.required("data_pools", "the pools for file data")?.list("a list of pool names") {
            if list.isEmpty { m.optional("data_pools")?.error("a file system needs at least one data pool") }
            for item in list {
                if let pool = poolReference(item) { data.append(pool.name) } else { ok = false }
            }
            if let first = list.first, let pool = pools.first(where: { $0.pool.name == data.first })?.pool, pool.kind.isErasure {
                first.warning("the default data pool of a file system should be replicated (Ceph needs --force for an erasure-coded one); add the erasure-coded pool as a second data pool")
            }
        } else {
            ok = false
        }
        if let metadata, metadata.kind.isErasure {
            m.optional("metadata_pool")?.error("CephFS metadata cannot live in an erasure-coded pool")
            ok = false
        }
        guard ok, let name, let metadata, !data.isEmpty else { return nil }
        return FileSystemSpec(name: name, metadataPool: metadata.name, dataPools: data)
    }

    // MARK: - Options

    private func readConfig(_ field: YAMLField) -> CephConfig? {
        guard let m = field.mapping("Ceph options by name", keys: ScenarioKeys.config) else { return nil }
        var config = CephConfig()
        if let f = m.optional("osd_max_backfills"), let v = f.int(Int.self, "a number", in: 1...1024) { config.osdMaxBackfills = v }
        if let f = m.optional("osd_recovery_max_active"), let v = f.int(Int.self, "a number", in: 0...1024) { config.osdRecoveryMaxActive = v }
        if let f = m.optional("osd_recovery_max_active_hdd"), let v = f.int(Int.self, "a number", in: 1...1024) { config.osdRecoveryMaxActiveHDD = v }
        if let f = m.optional("osd_recovery_max_active_ssd"), let v = f.int(Int.self, "a number", in: 1...1024) { config.osdRecoveryMaxActiveSSD = v }
        if let f = m.optional("osd_recovery_bandwidth"), let v = readRecoveryBandwidth(f) { config.osdRecoveryBandwidth = v }
        if let f = m.optional("osd_heartbeat_grace"), let v = f.duration(bareUnit: "s") {
            if v == .zero { f.error("must be more than 0") } else { config.osdHeartbeatGrace = v }
        }
        if let f = m.optional("mon_osd_down_out_interval"), let v = f.duration(bareUnit: "s") { config.monOSDDownOutInterval = v }
        if let f = m.optional("mon_osd_down_out_subtree_limit"), let v = f.string("a CRUSH type") {
            if crushTypes.contains(v) {
                config.monOSDDownOutSubtreeLimit = v
            } else {
                f.error("expected a CRUSH type, found \"\(v)\"" + Suggestion.hint(for: v, among: crushTypes))
            }
        }
        let full = m.optional("mon_osd_full_ratio")
        let backfillfull = m.optional("mon_osd_backfillfull_ratio")
        let nearfull = m.optional("mon_osd_nearfull_ratio")
        if let f = full, let v = f.ratio() { config.fullRatio = v }
        if let f = backfillfull, let v = f.ratio() { config.backfillfullRatio = v }
        if let f = nearfull, let v = f.ratio() { config.nearfullRatio = v }
        if !(config.nearfullRatio <= config.backfillfullRatio && config.backfillfullRatio <= config.fullRatio) {
            (nearfull ?? backfillfull ?? full ?? m.field).warning(
                "the ratios should rise nearfull ≤ backfillfull ≤ full (Ceph reports OSD_OUT_OF_ORDER_FULL); they are \(config.nearfullRatio), \(config.backfillfullRatio), \(config.fullRatio)")
        }
        if let f = m.optional("osd_memory_target"), let v = f.size(allowZero: false, what: "a size like 4GiB") { config.osdMemoryTarget = v }
        return config
    }

    /// One rate for all classes, or a mapping of class (or `default`) to rate.
    private func readRecoveryBandwidth(_ field: YAMLField) -> RecoveryBandwidth? {
        if case .scalar = field.node {
            return field.bandwidth().map { RecoveryBandwidth(fallback: $0) }
        }
        guard case .mapping(let mapping) = field.node else {
            field.expected("a bandwidth, or a mapping of device class to bandwidth")
            return nil
        }
        var result = RecoveryBandwidth.default
        for (keyNode, valueNode) in mapping {
            let key = YAMLField(node: keyNode, path: field.path, log: log)
            guard let name = key.string("a device class or default") else { continue }
            let value = YAMLField(node: valueNode, path: field.path.appending(name), log: log)
            guard let rate = value.bandwidth() else { continue }
            if name == "default" {
                result.fallback = rate
            } else {
                if !deviceClasses.contains(name) {
                    log.warning(key.location, field.path.appending(name), "no disk has device class \"\(name)\"" + Suggestion.hint(for: name, among: deviceClasses))
                }
                result.byClass[name] = rate
            }
        }
        return result
    }
}

/// The pool types a file may name.
enum PoolTypeName: String, CaseIterable {
    case replicated
    case erasure
}
