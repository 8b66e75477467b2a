#if Live
import CephLive
import CollectiveTestSupport
import CRUSH
import Foundation
import Placement
import Simulation
import Testing

/// `collective live import` writes a scenario of the running cluster whose placement is the
/// cluster's own, and which the offline commands run.
extension LiveClusterTests {
    @Test("live import: the scenario it writes places every PG where the cluster has it (reweight and primary affinity included), and simulate runs it")
    func liveImportScenario() throws {
        let rados = try LiveCluster.connect()
        let ceph = try #require(Program.path("ceph"))
        let conf = try LiveCluster.confPath
        func cephCLI(_ arguments: [String]) throws {
            let run = try LiveCluster.run(ceph, ["-c", conf] + arguments)
            #expect(run.status == 0, "ceph \(arguments): \(run.stderr)")
        }
        try cephCLI(["osd", "reweight", "2", "0.85"])
        try cephCLI(["osd", "primary-affinity", "1", "0.5"])
        defer {
            try? cephCLI(["osd", "reweight", "2", "1"])
            try? cephCLI(["osd", "primary-affinity", "1", "1"])
            _ = try? LiveCluster.waitClean(rados)
        }

        // The PG dump lags the OSD map for a moment after a change: import again (for up to a
        // minute) while they differ. A scenario that places PGs elsewhere never agrees.
        let directory = try Program.temporaryDirectory("livetest-import")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("scenario.yaml").path
        var differing: [String] = ["not compared"]
        var compared = 0
        var scenario: Scenario?
        var clusterMap: OSDMap?
        for _ in 0..<60 where !differing.isEmpty {
            let run = try LiveCluster.cli(["import", "-o", directory.path])
            try #require(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("scenario.yaml"))
            clusterMap = try OSDMap(decoding: [UInt8](try Data(contentsOf: directory.appendingPathComponent("osdmap.bin"))))
            let pgDump = try JSONParser.parse(try String(contentsOf: directory.appendingPathComponent("pg-dump.json"), encoding: .utf8))
            let loaded = try Scenario(yaml: try String(contentsOfFile: path, encoding: .utf8), file: path) {
                FileManager.default.contents(atPath: $0).map { [UInt8]($0) }
            }
            scenario = loaded
            let mapper = PlacementMapper(loaded.initialOSDMap())
            guard case .array(let stats)? = pgDump["pg_map"]?["pg_stats"] else {
                Issue.record("pg dump: no pg_stats")
                return
            }
            differing = []
            compared = 0
            for entry in stats {
                guard case .string(let text)? = entry["pgid"], let pg = PGID(parsing: text) else { continue }
                let computed = mapper.mapping(for: pg)
                let up = PlacementVerification.ints(entry["up"])
                let upPrimary = PlacementVerification.int(entry["up_primary"])
                if up != computed.up || upPrimary != computed.upPrimary {
                    differing.append("\(text): cluster \(up ?? []) p\(upPrimary ?? -1), scenario \(computed.up) p\(computed.upPrimary)")
                }
                compared += 1
            }
            if !differing.isEmpty { Thread.sleep(forTimeInterval: 1) }
        }
        #expect(differing.isEmpty, "\(differing.prefix(10))")
        let imported = try #require(scenario)
        #expect(compared == imported.ceph.pools.reduce(0) { $0 + Int($1.pgNum) })
        // The override weight and the affinity as the cluster's map holds them (Ceph truncates
        // 0.85 to 16.16: 55705).
        let disks = imported.fleet.hosts.flatMap(\.disks)
        let osds = try #require(clusterMap?.osds)
        #expect(osds[2].weight < 0x10000 && disks.first { $0.osd == 2 }?.reweight == osds[2].weight)
        #expect(disks.first { $0.osd == 1 }?.primaryAffinity == 0x8000)

        let simulate = try LiveCluster.run(LiveCluster.collective, ["simulate", path])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.contains("Scenario \(directory.lastPathComponent)"))
    }
}
#endif
