import CRUSH
import Foundation
import Testing

@testable import Placement

/// Distribution analysis, cropped weights and map comparison, on maps made by osdmaptool
/// (`scripts/golden-balance`) with expectations from osdmaptool's own `--test-map-pgs-dump-all`
/// output or worked by hand.
@Suite("Placement analysis")
struct PlacementAnalysisTests {
    static let dir = Fixtures.root.appendingPathComponent("balance")

    static func map(_ name: String) throws -> OSDMap {
        try OSDMap(decoding: try Fixtures.data(dir.appendingPathComponent(name + ".osdmap")), crush: nil)
    }

    /// The up sets of `osdmaptool --test-map-pgs-dump-all` lines (`1.0 raw (…) up ([1,9,5], p1) acting (…)`).
    static func upSets(_ name: String) throws -> [PGID: [Int32]] {
        try upSetsAndPrimaries(name).mapValues(\.0)
    }

    /// The up sets with their primaries.
    static func upSetsAndPrimaries(_ name: String) throws -> [PGID: ([Int32], Int32)] {
        var sets: [PGID: ([Int32], Int32)] = [:]
        for line in try Fixtures.text(dir.appendingPathComponent(name + ".dump")).split(separator: "\n") {
            guard let pg = PGID(parsing: String(line.split(separator: " ")[0])), line.contains(" up (") else { continue }
            let afterUp = line.components(separatedBy: " up ([")[1]
            let list = afterUp.components(separatedBy: "]")[0]
            let primary = Int32(afterUp.components(separatedBy: "], p")[1].components(separatedBy: ")")[0])!
            sets[pg] = (list.isEmpty ? [] : list.split(separator: ",").map { Int32($0)! }, primary)
        }
        return sets
    }

    struct WaterFillCase: Sendable {
        var weights: [Double]
        var replicas: Int
        var shares: [Double]
        var usable: [Double]
    }

    static let waterFillCases: [WaterFillCase] = [
        // Queen 10 TiB + three 2 TiB drones, size 3: 3·10/16 > 1, so the Queen takes every PG once
        // and the drones share the other 2 shares by weight (2/3 each); the Queen can fill
        // 1 share at the drones' rate of 2/6 per TiB: 3 TiB.
        WaterFillCase(weights: [10, 2, 2, 2], replicas: 3, shares: [1, 2.0 / 3, 2.0 / 3, 2.0 / 3], usable: [3, 2, 2, 2]),
        // Three hosts, size 3: every host holds one shard of every PG; the smallest sets the pace.
        WaterFillCase(weights: [10, 2, 2], replicas: 3, shares: [1, 1, 1], usable: [2, 2, 2]),
        // 10, 4, 2: the 10 is capped, then the 4 (4·2/6 > 1); all three hold every PG.
        WaterFillCase(weights: [10, 4, 2], replicas: 3, shares: [1, 1, 1], usable: [2, 2, 2]),
        // Balanced: nothing cropped, shares 3/4.
        WaterFillCase(weights: [1, 1, 1, 1], replicas: 3, shares: [0.75, 0.75, 0.75, 0.75], usable: [1, 1, 1, 1]),
        // Size 2 over 5, 3, 2: 2·5/10 = 1 is not above 1, nothing cropped.
        WaterFillCase(weights: [5, 3, 2], replicas: 2, shares: [1, 0.6, 0.4], usable: [5, 3, 2]),
    ]

    @Test("water-filling, worked by hand", arguments: waterFillCases)
    func waterFill(_ c: WaterFillCase) {
        let fill = CroppedWeights.waterFill(c.weights, replicas: c.replicas)
        for i in c.weights.indices {
            #expect(abs(fill.shares[i] - c.shares[i]) < 1e-12)
            #expect(abs(fill.usable[i] - c.usable[i]) < 1e-12)
        }
    }

    @Test("cropped weight of a Queen with big disks in a size-3 pool over four hosts")
    func queenCropped() throws {
        let map = try Self.map("queen4")
        let placement = PoolPlacement.all(map)[0]
        let cropped = try #require(CroppedWeights(placement, crush: map.crush))
        #expect(cropped.domainType == "host")
        #expect(cropped.domains.map(\.name).sorted() == ["drone1", "drone2", "drone3", "queen"])
        let queen = try #require(cropped.domains.first { $0.name == "queen" })
        // Weight 10 (4 × 2.5); usable 3, as the hand-worked water-fill above; 7 TiB cropped.
        #expect(abs(queen.weight - 10) < 1e-6)
        #expect(abs(queen.usableWeight - 3) < 1e-6)
        #expect(abs(cropped.unusableWeight - 7) < 1e-6)
        for device in cropped.devices where device.osd < 4 {
            #expect(abs(device.usableWeight - 0.75) < 1e-6)
        }
        for device in cropped.devices where device.osd >= 4 {
            #expect(abs(device.usableWeight - device.weight) < 1e-9)
        }
    }

    @Test("shards and primaries per OSD and host equal osdmaptool's up sets", arguments: ["queen4", "hosts12", "mon12up"])
    func distribution(name: String) throws {
        let map = try Self.map(name)
        let analysis = DistributionAnalysis(map: map, placements: PoolPlacement.all(map))
        var shards: [Int32: Int] = [:]
        var primaries: [Int32: Int] = [:]
        for (_, (up, primary)) in try Self.upSetsAndPrimaries(name) {
            for osd in up where osd != crushItemNone { shards[osd, default: 0] += 1 }
            if primary >= 0 { primaries[primary, default: 0] += 1 }
        }
        for row in analysis.osds {
            #expect(row.shards == shards[row.id] ?? 0, "osd.\(row.id)")
            #expect(row.primaries == primaries[row.id] ?? 0, "osd.\(row.id)")
        }
        #expect(analysis.osds.reduce(0) { $0 + $1.shards } == shards.values.reduce(0, +))
        let hosts = try #require(analysis.groups.first { $0.type == "host" })
        #expect(hosts.rows.reduce(0) { $0 + $1.shards } == shards.values.reduce(0, +))
        // Expected shards sum to each pool's pg_num × size.
        let promised = map.pools.values.reduce(0.0) { $0 + Double(Int($1.pgNum) * Int($1.size)) }
        #expect(abs(analysis.osds.reduce(0.0) { $0 + $1.expected } - promised) < 1e-6)
    }

    @Test("expected shards and bytes, worked by hand on the Queen map")
    func queenExpected() throws {
        let map = try Self.map("queen4")
        let stored: UInt64 = 3 << 40
        let analysis = DistributionAnalysis(map: map, placements: PoolPlacement.all(map), storedBytes: [1: stored])
        let osd0 = try #require(analysis.osds.first { $0.id == 0 })
        let osd4 = try #require(analysis.osds.first { $0.id == 4 })
        // 320 PGs × 3 shards; weights 2.5 of 16 and 1 of 16; cropped 0.75 and 1 of 9.
        #expect(abs(osd0.expected - 960 * 2.5 / 16) < 1e-9)
        #expect(abs(osd4.expected - 960 * 1.0 / 16) < 1e-9)
        #expect(abs(osd0.expectedCropped - 960 * 0.75 / 9) < 1e-9)
        #expect(abs(osd4.expectedCropped - 960 * 1.0 / 9) < 1e-9)
        // Replicated: each shard holds stored / pg_num.
        // (Summed shard by shard: equal up to rounding.)
        let bytes = Double(osd4.shards) * Double(stored) / 320
        #expect(abs(try #require(osd4.bytes) - bytes) < bytes * 1e-12)
        let expectedBytes = osd4.expected * Double(stored) / 320
        #expect(abs(try #require(osd4.expectedBytes) - expectedBytes) < expectedBytes * 1e-12)
        #expect(analysis.text.contains("host queen: weight 10.0000, usable 3.0000"))
    }

    @Test("compare: the shards that move when an OSD is marked out, as osdmaptool's dumps say", arguments: ["queen4", "hosts12"])
    func compareMarkOut(name: String) throws {
        let before = try Self.map(name)
        let after = try Self.map(name + "-out")
        let comparison = MapComparison(before: before, after: after, storedBytes: [1: 1 << 30])
        let a = try Self.upSets(name)
        let b = try Self.upSets(name + "-out")
        var remapped = 0
        var moved = 0
        var into: [String: Int] = [:]
        var leaving: [String: Int] = [:]
        for (pg, up) in a {
            let other = try #require(b[pg])
            guard up != other else { continue }
            remapped += 1
            for osd in other where !up.contains(osd) {
                moved += 1
                into["osd.\(osd)", default: 0] += 1
            }
            for osd in up where !other.contains(osd) { leaving["osd.\(osd)", default: 0] += 1 }
        }
        #expect(comparison.pgs == a.count)
        #expect(comparison.pgsRemapped == remapped)
        #expect(comparison.shardsMoved == moved)
        #expect(moved > 0)
        var flowInto: [String: Int] = [:]
        var flowFrom: [String: Int] = [:]
        for flow in comparison.byOSD {
            flowInto[flow.to, default: 0] += flow.shards
            flowFrom[flow.from, default: 0] += flow.shards
        }
        #expect(flowInto == into)
        #expect(flowFrom == leaving)
        #expect(comparison.byHost.reduce(0) { $0 + $1.shards } == moved)
        let pgBytes = Double(1 << 30) / Double(before.pools[1]!.pgNum)
        #expect(abs(try #require(comparison.bytesMoved) - Double(moved) * pgBytes) < Double(moved) * pgBytes * 1e-12)
    }

    @Test("compare: a map with itself moves nothing")
    func compareSame() throws {
        let map = try Self.map("mon12up")
        let comparison = MapComparison(before: map, after: map)
        #expect(comparison.shardsMoved == 0 && comparison.pgsRemapped == 0 && comparison.byOSD.isEmpty)
        #expect(comparison.pgs == map.pools.values.reduce(0) { $0 + Int($1.pgNum) })
    }

    @Test("erasure pools move shards by position")
    func erasureMoves() {
        let none = crushItemNone
        #expect(MapComparison.moves([1, 2, 3], [1, 4, 3], positional: true).map { [$0.0, $0.1] } == [[2, 4]])
        #expect(MapComparison.moves([1, 2, 3], [2, 1, 3], positional: true).map { [$0.0, $0.1] } == [[1, 2], [2, 1]])
        #expect(MapComparison.moves([1, none, 3], [1, 5, 3], positional: true).map { [$0.0, $0.1] } == [[none, 5]])
        #expect(MapComparison.moves([1, 2, 3], [2, 1, 3], positional: false).isEmpty)
    }
}

/// The pieces the analysis reads: rule failure domains and pool sizes.
@Suite("Placement analysis inputs")
struct PlacementAnalysisInputTests {
    static func rule(_ steps: [RuleStep]) -> Rule {
        Rule(ruleset: 0, type: 1, minSize: 1, maxSize: 10, steps: [RuleStep(.take, -1)] + steps + [RuleStep(.emit)])
    }

    struct Domain: Equatable {
        var type: Int32
        var outer: [Int32]
    }

    static func domain(_ steps: [RuleStep]) -> Domain {
        let d = RuleFailureDomain(rule(steps))
        return Domain(type: d.type, outer: d.outerTypes)
    }

    @Test("failure domain and outer domains of a rule's choose steps")
    func failureDomains() {
        // chooseleaf over hosts: host.
        #expect(Self.domain([RuleStep(.chooseLeafFirstN, 0, 1)]) == Domain(type: 1, outer: []))
        // choose hosts, then one OSD in each: still host.
        #expect(Self.domain([RuleStep(.chooseFirstN, 0, 1), RuleStep(.chooseFirstN, 1, 0)]) == Domain(type: 1, outer: []))
        // two racks, two hosts in each: host, inside its rack.
        #expect(Self.domain([RuleStep(.chooseFirstN, 2, 2), RuleStep(.chooseLeafFirstN, 2, 1)]) == Domain(type: 1, outer: [2]))
        // two hosts, two OSDs in each (EC 2+2 on two hosts): osd, inside its host.
        #expect(Self.domain([RuleStep(.chooseIndep, 2, 1), RuleStep(.chooseIndep, 2, 0)]) == Domain(type: 0, outer: [1]))
        // OSDs straight from the root.
        #expect(Self.domain([RuleStep(.chooseFirstN, 0, 0)]) == Domain(type: 0, outer: []))
    }

    @Test("stored bytes from ceph df and from ceph pg dump pools")
    func storedBytes() throws {
        let df = #"{"stats":{},"pools":[{"name":"rbd","id":1,"stats":{"stored":1234,"objects":2}},{"name":"ec","id":3,"stats":{"stored":99}}]}"#
        #expect(try PoolStoredBytes.read(json: df) == [1: 1234, 3: 99])
        let dump = #"{"pg_ready":true,"pool_stats":[{"poolid":2,"num_pg":8,"stat_sum":{"num_bytes":4096,"num_objects":1},"store_stats":{}}]}"#
        #expect(try PoolStoredBytes.read(json: dump) == [2: 4096])
        #expect(throws: CapacityJSONError.self) { try PoolStoredBytes.read(json: #"{"pools":[{"id":1}]}"#) }
    }

    @Test("shard bytes: stored over pg_num, over k for erasure pools")
    func shardBytes() {
        let rep = Pool(id: 1, name: "r", kind: .replicated, size: 3, minSize: 2, crushRule: 0, pgNum: 64, pgpNum: 64)
        let ec = Pool(id: 2, name: "e", kind: .erasure, size: 6, minSize: 5, crushRule: 1, pgNum: 32, pgpNum: 32, erasureK: 4, erasureM: 2)
        #expect(rep.shardBytes(stored: 6400) == 100)
        #expect(ec.shardBytes(stored: 6400) == 50)
    }

    @Test("upmap commands round-trip and name the bad line")
    func commands() throws {
        let text = "ceph osd rm-pg-upmap-items 1.7\nceph osd pg-upmap-items 1.1f 3 4 5 6\nceph osd pg-upmap-items 2.0 0 9\n"
        let commands = try UpmapCommands(text: text)
        #expect(commands.text == text)
        #expect(commands.items[PGID(pool: 1, seed: 0x1f)] == [UpmapItem(from: 3, to: 4), UpmapItem(from: 5, to: 6)])
        #expect(throws: UpmapCommandError(line: 2, reason: "expected pairs of OSD ids after 1.2")) {
            try UpmapCommands(text: "\nceph osd pg-upmap-items 1.2 3\n")
        }
    }
}
