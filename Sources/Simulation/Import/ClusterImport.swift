internal import CRUSH
internal import Placement

/// A scenario written from what `collective live import -o DIR` saved of a running cluster, so
/// that `simulate`, `report` and `plan` answer for the real cluster.
///
/// What Ceph's maps say becomes the scenario exactly: the CRUSH map itself (`crush: {import:
/// crush.bin}`, so every bucket id, weight and rule is Ceph's), the pools with their ids,
/// sizes, PG counts, rules and applications, the data each stores (`ceph df` STORED), each
/// OSD's size (`ceph osd df`), the hosts and racks of the CRUSH tree, the hosts of the
/// monitors, managers and metadata servers (`mon`, `mgr`, `mds metadata`), the file systems
/// (`fs ls`), each OSD's override weight (`ceph osd reweight`) and primary affinity, the OSD
/// map's full ratios and the simulator's options as `ceph config dump` has them.
///
/// What the maps do not say is written as a default with a comment to check it: a host's
/// cores (4) and NIC (10Gbit/s), its RAM when no OSD of it reports `mem_total_kb` (16GiB),
/// and its role (every host is a `drone`; make the strongest the `queen`); an OSD that `osd df`
/// gives no size (out) gets the size its CRUSH weight stands for. The balancer's PG upmap
/// exceptions are `upmaps`. Whether an OSD is down is not carried over (it starts up; the
/// file's header names it).
public struct ClusterImport: Sendable {
    /// Why a saved directory cannot become a scenario: the file and what is wrong with it.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var reason: String
        public var description: String { file + ": " + reason }
    }

    let map: OSDMap
    let osdBytes: [Int32: UInt64]
    let stored: [Int64: UInt64]
    let memoryKB: [String: UInt64]
    let arm: Set<String>
    let rotational: [Int32: Bool]
    let monHosts: [String]
    let mgrHosts: [String]
    let mdsHosts: [String]
    let fileSystems: [FileSystemSpec]
    /// Scenario `config:` keys and their values: the OSD map's full ratios and the options of
    /// `ceph config dump` the simulator reads (global, then osd or mon sections).
    let config: [(key: String, value: String, source: String)]

    /// Reads the saved files through `read` (a file name → its bytes, nil when missing).
    public init(read: (String) -> [UInt8]?) throws(Failure) {
        guard let osdmap = read("osdmap.bin") else { throw Failure(file: "osdmap.bin", reason: "missing (collective live import -o DIR writes it)") }
        let decoded: OSDMap
        do { decoded = try OSDMap(decoding: osdmap) } catch { throw Failure(file: "osdmap.bin", reason: "\(error)") }
        map = decoded
        guard let df = read("osd-df.json") else { throw Failure(file: "osd-df.json", reason: "missing (collective live import -o DIR writes it)") }
        do {
            let report = try OSDDFReport(json: String(decoding: df, as: UTF8.self))
            osdBytes = Dictionary(report.osds.map { ($0.id, $0.totalBytes) }, uniquingKeysWith: { a, _ in a })
        } catch {
            throw Failure(file: "osd-df.json", reason: error.description)
        }
        func json(_ name: String) throws(Failure) -> JSONValue? {
            guard let bytes = read(name) else { return nil }
            do { return try JSONParser.parse(String(decoding: bytes, as: UTF8.self)) } catch { throw Failure(file: name, reason: "\(error)") }
        }
        var stored: [Int64: UInt64] = [:]
        if case .array(let pools)? = try json("df.json")?["pools"] {
            for pool in pools {
                if case .number(let id)? = pool["id"], let id = id.int64, case .number(let bytes)? = pool["stats"]?["stored"] {
                    stored[id] = bytes.uint64 ?? 0
                }
            }
        }
        self.stored = stored
        // Daemons' metadata has the host name gethostname gives, often the FQDN; CRUSH host
        // buckets carry the short name: match either.
        let crush = decoded.crush
        let crushHosts = Set(Self.hostBuckets(crush).compactMap { crush.itemNames[$0.id] })
        func bucket(_ hostname: String) -> String {
            if crushHosts.contains(hostname) { return hostname }
            let short = String(hostname.prefix { $0 != "." })
            return crushHosts.contains(short) ? short : hostname
        }
        var memoryKB: [String: UInt64] = [:]
        var arm: Set<String> = []
        var rotational: [Int32: Bool] = [:]
        if case .array(let osds)? = try json("osd-metadata.json") {
            for osd in osds {
                guard case .number(let id)? = osd["id"], let id = id.int64, case .string(let name)? = osd["hostname"] else { continue }
                let host = bucket(name)
                if case .string(let kb)? = osd["mem_total_kb"], let kb = UInt64(kb) { memoryKB[host] = kb }
                if case .string(let a)? = osd["arch"], a == "aarch64" || a == "arm64" { arm.insert(host) }
                if case .string(let r)? = osd["rotational"] { rotational[Int32(id)] = r == "1" }
            }
        }
        self.memoryKB = memoryKB
        self.arm = arm
        self.rotational = rotational
        func hosts(_ name: String) throws(Failure) -> [String] {
            guard case .array(let daemons)? = try json(name) else { return [] }
            var names: [String] = []
            for daemon in daemons {
                if case .string(let name)? = daemon["hostname"], !names.contains(bucket(name)) { names.append(bucket(name)) }
            }
            return names
        }
        monHosts = try hosts("mon-metadata.json")
        mgrHosts = try hosts("mgr-metadata.json")
        mdsHosts = try hosts("mds-metadata.json")
        fileSystems = try json("fs-ls.json").map(FileSystemSpec.listed) ?? []
        var config: [(String, String, String)] = []
        if let dump = try json("osd-dump.json") {
            for (field, key) in [("full_ratio", "mon_osd_full_ratio"), ("backfillfull_ratio", "mon_osd_backfillfull_ratio"),
                                 ("nearfull_ratio", "mon_osd_nearfull_ratio")] {
                if case .number(let n)? = dump[field], let v = n.double { config.append((key, "\(Float(v))", "osd dump")) }
            }
        }
        if case .array(let options)? = try json("config-dump.json") {
            // The simulator's options and the daemons that read them; a daemon's own section
            // wins over global, as in Ceph. Options for single daemons (osd.3) or masks are left.
            let readers: [String: String] = [
                "osd_max_backfills": "osd", "osd_recovery_max_active": "osd", "osd_recovery_max_active_hdd": "osd",
                "osd_recovery_max_active_ssd": "osd", "osd_heartbeat_grace": "osd", "osd_memory_target": "osd",
                "mon_osd_down_out_interval": "mon", "mon_osd_down_out_subtree_limit": "mon",
            ]
            var chosen: [String: (value: String, section: String)] = [:]
            for option in options {
                guard case .string(let name)? = option["name"], let reader = readers[name],
                      case .string(let section)? = option["section"], section == "global" || section == reader,
                      case .string(let value)? = option["value"], option["mask"].map({ if case .string(let m) = $0 { m.isEmpty } else { true } }) ?? true
                else { continue }
                if chosen[name] == nil || section != "global" { chosen[name] = (value, section) }
            }
            for name in readers.keys.sorted() {
                if let (value, section) = chosen[name] { config.append((name, value, "ceph config, \(section)")) }
            }
        }
        self.config = config
    }

    /// A host of the CRUSH tree with its OSDs (in bucket order) and its rack, if any.
    struct Host {
        var name: String
        var rack: String?
        var osds: [Int32]
    }

    /// The CRUSH tree's hosts (not the device-class shadows), in bucket id order (-1, -2, …),
    /// then the hosts of monitors, managers and MDSs that hold no OSD.
    var hosts: [Host] {
        let crush = map.crush
        let rackType = crush.typeID(named: "rack")
        var parent: [Int32: Int32] = [:]
        for case let bucket? in crush.buckets where !crush.isShadow(bucket.id) {
            for item in bucket.items { parent[item] = bucket.id }
        }
        var hosts: [Host] = []
        for bucket in Self.hostBuckets(crush) {
            var rack: String?
            var up = parent[bucket.id]
            while let id = up, rack == nil {
                if let b = crush.bucket(id: id), rackType != nil, Int32(b.type) == rackType { rack = crush.itemNames[id] }
                up = parent[id]
            }
            hosts.append(Host(name: crush.itemNames[bucket.id] ?? "host\(-bucket.id)", rack: rack, osds: bucket.items.filter { $0 >= 0 }))
        }
        for name in monHosts + mgrHosts + mdsHosts where !hosts.contains(where: { $0.name == name }) {
            hosts.append(Host(name: name, rack: nil, osds: []))
        }
        return hosts
    }

    /// The scenario, as YAML: the CRUSH map is read from `crushFile` (relative to the scenario
    /// file; `live import` writes `crush.bin` next to it).
    public func scenarioYAML(name: String, crushFile: String = "crush.bin") -> String {
        let crush = map.crush
        let hosts = self.hosts
        var out: [String] = []
        out.append("# A scenario of the running cluster \(map.fsid), osdmap epoch \(map.epoch), written by")
        out.append("# `collective live import` (scenarios/README.md, \"A scenario of a running cluster\").")
        out.append("# Ceph's maps do not say how many cores a host has, its NIC, nor which host is the Queen:")
        out.append("# the lines marked `check` hold defaults; set them before trusting recovery times or plans.")
        let down = map.osds.indices.filter { map.osds[$0].exists && !map.osds[$0].isUp }
        if !down.isEmpty {
            out.append("# Down at import, up here: " + down.map { "osd.\($0)" }.joined(separator: ", ") + " (add fail_disk events to rehearse it).")
        }
        out.append("")
        out.append("name: " + Self.quoted(name))
        out.append("description: " + Self.quoted("The cluster \(map.fsid) as imported at osdmap epoch \(map.epoch)."))
        out.append("")
        out.append("fleet:")
        out.append("  hosts:")
        for host in hosts {
            out.append("    - name: " + Self.quoted(host.name))
            out.append("      role: drone      # check: the strongest host (control planes) is the queen")
            out.append("      cores: 4         # check: not in Ceph's maps")
            if let kb = memoryKB[host.name] {
                out.append("      ram: \(kb)KiB     # mem_total_kb of its OSDs (\(ByteSize(bytes: kb &* 1024)))")
            } else {
                out.append("      ram: 16GiB       # check: no OSD of this host reports its memory")
            }
            out.append("      nic: 10Gbit/s    # check: not in Ceph's maps; recovery times depend on it")
            if arm.contains(host.name) { out.append("      arch: arm64") }
            if let rack = host.rack { out.append("      location: {rack: \(Self.quoted(rack))}") }
            guard !host.osds.isEmpty else { continue }
            out.append("      disks:")
            for osd in host.osds {
                let cls = crush.deviceClasses[osd].flatMap { crush.classNames[$0] }
                let type = cls.flatMap { ["hdd", "ssd", "nvme"].contains($0) ? $0 : nil }
                    ?? (rotational[osd] == false ? "ssd" : "hdd")
                var bytes = osdBytes[osd] ?? 0
                var note = ""
                if bytes == 0 {
                    // 16.16 TiB → bytes: the size a new OSD of this weight has.
                    bytes = UInt64(max(crush.itemWeight(of: osd) ?? 0, 0)) << 24
                    note = "   # osd df gives no size (out): its CRUSH weight's"
                }
                var line = "        - {name: osd\(osd), type: \(type), size: \(bytes), osd: \(osd)"
                if let cls, cls != type { line += ", class: " + Self.quoted(cls) }
                if map.osds.indices.contains(Int(osd)) {
                    let state = map.osds[Int(osd)]
                    if state.weight != 0x10000 { line += ", reweight: " + Self.ratio(state.weight) }
                    if state.primaryAffinity != 0x10000 { line += ", primary_affinity: " + Self.ratio(state.primaryAffinity) }
                }
                line += "}" + (note.isEmpty ? "   # \(ByteSize(bytes: bytes))" : note)
                out.append(line)
            }
        }
        let known = Set(hosts.map(\.name))
        out.append("")
        out.append("ceph:")
        var mons = monHosts.filter(known.contains)
        if mons.isEmpty, let first = hosts.first {
            mons = [first.name]
            out.append("  mons: [\(Self.quoted(first.name))]   # check: no mon metadata was saved")
        } else {
            out.append("  mons: [" + mons.map(Self.quoted).joined(separator: ", ") + "]")
        }
        let mgrs = mgrHosts.filter(known.contains)
        if !mgrs.isEmpty { out.append("  mgrs: [" + mgrs.map(Self.quoted).joined(separator: ", ") + "]") }
        let mds = mdsHosts.filter(known.contains)
        if !mds.isEmpty { out.append("  mds: [" + mds.map(Self.quoted).joined(separator: ", ") + "]") }
        out.append("  crush: {import: " + Self.quoted(crushFile) + "}")
        if !config.isEmpty {
            out.append("  config:   # options set in ceph.conf files are not seen; the rest are Pacific's defaults")
            for (key, value, source) in config {
                out.append("    \(key): \(Double(value) != nil ? value : Self.quoted(value))   # \(source)")
            }
        }
        let pools = map.sortedPools
        var poolNames: Set<String> = []
        var poolIDs: Set<Int64> = []
        if !pools.isEmpty {
            out.append("  pools:")
            for pool in pools {
                var fields = ["name: " + Self.quoted(pool.name), "id: \(pool.id)"]
                if pool.kind == .erasure {
                    guard let k = pool.erasureK, let m = pool.erasureM else {
                        out.append("    # \(pool.name): erasure-coded without k and m in the map (profile \(pool.erasureCodeProfile)); left out")
                        continue
                    }
                    fields += ["type: erasure", "k: \(k)", "m: \(m)"]
                } else {
                    fields.append("size: \(pool.size)")
                }
                fields += ["min_size: \(pool.minSize)", "pg_num: \(pool.pgNum)", "pgp_num: \(pool.pgpNum)"]
                if let rule = crush.ruleNames[pool.crushRule] { fields.append("rule: " + Self.quoted(rule)) }
                if let app = pool.applications.first(where: ScenarioKeys.applications.contains) { fields.append("application: \(app)") }
                fields.append("stored: \(stored[pool.id] ?? 0)")
                out.append("    - {" + fields.joined(separator: ", ") + "}")
                poolNames.insert(pool.name)
                poolIDs.insert(pool.id)
            }
        }
        let upmapPGs = Set(map.pgUpmapItems.keys).union(map.pgUpmap.keys).filter { poolIDs.contains($0.pool) }.sorted()
        if !upmapPGs.isEmpty {
            out.append("  # The PG upmap exceptions (the mgr balancer's pg-upmap-items, pg-upmap).")
            out.append("  upmaps:")
            for pg in upmapPGs {
                if let items = map.pgUpmapItems[pg] {
                    out.append("    - {pg: \"\(pg)\", items: [" + items.map { "[\($0.from), \($0.to)]" }.joined(separator: ", ") + "]}")
                }
                if let osds = map.pgUpmap[pg] {
                    out.append("    - {pg: \"\(pg)\", osds: [" + osds.map(String.init).joined(separator: ", ") + "]}")
                }
            }
        }
        let filesystems = fileSystems.filter { fs in poolNames.contains(fs.metadataPool) && fs.dataPools.allSatisfy(poolNames.contains) }
        if !filesystems.isEmpty {
            out.append("  filesystems:")
            for fs in filesystems {
                out.append("    - {name: \(Self.quoted(fs.name)), metadata_pool: \(Self.quoted(fs.metadataPool)), data_pools: ["
                    + fs.dataPools.map(Self.quoted).joined(separator: ", ") + "]}")
            }
        }
        // The rehearsal is the operator's to write: examples with this cluster's own names.
        if let host = hosts.first(where: { !$0.osds.isEmpty }), let osd = host.osds.first {
            out.append("")
            out.append("# What to rehearse (scenarios/README.md, \"timeline\"), for example:")
            out.append("# timeline:")
            out.append("#   - {at: 5m, event: fail_disk, disk: \(host.name)/osd\(osd)}")
            out.append("#   - {at: 1h, event: fail_host, host: \(host.name)}")
            if let rack = host.rack { out.append("#   - {at: 2h, event: fail_rack, rack: \(rack)}") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The CRUSH tree's host buckets (not the device-class shadows), id -1, -2, … order.
    static func hostBuckets(_ crush: CrushMap) -> [Bucket] {
        guard let hostType = crush.typeID(named: "host") else { return [] }
        return crush.buckets.compactMap { $0 }.filter { Int32($0.type) == hostType && !crush.isShadow($0.id) }.sorted { $0.id > $1.id }
    }

    /// A 16.16 fixed-point weight (≤ 1) as an exact decimal (a dyadic fraction has a finite one).
    static func ratio(_ weight: UInt32) -> String {
        guard weight > 0 else { return "0" }
        guard weight < 0x10000 else { return "1" }
        var digits = ""
        var rest = UInt64(weight)
        for _ in 0..<16 where rest != 0 {
            rest *= 10
            digits.append(String(rest >> 16))
            rest &= 0xffff
        }
        return "0." + digits
    }

    /// A YAML scalar: bare when it is plainly a name, else a JSON string (YAML reads those).
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.-/".contains($0)) }
            && !["true", "false", "null", "yes", "no", "on", "off", "~"].contains(text.lowercased())
            && Double(text) == nil && text.first != "-"
        return plain ? text : JSONString.quoted(text)
    }
}
