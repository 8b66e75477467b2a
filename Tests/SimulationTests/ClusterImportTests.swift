import CRUSH
import Foundation
import Placement
@testable import Simulation
import Testing

/// A scenario written from a saved Ceph 16.2.15 cluster (`Fixtures/import-pacific`: what
/// `collective live import` saved of the dev cluster, set up as its README says: a reweight, a
/// primary affinity, both kinds of upmap, options in `ceph config`) places every PG where that
/// cluster had it (`pg-up.txt`, from its `ceph pg dump` of the same moment).
@Suite struct ClusterImportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/import-pacific")

    static func read(_ name: String) -> [UInt8]? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path).map { [UInt8]($0) }
    }

    static func scenario() throws -> (yaml: String, scenario: Scenario) {
        let yaml = try ClusterImport(read: read).scenarioYAML(name: "pacific")
        let file = directory.appendingPathComponent("scenario.yaml").path
        let scenario = try Scenario(yaml: yaml, file: file) { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        return (yaml, scenario)
    }

    @Test func theScenarioPlacesEveryPGWhereTheClusterHadIt() throws {
        let (_, scenario) = try Self.scenario()
        let mapper = PlacementMapper(scenario.initialOSDMap())
        let lines = String(decoding: try #require(Self.read("pg-up.txt")), as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("#") }
        var differing: [String] = []
        for line in lines {
            let fields = line.split(separator: " ")
            let pg = try #require(PGID(parsing: String(fields[0])))
            let up = fields[1].split(separator: ",").map { Int32($0)! }
            let computed = mapper.mapping(for: pg)
            if computed.up != up || computed.upPrimary != Int32(fields[2])! {
                differing.append("\(line) vs \(computed.up) p\(computed.upPrimary)")
            }
        }
        #expect(lines.count == scenario.ceph.pools.reduce(0) { $0 + Int($1.pgNum) })
        #expect(differing.isEmpty, "\(differing)")
        // What the cluster's own map says, carried over exactly.
        let map = try OSDMap(decoding: try #require(Self.read("osdmap.bin")))
        let initial = scenario.initialOSDMap()
        #expect(initial.osds.map(\.weight) == map.osds.map(\.weight))
        #expect(initial.osds.map(\.primaryAffinity) == map.osds.map(\.primaryAffinity))
        #expect(initial.sortedPools.map(\.name) == map.sortedPools.map(\.name))
        #expect(initial.sortedPools.map(\.pgNum) == map.sortedPools.map(\.pgNum))
        #expect(initial.sortedPools.map(\.crushRule) == map.sortedPools.map(\.crushRule))
        #expect(initial.pgUpmapItems == map.pgUpmapItems && !map.pgUpmapItems.isEmpty)
        #expect(initial.pgUpmap == map.pgUpmap && !map.pgUpmap.isEmpty)
    }

    @Test func whatTheMapsDoNotSayIsMarkedAndTheRestIsTheClusters() throws {
        let (yaml, scenario) = try Self.scenario()
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(yaml.contains("cores: 4         # check: not in Ceph's maps"))
        #expect(yaml.contains("nic: 10Gbit/s    # check:"))
        // The example events, uncommented, are a valid timeline for this cluster.
        let examples = yaml.split(separator: "\n").filter { $0.hasPrefix("#   - ") }.map { "  " + $0.dropFirst(4) }
        #expect(examples.count == 2)
        let rehearsal = yaml + "timeline:\n" + examples.joined(separator: "\n") + "\n"
        let file = Self.directory.appendingPathComponent("scenario.yaml").path
        let run = try Scenario(yaml: rehearsal, file: file) { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
        #expect(run.timeline.map(\.action) == [.failDisk(DiskReference(host: "vm", disk: "osd2", osd: 2)), .failHost("vm")])
        #expect(scenario.fleet.hosts.map(\.name) == ["vm"])
        #expect(scenario.ceph.mons == ["vm"] && scenario.ceph.mgrs == ["vm"] && scenario.ceph.mds == ["vm"])
        #expect(scenario.fleet.hosts[0].ram.bytes == 24_684_096 * 1024)
        #expect(scenario.fleet.hosts[0].disks.map(\.size.bytes) == [2 << 30, 2 << 30, 2 << 30])
        let media = try #require(scenario.ceph.pools.first { $0.name == "media" })
        #expect(media.kind == .erasure(k: 2, m: 1) && media.id == 4)
        #expect(scenario.ceph.pools.first { $0.name == "rbd" }?.stored.bytes == 9_000_019)
        #expect(scenario.ceph.filesystems.map(\.dataPools) == [["cephfs_data", "media"]])
        // The options the simulator reads, from `ceph config dump` and the OSD map's ratios.
        let config = scenario.ceph.config
        #expect(config.osdMaxBackfills == 3 && config.monOSDDownOutInterval == .seconds(900) && config.osdHeartbeatGrace == .seconds(30))
        #expect(config.nearfullRatio == 0.8 && config.fullRatio == 0.95)
    }

    /// Daemons report the host name `gethostname` gives, often the FQDN; CRUSH's host bucket
    /// has the short name. Both are one host, with its RAM and its daemons.
    @Test func fullyQualifiedHostNamesInTheMetadataMatchTheShortBucketNames() throws {
        let imported = try ClusterImport { name in
            guard let bytes = Self.read(name) else { return nil }
            guard name.hasSuffix("-metadata.json") else { return bytes }
            let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: #""hostname":"vm""#, with: #""hostname":"vm.lab.example""#)
            return Array(text.utf8)
        }
        let file = Self.directory.appendingPathComponent("scenario.yaml").path
        let scenario = try Scenario(yaml: imported.scenarioYAML(name: "fqdn"), file: file) {
            FileManager.default.contents(atPath: $0).map { [UInt8]($0) }
        }
        #expect(scenario.fleet.hosts.map(\.name) == ["vm"])
        #expect(scenario.ceph.mons == ["vm"] && scenario.ceph.mgrs == ["vm"] && scenario.ceph.mds == ["vm"])
        #expect(scenario.fleet.hosts[0].ram.bytes == 24_684_096 * 1024)
    }

    @Test func missingOrBrokenFilesAreNamed() {
        #expect(throws: ClusterImport.Failure.self) { try ClusterImport { _ in nil } }
        do {
            _ = try ClusterImport { $0 == "osdmap.bin" ? Self.read($0) : ($0 == "osd-df.json" ? Array("{\"nodes\": 3}".utf8) : nil) }
            Issue.record("a broken osd-df.json was taken")
        } catch {
            #expect(error.description.hasPrefix("osd-df.json: "))
        }
    }

    @Test func weightsAreWrittenExactlyAndNamesQuotedWhenNeeded() {
        for weight: UInt32 in [0, 1, 0x8000, 55705, 0xffff, 0x10000] {
            let text = ClusterImport.ratio(weight)
            #expect(UInt32((Double(text)! * 65536).rounded()) == weight, "\(text)")
        }
        #expect(ClusterImport.quoted("rbd-vms") == "rbd-vms")
        #expect(ClusterImport.quoted("yes") == "\"yes\"")
        #expect(ClusterImport.quoted("12") == "\"12\"")
        #expect(ClusterImport.quoted("a: b") == "\"a: b\"")
        #expect(ClusterImport.quoted("say \"hi\"\n") == #""say \"hi\"\n""#)
    }

    @Test func upmapsAreReadAndTheirProblemsPositioned() throws {
        let base = """
            fleet:
              hosts:
                - {name: a, role: drone, cores: 4, ram: 8GiB, nic: 1Gbit/s, disks: [{type: ssd, size: 1TB}, {type: ssd, size: 1TB}]}
                - {name: b, role: drone, cores: 4, ram: 8GiB, nic: 1Gbit/s, disks: [{type: ssd, size: 1TB}, {type: ssd, size: 1TB}]}
            ceph:
              mons: [a]
              mgrs: [a]
              pools:
                - {name: rbd, id: 3, size: 2, pg_num: 32, failure_domain: osd}

            """
        let good = try Scenario(yaml: base + """
              upmaps:
                - {pg: "3.1f", items: [[0, 2]]}
                - {pg: 3.10, osds: [3, 1]}
            """, file: "u.yaml")
        #expect(good.ceph.upmaps.map(\.pg.description) == ["3.1f", "3.10"])
        let expected = Upmap(pg: PGID(pool: 3, seed: 0x10), change: .osds([3, 1]))
        #expect(good.ceph.upmaps.last == expected)
        let map = good.initialOSDMap()
        #expect(map.pgUpmapItems[PGID(pool: 3, seed: 0x1f)] == [UpmapItem(from: 0, to: 2)])
        #expect(PlacementMapper(map).mapping(for: PGID(pool: 3, seed: 0x10)).up == [3, 1])
        do {
            _ = try Scenario(yaml: base + """
                  upmaps:
                    - {pg: "3.20", items: [[0, 2]]}
                    - {pg: "7.1", osds: [0]}
                    - {pg: "3.1", items: [[0, 9]]}
                    - {pg: "3.2", items: [[0, 1]], osds: [0, 1]}
                    - {pg: "x"}
                """, file: "u.yaml")
            Issue.record("bad upmaps were taken")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "u.yaml:11:12: ceph.upmaps[0].pg: pool rbd has 32 PGs: no PG 3.20",
                "u.yaml:12:12: ceph.upmaps[1].pg: no pool has id 7",
                "u.yaml:13:31: ceph.upmaps[2].items[0][1]: osd.9 is no disk of the fleet",
                "u.yaml:14:7: ceph.upmaps[3]: give items (pg-upmap-items) or osds (pg-upmap), not both",
                "u.yaml:15:7: ceph.upmaps[4]: missing required key \"items\" (pg-upmap-items pairs) or \"osds\" (pg-upmap)",
                "u.yaml:15:12: ceph.upmaps[4].pg: expected a PG id like 1.7f (pool id, a dot, the seed in hex), found \"x\"",
            ])
        }
    }
}
