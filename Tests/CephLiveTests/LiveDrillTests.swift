#if Live
import CephLive
import Foundation
import Testing

/// `collective live drill` against the dev cluster (in the serialized suite: it stops an OSD).
extension LiveClusterTests {
    /// `-f json` of the drill, the parts the test reads.
    struct DrillOutput: Decodable {
        struct PG: Decodable { var pg: String; var predicted: String; var observed: String? }
        struct Drill: Decodable { var pgs: [PG]; var settled: Bool; var recovered: Bool? }
        var drill: Drill
        var agrees: Bool
        var predictedDegraded: [String]
        var observedDegraded: [String]
    }

    @Test("live drill: stopping osd.1, the predicted set of degraded PGs equals the observed set")
    func liveDrillStopOSD() throws {
        let rados = try LiveCluster.connect()
        let pool = "livetest-drill"
        try LiveCluster.dropPool(rados, pool)
        defer { try? LiveCluster.dropPool(rados, pool) }
        // Size 2 on three OSDs: only the PGs with a copy on osd.1 lose one, so the degraded set
        // is a strict subset. Objects in some PGs only: an empty PG is undersized, not degraded.
        try rados.createPool(PoolSpec(name: pool, redundancy: .replicated(size: 2, minSize: 1), pgNum: 16))
        try rados.enableApplication(pool, "rbd")
        let io = try rados.ioContext(pool: pool)
        for i in 0..<12 { try io.write(object: "drill-\(i)", Array("object \(i)".utf8)) }
        #expect(try LiveCluster.waitClean(rados))

        let dir = try LiveCluster.directory
        let script = LiveCluster.repository + "/scripts/ceph-dev-cluster"
        let run = try LiveCluster.cli([
            "drill", "--osd", "1", "--stop-cmd", "'\(script)' stop-osd 1 '\(dir)'",
            "--start-cmd", "'\(script)' start-osd 1 '\(dir)'", "--settle", "60", "--recovery", "90", "-f", "json",
        ])
        defer {
            // Leave the cluster as found even if the drill failed half way.
            _ = try? LiveCluster.devCluster(["start-osd", "1"])
            _ = try? LiveCluster.waitClean(rados)
        }
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        let output = try JSONDecoder().decode(DrillOutput.self, from: Data(run.stdout.utf8))
        #expect(output.drill.settled)
        #expect(output.drill.recovered == true)
        #expect(output.predictedDegraded == output.observedDegraded)
        #expect(output.agrees, "\(output.drill.pgs.filter { $0.predicted != $0.observed }.map { "\($0.pg): \($0.predicted) / \($0.observed ?? "-")" })")
        // Meaningful: some PGs degraded, not all (the size-2 pool's PGs without osd.1 stay clean).
        let poolID = try #require(try rados.poolID(pool))
        let drillPGs = output.drill.pgs.filter { $0.pg.hasPrefix("\(poolID).") }
        #expect(drillPGs.count == 16)
        #expect(!output.predictedDegraded.isEmpty)
        #expect(output.predictedDegraded.count < output.drill.pgs.count)
        #expect(drillPGs.contains { $0.observed == "active+clean" })
        #expect(try LiveCluster.waitClean(rados))
    }
}
#endif
