import CRUSH

extension OSDMap {
    /// Reads the JSON of `ceph osd dump -f json` (the same as `osdmaptool MAP --dump json`,
    /// `OSDMap::dump`), which holds everything placement needs except the crush map, given
    /// here as `crush` (any form; it is normalised as Ceph's decoder leaves it).
    ///
    /// Read: `epoch`, `fsid`, `flags_num`, `pool_max`, `max_osd`, `crush_version`; per pool
    /// (`pools[]`) `pool`, `pool_name`, `type`, `size`, `min_size`, `crush_rule`,
    /// `object_hash`, `pg_num`, `pg_placement_num` (pgp_num), `flags`,
    /// `erasure_code_profile`, `application_metadata`; per OSD (`osds[]`, only the OSDs that
    /// exist) `osd`, `up`, `in`, `weight` and `primary_affinity` (floats, turned back into
    /// 16.16 by rounding), `state`; `pg_upmap[]` (`pgid`, `osds`), `pg_upmap_items[]`
    /// (`pgid`, `mappings[]` of `from`/`to`), `pg_temp[]` (`pgid`, `osds`), `primary_temp`
    /// (Ceph writes it as a flat list `pgid, osd, pgid, osd…`; objects with `pgid` and `osd`
    /// are read too) and `erasure_code_profiles`. Other fields are ignored.
    public init(dumpJSON bytes: [UInt8], crush: CrushMap) throws(OSDMapJSONError) {
        let root: JSONValue
        do { root = try JSONParser.parse(utf8: bytes) } catch { throw .syntax(error) }
        self = try OSDMapJSONReader.read(DumpField(value: root, path: ""), crush: crush)
    }
}

enum OSDMapJSONReader {
    static func read(_ top: DumpField, crush: CrushMap) throws(OSDMapJSONError) -> OSDMap {
        let epoch: UInt32 = try top.required("epoch").integer()
        let fsid = try top.optional("fsid")?.string() ?? "00000000-0000-0000-0000-000000000000"
        let flags: UInt32 = try top.optional("flags_num")?.integer() ?? 0
        let poolMax: Int32 = try top.optional("pool_max")?.integer() ?? 0
        let crushVersion: UInt32 = try top.optional("crush_version")?.integer() ?? 1
        let maxOSDField = try top.required("max_osd")
        let maxOSD: Int32 = try maxOSDField.integer()
        guard maxOSD >= 0 else { throw maxOSDField.invalid("must not be negative") }

        var profiles: [String: [String: String]] = [:]
        if let field = try top.optional("erasure_code_profiles") {
            for (name, profile) in try field.members() {
                var values: [String: String] = [:]
                for (key, value) in try profile.members() { values[key] = try value.string() }
                profiles[name] = values
            }
        }

        var pools: [Int64: Pool] = [:]
        for field in try top.optional("pools")?.array() ?? [] {
            let idField = try field.required("pool")
            let id: Int64 = try idField.integer()
            guard pools[id] == nil else { throw idField.invalid("pool \(id) appears more than once") }
            let kind = Pool.Kind(code: try field.required("type").integer())
            let profileName = try field.optional("erasure_code_profile")?.string() ?? ""
            let profile = kind == .erasure ? profiles[profileName] : nil
            var applications: [String] = []
            if let metadata = try field.optional("application_metadata") {
                applications = try metadata.members().map(\.key).sorted()
            }
            let pgNum: UInt32 = try field.required("pg_num").integer()
            let pgpNum: UInt32 = try field.optional("pg_placement_num")?.integer() ?? pgNum
            pools[id] = Pool(
                id: id, name: try field.optional("pool_name")?.string() ?? "",
                kind: kind, size: try field.required("size").integer(),
                minSize: try field.optional("min_size")?.integer() ?? 0,
                crushRule: Int32(try field.required("crush_rule").integer() as UInt8),
                objectHash: try field.optional("object_hash")?.integer() ?? Pool.ObjectHashKind.rjenkins.rawValue,
                pgNum: pgNum, pgpNum: pgpNum,
                flags: Pool.Flags(rawValue: try field.optional("flags")?.integer() ?? 0),
                applications: applications, erasureCodeProfile: profileName,
                erasureK: profile?["k"].flatMap { Int($0) }, erasureM: profile?["m"].flatMap { Int($0) })
        }

        var osds = [OSD](repeating: OSD(), count: Int(maxOSD))
        for field in try top.optional("osds")?.array() ?? [] {
            let idField = try field.required("osd")
            let id: Int32 = try idField.integer()
            guard id >= 0, id < maxOSD else { throw idField.invalid("OSD id \(id) is not below max_osd \(maxOSD)") }
            var state: OSDState = [.exists]
            if let names = try field.optional("state") {
                for name in try names.array() {
                    guard let bit = OSDState(name: try name.string()) else {
                        throw name.invalid("unknown OSD state '\(try name.string())'")
                    }
                    state.insert(bit)
                }
            } else if try field.optional("up")?.integer() as Int? ?? 0 != 0 {
                state.insert(.up)
            }
            var weight: UInt32
            if let w = try field.optional("weight") {
                weight = try w.fixedPoint()
            } else {
                weight = try field.optional("in")?.integer() as Int? ?? 0 != 0 ? OSD.weightIn : 0
            }
            if let inField = try field.optional("in"), try inField.integer() as Int == 0 { weight = 0 }
            let affinity = try field.optional("primary_affinity")?.fixedPoint() ?? OSD.defaultPrimaryAffinity
            osds[Int(id)] = OSD(state: state, weight: weight, primaryAffinity: affinity)
        }

        var upmap: [PGID: [Int32]] = [:]
        for field in try top.optional("pg_upmap")?.array() ?? [] {
            upmap[try field.required("pgid").pgID()] = try osdList(try field.required("osds"))
        }
        var upmapItems: [PGID: [UpmapItem]] = [:]
        for field in try top.optional("pg_upmap_items")?.array() ?? [] {
            var items: [UpmapItem] = []
            for pair in try field.required("mappings").array() {
                items.append(UpmapItem(from: try pair.required("from").integer(), to: try pair.required("to").integer()))
            }
            upmapItems[try field.required("pgid").pgID()] = items
        }
        var pgTemp: [PGID: [Int32]] = [:]
        for field in try top.optional("pg_temp")?.array() ?? [] {
            pgTemp[try field.required("pgid").pgID()] = try osdList(try field.required("osds"))
        }
        var primaryTemp: [PGID: Int32] = [:]
        if let field = try top.optional("primary_temp") {
            let elements = try field.array()
            var i = 0
            while i < elements.count {
                if case .object = elements[i].value {
                    primaryTemp[try elements[i].required("pgid").pgID()] = try elements[i].required("osd").integer()
                    i += 1
                } else {
                    guard i + 1 < elements.count else {
                        throw elements[i].invalid("a PG id without its OSD (expected pgid, osd pairs)")
                    }
                    primaryTemp[try elements[i].pgID()] = try elements[i + 1].integer()
                    i += 2
                }
            }
        }
        return OSDMap(
            epoch: epoch, fsid: fsid, flags: flags, poolMax: poolMax, pools: pools, osds: osds,
            pgTemp: pgTemp, primaryTemp: primaryTemp, pgUpmap: upmap, pgUpmapItems: upmapItems,
            erasureCodeProfiles: profiles, crushVersion: crushVersion, crush: crush.normalizedAsCephDecodes())
    }

    /// A list of OSD ids: numbers, or (as some dumps nest them) objects with an `osd` field.
    static func osdList(_ field: DumpField) throws(OSDMapJSONError) -> [Int32] {
        var osds: [Int32] = []
        for element in try field.array() {
            if case .object = element.value {
                osds.append(try element.required("osd").integer())
            } else {
                osds.append(try element.integer())
            }
        }
        return osds
    }
}
