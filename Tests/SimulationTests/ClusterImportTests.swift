import CRUSH
import Foundation
import Placement
@testable import Simulation
import Testing

/// A scenario written from a saved Ceph 16.2.15 cluster (`Fixtures/import-pacific`: what
/// `collective live import` saved of the dev cluster, with osd.2 reweighted to 0.85 and osd.1's
/// primary affinity at 0.5) places every PG where that cluster had it (`pg-up.txt`, from its
/// `ceph pg dump` of the same moment).
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
    }

    @Test func whatTheMapsDoNotSayIsMarkedAndTheRestIsTheClusters() throws {
        let (yaml, scenario) = try Self.scenario()
        #expect(scenario.warnings.isEmpty, "\(scenario.warnings)")
        #expect(yaml.contains("cores: 4         # check: not in Ceph's maps"))
        #expect(yaml.contains("nic: 10Gbit/s    # check:"))
        #expect(scenario.fleet.hosts.map(\.name) == ["vm"])
        #expect(scenario.ceph.mons == ["vm"] && scenario.ceph.mgrs == ["vm"] && scenario.ceph.mds == ["vm"])
        #expect(scenario.fleet.hosts[0].ram.bytes == 24_684_096 * 1024)
        #expect(scenario.fleet.hosts[0].disks.map(\.size.bytes) == [2 << 30, 2 << 30, 2 << 30])
        let media = try #require(scenario.ceph.pools.first { $0.name == "cephfs_media" })
        #expect(media.kind == .erasure(k: 2, m: 1) && media.id == 14)
        #expect(scenario.ceph.pools.first { $0.name == "cephfs_metadata" }?.stored.bytes == 131_160)
        #expect(scenario.ceph.filesystems.map(\.dataPools) == [["cephfs_data", "cephfs_media"]])
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
}
