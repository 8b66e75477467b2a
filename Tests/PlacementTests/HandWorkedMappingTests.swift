import CRUSH
import Foundation
import Placement
import Testing

/// What osdmaptool cannot produce a map for (pg_temp, primary_temp, partial reweights, OSDs
/// missing from the map), checked against expectations worked out from Ceph 16.2.15's
/// OSDMap.cc: `_get_temp_osds`, `_apply_upmap`, `_raw_to_up_osds`, `_apply_primary_affinity`,
/// `pg_pool_t::raw_pg_to_pps` and `hash_key`. The CRUSH step itself is the `CRUSH` module's,
/// which is checked against crushtool.
@Suite("hand-worked mappings")
struct HandWorkedMappingTests {
    static let none = crushItemNone

    /// The 12-OSD hierarchy of the golden corpus (`scripts/osdmap/classes.txt`): hosts h0 =
    /// {0,1,2}, h1 = {3,4,5}, h2 = {6,7,8}, h3 = {9,10,11}; rule 0 replicated by host, rule 3
    /// erasure (indep, hdd only).
    static func crush() throws -> CrushMap {
        try CrushMap(decoding: try Fixtures.data(Fixtures.maps.appendingPathComponent("classes12.crush")))
    }

    /// Pool 1 replicated size 3 (rule 0), pool 2 erasure size 3 (rule 3), 16 PGs each; every
    /// OSD up and in unless `down` / `weights` say otherwise.
    static func map(
        down: Set<Int32> = [], missing: Set<Int32> = [], weights: [Int32: UInt32] = [:],
        affinity: [Int32: UInt32] = [:]
    ) throws -> OSDMap {
        var osds: [OSD] = []
        for i in Int32(0)..<12 {
            var state: OSDState = missing.contains(i) ? [] : [.exists]
            if !down.contains(i) && !missing.contains(i) { state.insert(.up) }
            osds.append(OSD(
                state: state, weight: missing.contains(i) ? 0 : weights[i] ?? OSD.weightIn,
                primaryAffinity: affinity[i] ?? OSD.defaultPrimaryAffinity))
        }
        return OSDMap(
            pools: [
                1: Pool(id: 1, name: "rep", kind: .replicated, size: 3, minSize: 2, crushRule: 0, pgNum: 16, pgpNum: 16),
                2: Pool(id: 2, name: "ec", kind: .erasure, size: 3, minSize: 2, crushRule: 3, pgNum: 16, pgpNum: 16),
            ],
            osds: osds, crush: try crush())
    }

    /// The CRUSH result for a PG, from the formula: x = crush_hash32_2(stable_mod(ps), pool)
    /// (hashpspool), the pool's rule, size 3, the reweights as device weights.
    static func crushResult(_ map: OSDMap, _ pg: PGID) -> [Int32] {
        let pool = map.pools[pg.pool]!
        let folded = cephStableMod(pg.seed, pool.pgpNum, cephPGMask(pool.pgpNum))
        let x = CrushHash.hash2(CrushHash.rjenkins1, folded, UInt32(pg.pool))
        let rule = Int(map.crush.findRule(ruleset: pool.crushRule, poolType: pool.kind.code, size: 3)!)
        return CrushMapper(map.crush).map(rule: rule, x: Int32(bitPattern: x), resultMax: 3, weights: map.osds.map(\.weight))
    }

    @Test("raw set is CRUSH's output for raw_pg_to_pps, partial reweights included")
    func rawIsCrush() throws {
        let map = try Self.map(weights: [1: 0x8000, 4: 0x4000, 10: 0xC000])
        let mapper = PlacementMapper(map)
        for pool in [Int64(1), 2] {
            for seed in UInt32(0)..<16 {
                let pg = PGID(pool: pool, seed: seed)
                let m = mapper.mapping(for: pg)
                #expect(m.raw == Self.crushResult(map, pg))
                #expect(m.up == m.raw && m.acting == m.raw)
            }
        }
    }

    @Test("down OSDs: replicated sets close up, erasure sets keep a hole")
    func downOSDs() throws {
        let all = try Self.map()
        let mapper = PlacementMapper(all)
        for pool in [Int64(1), 2] {
            for seed in UInt32(0)..<16 {
                let pg = PGID(pool: pool, seed: seed)
                let raw = mapper.mapping(for: pg).raw
                let victim = raw[1]
                let m = PlacementMapper(try Self.map(down: [victim])).mapping(for: pg)
                #expect(m.raw == raw, "down OSDs stay in the raw set")
                if pool == 1 {
                    #expect(m.up == raw.filter { $0 != victim })
                } else {
                    #expect(m.up == [raw[0], Self.none, raw[2]])
                }
                #expect(m.upPrimary == raw[0] && m.acting == m.up && m.actingPrimary == raw[0])
            }
        }
    }

    @Test("OSDs missing from the map leave the raw set (replicated) or become holes (erasure)")
    func missingOSDs() throws {
        let mapper = PlacementMapper(try Self.map())
        let pgRep = PGID(pool: 1, seed: 5)
        let pgEC = PGID(pool: 2, seed: 5)
        let rawRep = mapper.mapping(for: pgRep).raw
        let rawEC = mapper.mapping(for: pgEC).raw
        // A missing OSD has weight 0, so CRUSH itself skips it and picks another: remove the
        // first OSD and compare with CRUSH's own answer for the same weights.
        let map = try Self.map(missing: [rawRep[0], rawEC[0]])
        let m = PlacementMapper(map)
        #expect(m.mapping(for: pgRep).raw == Self.crushResult(map, pgRep))
        #expect(!m.mapping(for: pgRep).raw.contains(rawRep[0]))
        #expect(m.mapping(for: pgEC).raw == Self.crushResult(map, pgEC))
    }

    @Test("pg_temp and primary_temp from a ceph osd dump")
    func temps() throws {
        let crush = try Self.crush()
        // osd.2 is down; primary_temp written as Ceph writes it (a flat pgid, osd list).
        let json = """
            {"epoch": 7, "fsid": "6b1f0c8e-4f53-4a3c-9d53-0c0ffee0c0de", "max_osd": 12,
             "pools": [
               {"pool": 1, "pool_name": "rep", "type": 1, "size": 3, "min_size": 2, "crush_rule": 0,
                "object_hash": 2, "pg_num": 16, "pg_placement_num": 16, "flags": 1},
               {"pool": 2, "pool_name": "ec", "type": 3, "size": 3, "min_size": 2, "crush_rule": 3,
                "object_hash": 2, "pg_num": 16, "pg_placement_num": 16, "flags": 1,
                "erasure_code_profile": "ec21"}],
             "osds": [\((0..<12).map { i in
                 "{\"osd\": \(i), \"up\": \(i == 2 ? 0 : 1), \"in\": 1, \"weight\": 1, \"primary_affinity\": 1, \"state\": [\"exists\"\(i == 2 ? "" : ", \"up\"")]}"
             }.joined(separator: ","))],
             "pg_temp": [{"pgid": "1.0", "osds": [5, 2, 9]}, {"pgid": "2.0", "osds": [5, 2, 9]},
                         {"pgid": "1.1", "osds": [6, 3, 0]}, {"pgid": "1.3", "osds": [2]}],
             "primary_temp": ["1.1", 3, "1.2", 7, "1.3", 11],
             "erasure_code_profiles": {"ec21": {"k": "2", "m": "1", "plugin": "jerasure"}}}
            """
        let map = try OSDMap(dumpJSON: Array(json.utf8), crush: crush)
        #expect(map.pools[2]?.erasureK == 2 && map.pools[2]?.erasureM == 1)
        #expect(map.osds[2].exists && !map.osds[2].isUp)
        let mapper = PlacementMapper(map)

        // Replicated: the down OSD leaves the temp set; its first OSD is the primary.
        var m = mapper.mapping(for: PGID(pool: 1, seed: 0))
        #expect(m.acting == [5, 9] && m.actingPrimary == 5)
        // Erasure: the down OSD becomes a hole.
        m = mapper.mapping(for: PGID(pool: 2, seed: 0))
        #expect(m.acting == [5, Self.none, 9] && m.actingPrimary == 5)
        // primary_temp wins over the temp set's first OSD.
        m = mapper.mapping(for: PGID(pool: 1, seed: 1))
        #expect(m.acting == [6, 3, 0] && m.actingPrimary == 3)
        // primary_temp alone: acting is the up set, the primary is the temp one (any OSD).
        m = mapper.mapping(for: PGID(pool: 1, seed: 2))
        #expect(m.acting == m.up && m.actingPrimary == 7)
        // A temp set of down OSDs only is empty: acting falls back to up, primary_temp stays.
        m = mapper.mapping(for: PGID(pool: 1, seed: 3))
        #expect(m.acting == m.up && m.actingPrimary == 11)
        // Temps are looked up by the folded PG: seed 16 + 1 is PG 1.1.
        m = mapper.mapping(for: PGID(pool: 1, seed: 17))
        #expect(m.acting == [6, 3, 0] && m.actingPrimary == 3)
        // The up sets ignore temps.
        let plain = PlacementMapper(try Self.map(down: [2]))
        for seed in UInt32(0)..<4 {
            #expect(mapper.mapping(for: PGID(pool: 1, seed: seed)).up == plain.mapping(for: PGID(pool: 1, seed: seed)).up)
        }
    }

    @Test("primary affinity: the first OSD whose hash passes becomes primary, moved to the front if replicated")
    func primaryAffinity() throws {
        let plain = PlacementMapper(try Self.map())
        for pool in [Int64(1), 2] {
            for seed in UInt32(0)..<16 {
                let pg = PGID(pool: pool, seed: seed)
                let up = plain.mapping(for: pg).up
                // Affinity 0: never primary while another OSD accepts.
                var m = PlacementMapper(try Self.map(affinity: [up[0]: 0])).mapping(for: pg)
                #expect(m.upPrimary == up[1])
                #expect(m.up == (pool == 1 ? [up[1], up[0], up[2]] : up))
                #expect(m.actingPrimary == up[1] && m.acting == m.up)
                // Affinity 0.5 on all three: accepted when hash(pps, osd) >> 16 < 0x8000.
                let pps = CrushHash.hash2(CrushHash.rjenkins1, seed, UInt32(pool))
                let accepts = up.map { CrushHash.hash2(CrushHash.rjenkins1, pps, UInt32($0)) >> 16 < 0x8000 }
                let chosen = accepts.firstIndex(of: true) ?? 0
                m = PlacementMapper(try Self.map(affinity: [up[0]: 0x8000, up[1]: 0x8000, up[2]: 0x8000])).mapping(for: pg)
                #expect(m.upPrimary == up[chosen])
                if pool == 1 {
                    var moved = up
                    moved.remove(at: chosen)
                    moved.insert(up[chosen], at: 0)
                    #expect(m.up == moved)
                } else {
                    #expect(m.up == up)
                }
            }
        }
    }

    @Test("upmap items: replaced once, skipped if the target is already there or out")
    func upmapItems() throws {
        var map = try Self.map(weights: [11: 0])
        let pg = PGID(pool: 1, seed: 4)
        let raw = PlacementMapper(map).mapping(for: pg).raw
        let outsider = (Int32(0)..<11).first { !raw.contains($0) }!
        map.pgUpmapItems[pg] = [
            UpmapItem(from: raw[0], to: raw[1]),  // target already in the set: skipped
            UpmapItem(from: raw[1], to: 11),  // target out: skipped
            UpmapItem(from: raw[2], to: outsider),  // applied
        ]
        let m = PlacementMapper(map).mapping(for: pg)
        #expect(m.raw == raw)
        #expect(m.up == [raw[0], raw[1], outsider])
        // pg_upmap replaces the raw set, then the items apply to it.
        map.pgUpmap[pg] = [7, 8, raw[2]]
        #expect(PlacementMapper(map).mapping(for: pg).up == [7, 8, outsider])
        // A pg_upmap that names an out OSD makes _apply_upmap return at once: neither it nor
        // the items apply.
        map.pgUpmap[pg] = [7, 11, 3]
        #expect(PlacementMapper(map).mapping(for: pg).up == raw)
    }

    @Test("legacy placement seed: stable_mod(ps, pgp_num) + pool")
    func legacySeed() throws {
        var map = try Self.map()
        map.pools[1]!.flags = []
        map.pools[1]!.setPGPNum(12)
        let mapper = PlacementMapper(map)
        let rule = Int(map.crush.findRule(ruleset: 0, poolType: 1, size: 3)!)
        for seed in UInt32(0)..<16 {
            let x = cephStableMod(seed, 12, 15) + 1
            let expected = CrushMapper(map.crush).map(rule: rule, x: Int32(x), resultMax: 3, weights: map.osds.map(\.weight))
            #expect(mapper.mapping(for: PGID(pool: 1, seed: seed)).raw == expected)
        }
        #expect(map.pools[1]!.rawPGToPPS(PGID(pool: 1, seed: 13)) == 13 - 8 + 1)
    }

    @Test("objects: rjenkins of the name, or of namespace + 0x1f + name")
    func objects() throws {
        let map = try Self.map()
        let pool = map.pools[1]!
        #expect(pool.hashKey("obj-1") == 0x9b14_8003)
        #expect(pool.hashKey("obj-1", namespace: "ns") == ObjectHash.rjenkins(Array("ns\u{1f}obj-1".utf8)))
        #expect(map.pg(object: "obj-1", pool: 1) == PGID(pool: 1, seed: 0x9b14_8003 & 15))
        #expect(map.pg(object: "obj-1", pool: 9) == nil)
        var linux = pool
        linux.objectHash = 1
        #expect(linux.hashKey("abc") == ObjectHash.linux(Array("abc".utf8)))
        linux.objectHash = 7
        #expect(linux.hashKey("abc") == UInt32.max)
    }

    @Test("a rule whose type or size range does not fit the pool maps nothing")
    func ruleMismatch() throws {
        var map = try Self.map()
        map.pools[1]!.crushRule = 3  // an erasure rule for a replicated pool
        map.pools[2]!.size = 7  // beyond the erasure rule's max_size 6
        let mapper = PlacementMapper(map)
        #expect(mapper.mapping(for: PGID(pool: 1, seed: 0)) == PGMapping())
        #expect(mapper.mapping(for: PGID(pool: 2, seed: 0)) == PGMapping())
        #expect(mapper.mapping(for: PGID(pool: 5, seed: 0)) == PGMapping())
    }

    @Test("PG ids parse as sscanf(\"%llu.%x\") does")
    func pgIDs() {
        #expect(PGID(parsing: "1.1f") == PGID(pool: 1, seed: 0x1f))
        #expect(PGID(parsing: "3.0x10") == PGID(pool: 3, seed: 16))
        #expect(PGID(parsing: " 2.A trailing") == PGID(pool: 2, seed: 10))
        #expect(PGID(parsing: "1.") == nil)
        #expect(PGID(parsing: "x.1") == nil)
        #expect(PGID(parsing: "1") == nil)
        #expect(PGID(pool: 1, seed: 0x1ff).description == "1.1ff")
    }
}
