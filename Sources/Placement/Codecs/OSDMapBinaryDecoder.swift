import CRUSH

extension OSDMap {
    /// Decodes a binary OSD map as Ceph 16.2.15's `OSDMap::decode` reads it (the output of
    /// `ceph osd getmap`, and of `osdmaptool` when it writes a map), keeping only what a
    /// client needs, as the Linux kernel's client does (net/ceph/osdmap.c).
    ///
    /// The layout, all little-endian, each structure opened by `u8` version, `u8` compat,
    /// `u32` length (`ENCODE_START`):
    /// - wrapper (version 7 or 8; older "classic" maps are refused):
    ///   - client-usable data (version 1…9): fsid (16 bytes), `u32` epoch, created and
    ///     modified (`utime_t`, 8 bytes each), pools (`u32` count, then `s64` id and a
    ///     `pg_pool_t`, see `PoolBinaryDecoder`), pool names (`u32` count, `s64` id, string),
    ///     `s32` pool_max, `u32` flags, `s32` max_osd, osd_state (`u32` count × `u32`, or `u8`
    ///     before version 5), osd_weight (`u32` count × `u32`), client addresses (skipped),
    ///     pg_temp (`u32` count, `pg_t` and `u32` count × `s32`), primary_temp (`pg_t` →
    ///     `s32`), osd_primary_affinity (`u32` count × `u32`; empty means all default), the
    ///     crush map (`u32` length + `CrushWrapper::encode` bytes), erasure-code profiles
    ///     (string → string → string, version ≥ 3), pg_upmap (`pg_t` → `s32` list) and
    ///     pg_upmap_items (`pg_t` → (`s32`, `s32`) list, version ≥ 4), `u32` crush_version
    ///     (version ≥ 6); anything after that is skipped;
    ///   - OSD-only data: skipped whole;
    ///   - `u32` CRC32C of everything before it and after it in the wrapper (version 8),
    ///     checked as Ceph checks it.
    /// A `pg_t` is `u8` version, `u64` pool, `u32` seed, `s32` (unused).
    ///
    /// The crush map is read with `CrushMap(binary:)` and normalised as Ceph's decoder leaves
    /// it (`normalizedAsCephDecodes()`). Errors name the byte offset and the field.
    public init(binary bytes: [UInt8]) throws(OSDMapBinaryError) {
        var decoder = OSDMapBinaryDecoder(reader: ByteReader(bytes))
        self = try decoder.decode()
    }
}

/// The state of one decode.
struct OSDMapBinaryDecoder {
    var reader: ByteReader

    mutating func decode() throws(OSDMapBinaryError) -> OSDMap {
        let start = reader.offset
        guard let firstByte = reader.bytes.first else {
            throw reader.error(.truncated(needed: 1, remaining: 0), "OSDMap struct_v")
        }
        guard firstByte >= 7 else {
            throw reader.error(.unsupportedVersion(version: firstByte, minimum: 7), "OSDMap struct_v")
        }
        let wrapper = try reader.beginStruct(supported: 8, "OSDMap")
        var map = try decodeClientData()
        try reader.skipStruct("OSDMap osd-only data")
        if wrapper.version >= 8 {
            let crcAt = reader.offset
            let expected = try reader.u32("OSDMap crc")
            var crc = CRC32C.update(0xffff_ffff, reader.bytes[start..<crcAt])
            guard wrapper.end >= crcAt + 4 else { try reader.endStruct(wrapper); return map }
            crc = CRC32C.update(crc, reader.bytes[(crcAt + 4)..<wrapper.end])
            guard crc == expected else {
                throw reader.error(.badCRC(expected: expected, actual: crc), at: crcAt, "OSDMap crc")
            }
        }
        try reader.endStruct(wrapper)
        map.crush = map.crush.normalizedAsCephDecodes()
        return map
    }

    mutating func decodeClientData() throws(OSDMapBinaryError) -> OSDMap {
        let client = try reader.beginStruct(supported: 9, "OSDMap client data")
        let v = client.version
        let fsid = CephUUID.format(Array(try reader.raw(16, "fsid")))
        let epoch = try reader.u32("epoch")
        try reader.skip(16, "created, modified")

        var pools: [Int64: Pool] = [:]
        let poolCount = try reader.count(elementSize: 8 + 6, "pools count")
        for i in 0..<poolCount {
            let id = try reader.s64("pools[\(i)] id")
            var poolDecoder = PoolBinaryDecoder(reader: reader, id: id)
            let pool = try poolDecoder.decode()
            reader = poolDecoder.reader
            pools[id] = pool
        }
        let nameCount = try reader.count(elementSize: 12, "pool_name count")
        for i in 0..<nameCount {
            let id = try reader.s64("pool_name[\(i)] id")
            let name = try reader.string("pool_name[\(i)] (pool \(id))")
            pools[id]?.name = name
        }
        let poolMax = try reader.s32("pool_max")
        let flags = try reader.u32("flags")
        let maxOSDAt = reader.offset
        let maxOSD = try reader.s32("max_osd")

        var states: [UInt32] = []
        if v >= 5 {
            let n = try reader.count(elementSize: 4, "osd_state count")
            states.reserveCapacity(n)
            for i in 0..<n { states.append(try reader.u32("osd_state[\(i)]")) }
        } else {
            let n = try reader.count(elementSize: 1, "osd_state count")
            states.reserveCapacity(n)
            for i in 0..<n { states.append(UInt32(try reader.u8("osd_state[\(i)]"))) }
        }
        let weightCount = try reader.count(elementSize: 4, "osd_weight count")
        var weights: [UInt32] = []
        weights.reserveCapacity(weightCount)
        for i in 0..<weightCount { weights.append(try reader.u32("osd_weight[\(i)]")) }
        guard maxOSD >= 0, Int(maxOSD) == states.count, Int(maxOSD) == weights.count else {
            throw reader.error(
                .inconsistent("max_osd is \(maxOSD), osd_state has \(states.count) entries, osd_weight \(weights.count)"),
                at: maxOSDAt, "max_osd")
        }
        let addressCount = try reader.count(elementSize: 1, "client_addrs count")
        for i in 0..<addressCount { try skipAddressVector("client_addrs[\(i)]") }

        var pgTemp: [PGID: [Int32]] = [:]
        let tempCount = try reader.count(elementSize: 17 + 4, "pg_temp count")
        for i in 0..<tempCount {
            let pg = try pgID("pg_temp[\(i)] pgid")
            pgTemp[pg] = try int32List("pg_temp[\(i)] (\(pg)) osds")
        }
        var primaryTemp: [PGID: Int32] = [:]
        var affinities: [UInt32] = []
        if v >= 2 {
            let n = try reader.count(elementSize: 17 + 4, "primary_temp count")
            for i in 0..<n {
                let pg = try pgID("primary_temp[\(i)] pgid")
                primaryTemp[pg] = try reader.s32("primary_temp[\(i)] (\(pg)) osd")
            }
            let affinityCount = try reader.count(elementSize: 4, "osd_primary_affinity count")
            affinities.reserveCapacity(affinityCount)
            for i in 0..<affinityCount { affinities.append(try reader.u32("osd_primary_affinity[\(i)]")) }
        }

        let (crushAt, crushBytes) = try reader.blob("crush")
        let crush: CrushMap
        do {
            crush = try CrushMap(binary: Array(crushBytes))
        } catch {
            throw reader.error(.crush(error), at: crushAt + error.offset, "crush (\(error.field))")
        }

        var profiles: [String: [String: String]] = [:]
        if v >= 3 {
            let n = try reader.count(elementSize: 8, "erasure_code_profiles count")
            for i in 0..<n {
                let name = try reader.string("erasure_code_profiles[\(i)] name")
                profiles[name] = try stringMap("erasure_code_profiles[\(name)]")
            }
        }
        var upmap: [PGID: [Int32]] = [:]
        var upmapItems: [PGID: [UpmapItem]] = [:]
        if v >= 4 {
            let n = try reader.count(elementSize: 17 + 4, "pg_upmap count")
            for i in 0..<n {
                let pg = try pgID("pg_upmap[\(i)] pgid")
                upmap[pg] = try int32List("pg_upmap[\(i)] (\(pg)) osds")
            }
            let m = try reader.count(elementSize: 17 + 4, "pg_upmap_items count")
            for i in 0..<m {
                let pg = try pgID("pg_upmap_items[\(i)] pgid")
                let k = try reader.count(elementSize: 8, "pg_upmap_items[\(i)] (\(pg)) count")
                var items: [UpmapItem] = []
                items.reserveCapacity(k)
                for j in 0..<k {
                    let from = try reader.s32("pg_upmap_items[\(i)] (\(pg)) [\(j)] from")
                    let to = try reader.s32("pg_upmap_items[\(i)] (\(pg)) [\(j)] to")
                    items.append(UpmapItem(from: from, to: to))
                }
                upmapItems[pg] = items
            }
        }
        var crushVersion: UInt32 = 1
        if v >= 6 { crushVersion = try reader.u32("crush_version") }
        try reader.endStruct(client)

        for (id, pool) in pools {
            guard let profile = profiles[pool.erasureCodeProfile], pool.kind == .erasure else { continue }
            pools[id]?.erasureK = profile["k"].flatMap { Int($0) }
            pools[id]?.erasureM = profile["m"].flatMap { Int($0) }
        }
        var osds: [OSD] = []
        osds.reserveCapacity(states.count)
        for i in 0..<states.count {
            osds.append(OSD(
                state: OSDState(rawValue: states[i]), weight: weights[i],
                primaryAffinity: i < affinities.count ? affinities[i] : OSD.defaultPrimaryAffinity))
        }
        return OSDMap(
            epoch: epoch, fsid: fsid, flags: flags, poolMax: poolMax, pools: pools, osds: osds,
            pgTemp: pgTemp, primaryTemp: primaryTemp, pgUpmap: upmap, pgUpmapItems: upmapItems,
            erasureCodeProfiles: profiles, crushVersion: crushVersion, crush: crush)
    }

    /// `pg_t::decode`: `u8` version (not checked, as in Ceph), `u64` pool, `u32` seed, and a
    /// 4-byte field that once held the preferred OSD.
    mutating func pgID(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> PGID {
        _ = try reader.u8(field() + " version")
        let pool = try reader.s64(field() + " pool")
        let seed = try reader.u32(field() + " seed")
        try reader.skip(4, field() + " preferred")
        return PGID(pool: pool, seed: seed)
    }

    mutating func int32List(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> [Int32] {
        let n = try reader.count(elementSize: 4, field() + " count")
        var list: [Int32] = []
        list.reserveCapacity(n)
        for j in 0..<n { list.append(try reader.s32(field() + "[\(j)]")) }
        return list
    }

    mutating func stringMap(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> [String: String] {
        let n = try reader.count(elementSize: 8, field() + " count")
        var map: [String: String] = [:]
        for j in 0..<n {
            let key = try reader.string(field() + "[\(j)] key")
            map[key] = try reader.string(field() + "[\(key)]")
        }
        return map
    }

    /// Skips an `entity_addrvec_t`: a marker byte, then a legacy address (0), one versioned
    /// address (1) or a list of addresses (2).
    mutating func skipAddressVector(_ field: String) throws(OSDMapBinaryError) {
        let at = reader.offset
        let marker = try reader.u8(field + " marker")
        switch marker {
        case 0: try reader.skip(legacyAddressRest, field + " legacy address")
        case 1: try reader.skipStruct(field + " address")
        case 2:
            let n = try reader.count(elementSize: 1, field + " count")
            for j in 0..<n { try skipAddress(field + "[\(j)]") }
        default: throw reader.error(.badAddressMarker(marker), at: at, field)
        }
    }

    /// Skips an `entity_addr_t`: marker 0 (legacy, fixed size) or 1 (versioned).
    mutating func skipAddress(_ field: String) throws(OSDMapBinaryError) {
        let at = reader.offset
        let marker = try reader.u8(field + " marker")
        switch marker {
        case 0: try reader.skip(legacyAddressRest, field + " legacy address")
        case 1: try reader.skipStruct(field)
        default: throw reader.error(.badAddressMarker(marker), at: at, field)
        }
    }

    /// A legacy `entity_addr_t` after its marker byte: 3 more bytes of the `u32` type, `u32`
    /// nonce, 128-byte `sockaddr_storage`.
    let legacyAddressRest = 3 + 4 + 128
}
