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
    @Test("live import: the scenario it writes places every PG where the cluster has it (reweight, primary affinity and upmaps included), and simulate runs it")
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
        // A size-2 pool with the balancer's kinds of exception: an item and a whole set.
        try LiveCluster.dropPool(rados, "livetest-upmap")
        try cephCLI(["osd", "set-require-min-compat-client", "luminous", "--yes-i-really-mean-it"])
        try cephCLI(["osd", "pool", "create", "livetest-upmap", "8", "8", "replicated"])
        try cephCLI(["osd", "pool", "set", "livetest-upmap", "size", "2"])
        defer {
            try? cephCLI(["osd", "reweight", "2", "1"])
            try? cephCLI(["osd", "primary-affinity", "1", "1"])
            try? LiveCluster.dropPool(rados, "livetest-upmap")
            _ = try? LiveCluster.waitClean(rados)
        }
        let pool = try #require(try rados.pools().first { $0.name == "livetest-upmap" }).id
        /// The PG's up set once it has the pool's two OSDs (a pool just made may still show
        /// another size for a moment; an upmap of the wrong size is dropped by the mons).
        func up(_ pg: String) throws -> [Int] {
            var set: [Int] = []
            for _ in 0..<40 {
                let run = try LiveCluster.run(ceph, ["-c", conf, "pg", "map", pg, "-f", "json"])
                set = (try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["up"] as? [Int] ?? []
                if set.count == 2 { break }
                Thread.sleep(forTimeInterval: 0.5)
            }
            try #require(set.count == 2, "\(pg): up \(set)")
            return set
        }
        let first = try up("\(pool).1")
        let spare = try #require([0, 1, 2].first { !first.contains($0) })
        try cephCLI(["osd", "pg-upmap-items", "\(pool).1", String(first[0]), String(spare)])
        // The set reversed: a pg-upmap equal to what CRUSH gives would be dropped by the mons.
        try cephCLI(["osd", "pg-upmap", "\(pool).2"] + (try up("\(pool).2")).reversed().map(String.init))

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
        #expect(imported.ceph.upmaps.contains { $0.pg == PGID(pool: pool, seed: 1) } && imported.ceph.upmaps.contains { $0.pg == PGID(pool: pool, seed: 2) })

        let simulate = try LiveCluster.run(LiveCluster.collective, ["simulate", path])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        #expect(simulate.stdout.contains("Scenario \(directory.lastPathComponent)"))
    }
}
#endif
