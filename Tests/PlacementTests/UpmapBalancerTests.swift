import CRUSH
import Foundation
import Testing

@testable import Placement
import CollectiveTestSupport

/// The upmap balancer: failure-domain safety on random maps, the deviation it reaches, and its
/// cost next to `osdmaptool --upmap`'s commands (golden files of `scripts/golden-balance`).
@Suite("Upmap balancer")
struct UpmapBalancerTests {
    /// A random cluster: hosts of 1–4 OSDs of random weights and classes (the first OSD of a host
    /// is hdd, the second ssd), split over two racks; some OSDs out, one maybe down. Pools: 1 replicated size 3
    /// over hosts, 2 erasure (size 3 or 4) over hosts of class hdd, 3 replicated size 4 as
    /// 2 racks × 2 hosts, 4 replicated size 3 with an ssd first and hdd replicas (two takes).
    struct RandomCluster {
        var map: OSDMap
        /// Host and rack of each OSD, from the generator (not from the map).
        var host: [Int32: Int]
        var rack: [Int32: Int]
        var hdd: Set<Int32>

        init(seed: UInt64, equal: Bool = false) throws {
            var rng = SplitMix64(seed: seed)
            let hosts = equal ? 6 : 4 + Int(rng.next() % 5)
            var text = "tunable choose_total_tries 50\ntunable chooseleaf_descend_once 1\ntunable chooseleaf_vary_r 1\n"
                + "tunable chooseleaf_stable 1\ntunable straw_calc_version 1\ntunable allowed_bucket_algs 54\n"
            var devices = ""
            var buckets = ""
            var host: [Int32: Int] = [:]
            var rack: [Int32: Int] = [:]
            var hdd: Set<Int32> = []
            var osd: Int32 = 0
            var hostWeights: [Double] = []
            for h in 0..<hosts {
                let count = equal ? 3 : (h == 0 ? 2 : 1) + Int(rng.next() % 3)
                var items = ""
                var sum = 0.0
                for i in 0..<count {
                    let weight = equal ? 1.0 : Double(1 + rng.next() % 8) / 2
                    let isHDD = i == 0 || (i != 1 && rng.next() % 3 != 0)
                    devices += "device \(osd) osd.\(osd) class \(isHDD ? "hdd" : "ssd")\n"
                    if isHDD { hdd.insert(osd) }
                    items += "\titem osd.\(osd) weight \(DecimalFormat.fixed(weight, decimals: 3))\n"
                    sum += weight
                    host[osd] = h
                    rack[osd] = h % 2
                    osd += 1
                }
                hostWeights.append(sum)
                buckets += "host h\(h) {\n\tid \(-2 - h)\n\talg straw2\n\thash 0\n\(items)}\n"
            }
            for r in 0..<2 {
                var items = ""
                var sum = 0.0
                for h in stride(from: r, to: hosts, by: 2) {
                    items += "\titem h\(h) weight \(DecimalFormat.fixed(hostWeights[h], decimals: 3))\n"
                    sum += hostWeights[h]
                }
                buckets += "rack r\(r) {\n\tid \(-20 - r)\n\talg straw2\n\thash 0\n\(items)}\n"
                hostWeights.append(sum)
            }
            buckets += "root default {\n\tid -1\n\talg straw2\n\thash 0\n"
                + "\titem r0 weight \(DecimalFormat.fixed(hostWeights[hosts], decimals: 3))\n"
                + "\titem r1 weight \(DecimalFormat.fixed(hostWeights[hosts + 1], decimals: 3))\n}\n"
            text += devices + "type 0 osd\ntype 1 host\ntype 2 rack\ntype 11 root\n" + buckets
            text += """
                rule rep {\n\tid 0\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n\tstep take default\n\tstep chooseleaf firstn 0 type host\n\tstep emit\n}
                rule ec {\n\tid 1\n\ttype erasure\n\tmin_size 1\n\tmax_size 10\n\tstep set_chooseleaf_tries 5\n\tstep set_choose_tries 100\n\tstep take default class hdd\n\tstep chooseleaf indep 0 type host\n\tstep emit\n}
                rule racks {\n\tid 2\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n\tstep take default\n\tstep choose firstn 2 type rack\n\tstep chooseleaf firstn 2 type host\n\tstep emit\n}
                rule ssdprimary {\n\tid 3\n\ttype replicated\n\tmin_size 1\n\tmax_size 10\n\tstep take default class ssd\n\tstep chooseleaf firstn 1 type host\n\tstep emit\n\tstep take default class hdd\n\tstep chooseleaf firstn -1 type host\n\tstep emit\n}\n
                """
            let crush = try CrushMap(text: text)
            var osds: [OSD] = []
            for i in 0..<Int(osd) {
                let out = !equal && rng.next() % 10 == 0
                osds.append(OSD(state: [.exists, .up], weight: out ? 0 : OSD.weightIn))
            }
            if !equal && rng.next() % 2 == 0 { osds[Int(rng.next() % UInt64(osd))].state = [.exists] }
            let pgs = UInt32(32 << (rng.next() % 3))
            let ecSize = UInt8(3 + rng.next() % 2)
            var pools: [Int64: Pool] = [1: Pool(id: 1, name: "rep", kind: .replicated, size: 3, minSize: 2, crushRule: 0, pgNum: pgs * 2, pgpNum: pgs * 2)]
            if !equal {
                pools[2] = Pool(id: 2, name: "ec", kind: .erasure, size: ecSize, minSize: 2, crushRule: 1, pgNum: pgs, pgpNum: pgs,
                                erasureK: Int(ecSize) - 1, erasureM: 1)
                pools[3] = Pool(id: 3, name: "racks", kind: .replicated, size: 4, minSize: 2, crushRule: 2, pgNum: pgs, pgpNum: pgs)
                pools[4] = Pool(id: 4, name: "ssdprimary", kind: .replicated, size: 3, minSize: 2, crushRule: 3, pgNum: pgs, pgpNum: pgs)
            }
            map = OSDMap(poolMax: 3, pools: pools, osds: osds, crush: crush)
            self.host = host
            self.rack = rack
            self.hdd = hdd
        }
    }

    @Test("every proposed PG keeps one shard per host, its class, and its racks", arguments: Array(UInt64(1)...24))
    func failureDomainsKept(seed: UInt64) throws {
        let cluster = try RandomCluster(seed: seed)
        let map = cluster.map
        let result = UpmapBalancer(maxDeviation: 1 + Int(seed % 3), maxChanges: 1000).balance(map)
        let balanced = result.commands.applied(to: map)
        let before = PlacementMapper(map)
        let after = PlacementMapper(balanced)
        for pg in result.commands.items.keys.sorted() {
            let old = before.mapping(for: pg).up
            let new = after.mapping(for: pg).up
            #expect(old.count == new.count, "\(pg)")
            // Shards keep their positions; each replaced one lands on a host no other shard uses.
            for i in new.indices where new[i] != old[i] {
                let others = new.indices.filter { $0 != i }.map { cluster.host[new[$0]]! }
                #expect(!others.contains(cluster.host[new[i]]!), "\(pg) \(new): two shards on one host")
                // An ssd-primary PG keeps ssd for ssd and hdd for hdd.
                if pg.pool == 4 { #expect(cluster.hdd.contains(new[i]) == cluster.hdd.contains(old[i]), "\(pg) \(old) -> \(new)") }
            }
            if pg.pool != 4 {
                let hosts = new.map { cluster.host[$0]! }
                #expect(Set(hosts).count == hosts.count, "\(pg) \(new): two shards on one host")
            }
            for osd in new where !old.contains(osd) {
                #expect(map.isUp(osd) && map.isIn(osd), "\(pg): osd.\(osd) is down or out")
                if pg.pool == 2 { #expect(cluster.hdd.contains(osd), "\(pg): osd.\(osd) is not hdd") }
            }
            if pg.pool == 3 {
                #expect(old.map { cluster.rack[$0]! }.sorted() == new.map { cluster.rack[$0]! }.sorted(), "\(pg): racks changed")
            }
            if pg.pool == 2 {
                // Erasure shards keep their positions: only replaced positions change.
                #expect(zip(old, new).filter { $0 != $1 }.count == Set(new).subtracting(old).count, "\(pg)")
            }
        }
        // The balancer's own bookkeeping agrees with a full remap.
        #expect(result.shardsMoved == MapComparison(before: map, after: balanced).shardsMoved)
        for (b, a) in zip(result.before, result.after) {
            #expect(a.standardDeviation <= b.standardDeviation + 1e-9, "pool \(a.pool)")
        }
    }

    @Test("reaches the deviation on maps that allow it", arguments: Array(UInt64(100)...107))
    func deviationReached(seed: UInt64) throws {
        let map = try RandomCluster(seed: seed, equal: true).map
        for maxDeviation in [1, 2] {
            let result = UpmapBalancer(maxDeviation: maxDeviation, maxChanges: 10_000).balance(map)
            let after = try #require(result.after.first)
            #expect(after.maxDeviation <= Double(maxDeviation), "max deviation \(maxDeviation)")
        }
    }

    @Test("--max bounds the PGs changed")
    func maxChanges() throws {
        let map = try RandomCluster(seed: 7).map
        let result = UpmapBalancer(maxDeviation: 1, maxChanges: 3).balance(map)
        #expect(result.commands.items.count <= 3)
    }

    @Test("existing items are rewritten or dropped, never stacked")
    func composesWithExistingItems() throws {
        let map = try RandomCluster(seed: 11, equal: true).map
        let first = UpmapBalancer(maxDeviation: 1, maxChanges: 10_000).balance(map)
        let balanced = first.commands.applied(to: map)
        // Re-balancing a balanced map proposes nothing; balancing back towards a different
        // target composes with the items already there.
        #expect(UpmapBalancer(maxDeviation: 1, maxChanges: 10_000).balance(balanced).commands.items.isEmpty)
        var skewed = balanced
        skewed.osds[0].weight = OSD.weightIn / 2
        let second = UpmapBalancer(maxDeviation: 1, maxChanges: 10_000).balance(skewed)
        for (pg, items) in second.commands.items {
            #expect(Set(items.map(\.from)).count == items.count, "\(pg) \(items)")
            #expect(Set(items.map(\.to)).isDisjoint(with: items.map(\.from)), "\(pg) \(items)")
        }
        #expect(second.shardsMoved == MapComparison(before: skewed, after: second.commands.applied(to: skewed)).shardsMoved)
    }

    @Test("next to osdmaptool --upmap on the same maps", arguments: ["queen4", "hosts12", "mon12up"])
    func againstOSDMapTool(name: String) throws {
        let map = try PlacementAnalysisTests.map(name)
        let golden = try Fixtures.text(PlacementAnalysisTests.dir.appendingPathComponent(name + ".upmap"))
        let theirs = try UpmapCommands(text: golden)
        // The command file format is osdmaptool's, line for line.
        #expect(theirs.text == golden)
        // Applied here, the commands map PGs as the map osdmaptool saved with them does.
        let saved = try PlacementAnalysisTests.upSetsAndPrimaries(name + "-upmap")
        let applied = PlacementMapper(theirs.applied(to: map))
        #expect(saved.count == map.pools.values.reduce(0) { $0 + Int($1.pgNum) })
        for (pg, (up, primary)) in saved {
            let m = applied.mapping(for: pg)
            #expect(m.up == up && m.upPrimary == primary, "\(pg)")
        }
        let balancer = UpmapBalancer(maxDeviation: 1, maxChanges: 1000)
        let ours = balancer.balance(map)
        let measured = balancer.evaluate(theirs, on: map)
        #expect(!theirs.items.isEmpty && !ours.commands.items.isEmpty)
        // Both keep every shard of a PG on its own failure domain.
        let ancestry = CrushAncestry(map.crush)
        for commands in [theirs, ours.commands] {
            let mapper = PlacementMapper(commands.applied(to: map))
            for pg in commands.items.keys {
                let pool = map.pools[pg.pool]!
                let rule = try #require(map.crush.findRule(ruleset: pool.crushRule, poolType: pool.kind.code, size: Int(pool.size)))
                let domain = RuleFailureDomain(map.crush.rules[Int(rule)]!)
                let up = mapper.mapping(for: pg).up
                let domains = up.map { ancestry.ancestor(of: $0, type: domain.type) }
                #expect(Set(domains).count == up.count, "\(pg) \(up)")
            }
        }
        // Ours gets every pool within the deviation or at least as close as osdmaptool's.
        for (mine, other) in zip(ours.after, measured.after) {
            #expect(mine.maxDeviation <= max(1, other.maxDeviation) + 1e-9, "pool \(mine.pool)")
        }
    }
}
