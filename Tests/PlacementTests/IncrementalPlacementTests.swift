import CRUSH
import Placement
import PropertyBased
import Testing
import CollectiveTestSupport

/// `IncrementalPlacement` against full recomputes: random maps (racks, hosts, device classes,
/// replicated and EC pools, upmaps, pg_temps, pg_num not a power of two, partial reweights
/// and affinities) go through random change sequences; after each change every PG's mapping
/// must equal `PlacementMapper`'s on the changed map (built here independently of the
/// incremental code), and the reported PGs must be exactly those whose up or acting side
/// differs between the full mappings before and after, with those mappings.
@Suite("incremental placement")
struct IncrementalPlacementTests {
    /// A CRUSH hierarchy the tests can edit: racks of hosts of (osd, weight, class).
    struct Layout {
        var racks: [[Host]]
        var stable: Int

        struct Host {
            var id: Int32
            var osds: [(id: Int32, weight: Int, ssd: Bool)]
            var alg: String
        }

        var osdCount: Int32 {
            racks.flatMap { $0 }.flatMap(\.osds).map { $0.id + 1 }.max() ?? 0
        }

        /// The text map: one replicated rule by host, one by host in class hdd, one by rack
        /// then host, one erasure by host, one erasure on ssd devices directly.
        func crush() throws -> CrushMap {
            var text = "tunable choose_total_tries 50\ntunable chooseleaf_descend_once 1\n"
                + "tunable chooseleaf_vary_r 1\ntunable chooseleaf_stable \(stable)\ntunable straw_calc_version 1\n"
            let devices = racks.flatMap { $0 }.flatMap(\.osds).sorted { $0.id < $1.id }
            for d in devices { text += "device \(d.id) osd.\(d.id) class \(d.ssd ? "ssd" : "hdd")\n" }
            text += "type 0 osd\ntype 1 host\ntype 2 rack\ntype 3 root\n"
            var rackLines = ""
            for (r, hosts) in racks.enumerated() {
                var hostLines = ""
                var rackWeight = 0
                for host in hosts {
                    let weight = host.osds.reduce(0) { $0 + $1.weight }
                    rackWeight += weight
                    text += "host h\(-host.id) {\n\tid \(host.id)\n\talg \(host.alg)\n\thash 0\n"
                        + host.osds.map { "\titem osd.\($0.id) weight \(Double($0.weight) / 1000)\n" }.joined() + "}\n"
                    hostLines += "\titem h\(-host.id) weight \(Double(weight) / 1000)\n"
                }
                text += "rack r\(r) {\n\tid \(-100 - r)\n\talg straw2\n\thash 0\n" + hostLines + "}\n"
                rackLines += "\titem r\(r) weight \(Double(rackWeight) / 1000)\n"
            }
            text += "root default {\n\tid -1\n\talg straw2\n\thash 0\n" + rackLines + "}\n"
            let rules = [
                ("replicated", "step take default\n\tstep chooseleaf firstn 0 type host"),
                ("replicated", "step take default class hdd\n\tstep chooseleaf firstn 0 type host"),
                ("replicated", "step take default\n\tstep choose firstn 0 type rack\n\tstep chooseleaf firstn 1 type host"),
                ("erasure", "step set_chooseleaf_tries 5\n\tstep set_choose_tries 100\n\tstep take default\n\tstep chooseleaf indep 0 type host"),
                ("erasure", "step take default class ssd\n\tstep choose indep 0 type osd"),
            ]
            for (i, rule) in rules.enumerated() {
                text += "rule r\(i) {\n\tid \(i)\n\ttype \(rule.0)\n\tmin_size 1\n\tmax_size 10\n\t\(rule.1)\n\tstep emit\n}\n"
            }
            return try CrushMap(text: text)
        }
    }

    struct Random {
        var mix: SplitMix64
        init(_ seed: UInt64) { mix = SplitMix64(seed: seed) }
        mutating func int(_ n: Int) -> Int { Int(mix.next() % UInt64(n)) }
        mutating func chance(_ n: Int) -> Bool { int(n) == 0 }
    }

    static func layout(_ rng: inout Random) -> Layout {
        var osd: Int32 = 0
        var hostID: Int32 = -2
        var racks: [[Layout.Host]] = []
        for _ in 0..<(1 + rng.int(3)) {
            var hosts: [Layout.Host] = []
            for _ in 0..<(1 + rng.int(3)) {
                var osds: [(id: Int32, weight: Int, ssd: Bool)] = []
                for _ in 0..<(1 + rng.int(4)) {
                    osds.append((osd, rng.chance(8) ? 0 : 1 + rng.int(4000), osd == 0 || rng.chance(2)))
                    osd += 1
                }
                hosts.append(Layout.Host(id: hostID, osds: osds, alg: ["straw2", "straw2", "straw", "list"][rng.int(4)]))
                hostID -= 1
            }
            racks.append(hosts)
        }
        return Layout(racks: racks, stable: rng.int(2))
    }

    static func map(_ layout: Layout, _ rng: inout Random) throws -> OSDMap {
        let count = Int(layout.osdCount) + rng.int(2)  // sometimes a slot CRUSH does not hold
        var osds: [OSD] = []
        for _ in 0..<count {
            var state: OSDState = rng.chance(12) ? [] : [.exists]
            if !rng.chance(6) { state.insert(.up) }
            let weight: UInt32 = rng.chance(8) ? 0 : rng.chance(5) ? UInt32(1 + rng.int(0x10000)) : OSD.weightIn
            let affinity: UInt32 = rng.chance(6) ? UInt32(rng.int(0x10001)) : OSD.defaultPrimaryAffinity
            osds.append(OSD(state: state, weight: weight, primaryAffinity: affinity))
        }
        var pools: [Int64: Pool] = [:]
        for id in Int64(1)...Int64(1 + rng.int(3)) {
            let erasure = rng.chance(3)
            let pgNum = UInt32(1 + rng.int(40))
            pools[id] = Pool(
                id: id, name: "p\(id)", kind: erasure ? .erasure : .replicated,
                size: UInt8(erasure ? 2 + rng.int(4) : 1 + rng.int(4)), minSize: 1,
                crushRule: Int32(erasure ? 3 + rng.int(2) : rng.int(3)), pgNum: pgNum,
                pgpNum: UInt32(1 + rng.int(Int(pgNum))), flags: rng.chance(4) ? [] : .hashPSPool)
        }
        var map = OSDMap(poolMax: Int32(pools.count), pools: pools, osds: osds, crush: try layout.crush())
        for _ in 0..<rng.int(4) {
            let pg = randomPG(map, &rng)
            map.pgUpmapItems[pg] = [UpmapItem(from: Int32(rng.int(count)), to: Int32(rng.int(count)))]
        }
        if rng.chance(3) {
            let pg = randomPG(map, &rng)
            map.pgUpmap[pg] = (0..<Int(map.pools[pg.pool]!.size)).map { _ in Int32(rng.int(count)) }
        }
        if rng.chance(3) {
            let pg = randomPG(map, &rng)
            map.pgTemp[pg] = [Int32(rng.int(count)), Int32(rng.int(count))]
            if rng.chance(2) { map.primaryTemp[pg] = Int32(rng.int(count)) }
        }
        return map
    }

    static func randomPG(_ map: OSDMap, _ rng: inout Random) -> PGID {
        let pool = map.sortedPools[rng.int(map.pools.count)]
        return PGID(pool: pool.id, seed: UInt32(rng.int(Int(pool.pgNum))))
    }

    /// A random change, and the reference map: `map` with that change made here, by hand.
    static func change(
        _ map: OSDMap, _ layout: inout Layout, _ rng: inout Random
    ) throws -> (OSDMapChange, OSDMap) {
        var ref = map
        let osd = Int32(rng.int(map.osds.count))
        switch rng.int(15) {
        case 0:
            ref.osds[Int(osd)].state.remove(.up)
            return (.markDown(osd), ref)
        case 1:
            ref.osds[Int(osd)].state.insert(.up)
            return (.markUp(osd), ref)
        case 2, 3:
            ref.osds[Int(osd)].weight = 0
            return (.markOut(osd), ref)
        case 4:
            ref.osds[Int(osd)].weight = OSD.weightIn
            ref.osds[Int(osd)].state.insert(.exists)
            return (.markIn(osd), ref)
        case 5, 6:
            let w = rng.chance(3) ? 0 : UInt32(1 + rng.int(0x10000))
            ref.osds[Int(osd)].weight = w
            if w != 0 { ref.osds[Int(osd)].state.insert(.exists) }
            return (.reweight(osd, w), ref)
        case 7:
            let a = UInt32(rng.int(0x10001))
            ref.osds[Int(osd)].primaryAffinity = a
            return (.primaryAffinity(osd, a), ref)
        case 8:
            let w = UInt32(rng.int(0x40000))
            ref.crush.adjustItemWeight(osd, to: w)
            return (.crushWeight(osd, w), ref)
        case 9:
            // A host added: new OSD slots first, or the host's devices still past max_osd.
            let first = max(layout.osdCount, Int32(map.osds.count))
            let n = 1 + rng.int(3)
            let hostID = (layout.racks.flatMap { $0 }.map(\.id).min() ?? -1) - 1
            let host = Layout.Host(
                id: hostID, osds: (0..<n).map { (first + Int32($0), 1 + rng.int(4000), rng.chance(2)) }, alg: "straw2")
            layout.racks[rng.int(layout.racks.count)].append(host)
            if rng.chance(3) {
                let slots = Int(first) + n - map.osds.count
                let added = (0..<slots).map { _ in OSD(state: [.exists, .up], weight: OSD.weightIn) }
                ref.osds += added
                return (.addOSDs(added), ref)
            }
            ref.crush = try layout.crush()
            return (.crushMap(ref.crush), ref)
        case 10:
            // A host removed (not the last one of its rack).
            guard let r = layout.racks.indices.filter({ layout.racks[$0].count > 1 }).first else {
                return (.markDown(osd), { var m = ref; m.osds[Int(osd)].state.remove(.up); return m }())
            }
            layout.racks[r].remove(at: rng.int(layout.racks[r].count))
            ref.crush = try layout.crush()
            return (.crushMap(ref.crush), ref)
        case 11:
            let pool = map.sortedPools[rng.int(map.pools.count)]
            let n = UInt32(1 + rng.int(48))
            ref.pools[pool.id]!.setPGNum(n)
            return (.pgNum(pool: pool.id, n), ref)
        case 12:
            let pool = map.sortedPools[rng.int(map.pools.count)]
            let n = UInt32(1 + rng.int(Int(pool.pgNum)))
            ref.pools[pool.id]!.setPGPNum(n)
            return (.pgpNum(pool: pool.id, n), ref)
        case 13:
            let pool = map.sortedPools[rng.int(map.pools.count)]
            let size = UInt8(1 + rng.int(pool.kind == .erasure ? 6 : 4))
            ref.pools[pool.id]!.size = size
            return (.poolSize(pool: pool.id, size), ref)
        default:
            let pg = randomPG(map, &rng)
            if rng.chance(3) {
                ref.pgUpmapItems[pg] = nil
                return (.removeUpmapItems(pg), ref)
            }
            let items = (0..<(1 + rng.int(2))).map { _ in
                UpmapItem(from: Int32(rng.int(map.osds.count)), to: Int32(rng.int(map.osds.count + 1)))
            }
            ref.pgUpmapItems[pg] = items
            return (.setUpmapItems(pg, items), ref)
        }
    }

    /// Every PG of `map`, mapped from scratch.
    static func fullMappings(_ map: OSDMap) -> [PGID: PGMapping] {
        let mapper = PlacementMapper(map)
        var result: [PGID: PGMapping] = [:]
        for pool in map.pools.values {
            for seed in 0..<pool.pgNum {
                let pg = PGID(pool: pool.id, seed: seed)
                result[pg] = mapper.mapping(for: pg)
            }
        }
        return result
    }

    static func sameSide(_ a: PGMapping, _ b: PGMapping) -> Bool {
        a.up == b.up && a.upPrimary == b.upPrimary && a.acting == b.acting && a.actingPrimary == b.actingPrimary
    }

    /// Runs `steps` random changes on the random map of `seed`, checking after each.
    static func check(seed: UInt64, steps: Int) throws {
        var rng = Random(seed)
        var layout = layout(&rng)
        var reference = try map(layout, &rng)
        let incremental = try IncrementalPlacement(reference)
        var expected = fullMappings(reference)
        for pg in expected.keys { #expect(incremental.mapping(of: pg) == expected[pg], "seed \(seed): initial \(pg)") }
        for step in 0..<steps {
            let (change, changed) = try change(reference, &layout, &rng)
            let report = try incremental.apply(change)
            reference = changed
            #expect(incremental.map == reference, "seed \(seed) step \(step): \(change) map")
            let now = fullMappings(reference)
            var mismatches = 0
            for (pg, mapping) in now where incremental.mapping(of: pg) != mapping {
                mismatches += 1
                if mismatches <= 3 {
                    Issue.record("seed \(seed) step \(step) \(change): \(pg) \(incremental.mapping(of: pg)) != \(mapping)")
                }
            }
            #expect(mismatches == 0, "seed \(seed) step \(step): \(change)")
            let moved = Set(expected.keys).union(now.keys).filter { pg in
                guard let a = expected[pg], let b = now[pg] else { return true }
                return !sameSide(a, b)
            }.sorted()
            #expect(report.pgs == moved, "seed \(seed) step \(step): \(change) reported")
            for i in 0..<report.count where report.pgs == moved {
                let pg = report.pgs[i]
                #expect(report.old(i) == (expected[pg] ?? PGMapping()), "seed \(seed) step \(step): old \(pg)")
                #expect(report.new(i) == (now[pg] ?? PGMapping()), "seed \(seed) step \(step): new \(pg)")
            }
            expected = now
        }
    }

    @Test("random maps and change sequences equal full recomputes")
    func randomSequences() async {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            try Self.check(seed: seed, steps: 30)
        }
    }
}

/// How much work a change costs: the PGs looked at and those run through CRUSH again, checked
/// against counts taken from full mappings.
@Suite("incremental placement scope")
struct IncrementalPlacementScopeTests {
    /// Two roots, `fast` (hosts f0…f3) and `slow` (hosts s0…s3), four OSDs per host; pool 1
    /// replicated size 3 on fast, pool 2 replicated size 2 on slow; 100 and 60 PGs.
    static func map() throws -> OSDMap {
        var text = "tunable choose_total_tries 50\ntunable chooseleaf_descend_once 1\n"
            + "tunable chooseleaf_vary_r 1\ntunable chooseleaf_stable 1\ntunable straw_calc_version 1\n"
        for i in 0..<32 { text += "device \(i) osd.\(i)\n" }
        text += "type 0 osd\ntype 1 host\ntype 2 root\n"
        var id = -3
        var rules = ""
        for (r, root) in ["fast", "slow"].enumerated() {
            var items = ""
            for h in 0..<4 {
                let first = r * 16 + h * 4
                text += "host \(root.prefix(1))\(h) {\n\tid \(id)\n\talg straw2\n\thash 0\n"
                    + (first..<(first + 4)).map { "\titem osd.\($0) weight 1.0\n" }.joined() + "}\n"
                items += "\titem \(root.prefix(1))\(h) weight 4.0\n"
                id -= 1
            }
            text += "root \(root) {\n\tid \(-1 - r)\n\talg straw2\n\thash 0\n" + items + "}\n"
            rules += "rule \(root) {\n\tid \(r)\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n"
                + "\tstep take \(root)\n\tstep chooseleaf firstn 0 type host\n\tstep emit\n}\n"
        }
        text += rules
        return OSDMap(
            pools: [
                1: Pool(id: 1, name: "fast", kind: .replicated, size: 3, minSize: 2, crushRule: 0, pgNum: 100, pgpNum: 100),
                2: Pool(id: 2, name: "slow", kind: .replicated, size: 2, minSize: 1, crushRule: 1, pgNum: 60, pgpNum: 60),
            ],
            osds: Array(repeating: OSD(state: [.exists, .up], weight: OSD.weightIn), count: 32),
            crush: try CrushMap(text: text))
    }

    /// The PGs whose raw set holds `osd`, from a full pass.
    static func holding(_ osd: Int32, _ map: OSDMap) -> Int {
        let mapper = PlacementMapper(map)
        return map.sortedPools.reduce(0) { count, pool in
            count + (0..<pool.pgNum).filter { mapper.mapping(for: PGID(pool: pool.id, seed: $0)).raw.contains(osd) }.count
        }
    }

    @Test("an OSD going down looks at the PGs holding it and runs none through CRUSH")
    func down() throws {
        let map = try Self.map()
        let placement = try IncrementalPlacement(map)
        try placement.apply(.markDown(5))
        #expect(placement.lastExamined == Self.holding(5, map))
        #expect(placement.lastRecomputed == 0)
        #expect(placement.changes.count == Self.holding(5, map))
    }

    @Test("an OSD going out remaps the PGs holding it; coming back in, the PGs that rejected it")
    func outAndIn() throws {
        let map = try Self.map()
        let placement = try IncrementalPlacement(map)
        let holders = Self.holding(20, map)
        try placement.apply(.markOut(20))
        #expect(placement.lastRecomputed == holders)
        #expect(placement.changes.count == holders)
        try placement.apply(.markIn(20))
        // Every PG that lost osd.20 rejected it on its way to the replacement.
        #expect(placement.lastRecomputed == holders)
        #expect(placement.changes.count == holders)
        #expect(placement.map == map)
    }

    @Test("a CRUSH weight change under one root remaps only the pool on that root")
    func crushWeight() throws {
        let placement = try IncrementalPlacement(try Self.map())
        try placement.apply(.crushWeight(3, 0x8000))
        #expect(placement.lastExamined == 100)
        #expect(placement.changes.pgs.allSatisfy { $0.pool == 1 })
        try placement.apply(.crushWeight(17, 0x20000))
        #expect(placement.lastExamined == 60)
        #expect(placement.changes.pgs.allSatisfy { $0.pool == 2 })
    }

    @Test("changes naming what the map lacks are refused and change nothing")
    func refused() throws {
        let map = try Self.map()
        let placement = try IncrementalPlacement(map)
        #expect(throws: IncrementalPlacementError.noSuchOSD(32, maxOSD: 32)) { try placement.apply(.markOut(32)) }
        #expect(throws: IncrementalPlacementError.noSuchPool(3)) { try placement.apply(.pgNum(pool: 3, 8)) }
        #expect(throws: IncrementalPlacementError.noSuchPG(PGID(pool: 2, seed: 60), pgNum: 60)) {
            try placement.apply(.setUpmapItems(PGID(pool: 2, seed: 60), [UpmapItem(from: 1, to: 2)]))
        }
        #expect(throws: IncrementalPlacementError.valueOutOfRange("reweight", value: 0x10001, range: 0...0x10000)) {
            try placement.apply(.reweight(1, 0x10001))
        }
        #expect(placement.map == map)
    }
}
