#if Live
import ArgumentParser
import Foundation
import CephLive
import Simulation

/// `collective live status`.
struct LiveStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Health, daemons, PG states and usage (like `ceph -s`).")

    @OptionGroup var options: LiveOptions

    func run() throws {
        let rados = try options.connect()
        let s = try ClusterStatus.read(rados)
        try LiveOutput.emit(s, options.format) {
            var lines = [
                "cluster \(s.fsid)",
                "health: \(s.health)" + (s.checks.isEmpty ? "" : " (" + s.checks.joined(separator: ", ") + ")"),
                "mon: \(s.monitors) daemons, \(s.quorum) in quorum",
                "mgr: " + (s.mgrAvailable ? "available" : "not available"),
                "mds: \(s.mdsActive) up:active",
                "osd: \(s.osds) osds: \(s.osdsUp) up, \(s.osdsIn) in; epoch \(s.osdMapEpoch)",
                "pools: \(s.pools) pools, \(s.pgs) pgs",
                "usage: \(ByteSize(bytes: s.bytesUsed)) used, \(ByteSize(bytes: s.bytesAvailable)) / \(ByteSize(bytes: s.bytesTotal)) avail",
            ]
            for state in s.pgStates.keys.sorted() { lines.append("pgs: \(s.pgStates[state]!) \(state)") }
            return lines.joined(separator: "\n")
        }
    }
}

/// `collective live import -o DIR`.
struct LiveImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Save the cluster's maps and statistics for the offline commands.",
        discussion: """
            Writes crush.bin (osd getcrushmap), osdmap.bin (osd getmap), osd-dump.json, pg-dump.json, \
            pg-dump-pools.json, osd-df.json, df.json, osd-, mon-, mgr- and mds-metadata.json, fs-ls.json and config-dump.json \
            into DIR, and scenario.yaml, a scenario of the cluster (as `collective scenario import DIR` \
            writes it). Then, offline: `collective simulate DIR/scenario.yaml`, \
            `collective report DIR/scenario.yaml`, `collective osdmap DIR/osdmap.bin --test-map-pgs` or \
            `collective osdmap DIR/osd-dump.json --crush DIR/crush.bin --test-map-pgs`.
            """)

    @OptionGroup var options: LiveOptions

    @Option(name: [.short, .customLong("output")], help: "Directory to write (created if missing).")
    var output: String

    func run() throws {
        let rados = try options.connect()
        var files = try ClusterSnapshot.write(rados, to: output)
        files.append(URL(fileURLWithPath: try ScenarioFile.writeImported(directory: output, name: nil, to: nil)).lastPathComponent)
        struct Written: Encodable { var directory: String; var files: [String] }
        try LiveOutput.emit(Written(directory: output, files: files), options.format) {
            files.map { "wrote \(output)/\($0)" }.joined(separator: "\n")
        }
    }
}

/// `collective live verify`.
struct LiveVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Compare every PG's up and acting set, and each pool's MAX AVAIL, with the cluster's.",
        discussion: """
            Decodes the cluster's OSD map (osd getmap), maps every PG of every pool with Placement, \
            and compares with `pg dump pgs_brief`; computes MAX AVAIL from `osd df` and compares it \
            with `ceph df` (within 1 %). A disagreement is read again for up to --settle seconds \
            (PGs peer after a map change). Exits 1 on any mismatch.
            """)

    @OptionGroup var options: LiveOptions

    @Option(help: "Seconds to wait for a settled cluster before reporting a mismatch.")
    var settle: Int = 15

    func run() throws {
        let rados = try options.connect()
        let v = try PlacementVerification.run(rados, settleSeconds: settle)
        try LiveOutput.emit(v, options.format) {
            var lines: [String] = []
            for m in v.mismatches {
                func list(_ l: [Int32]?, _ p: Int32?) -> String {
                    guard let l else { return "-" }
                    return "[" + l.map(String.init).joined(separator: ",") + "]p" + (p.map(String.init) ?? "?")
                }
                lines.append("mismatch \(m.pg): computed up \(list(m.computedUp, m.computedUpPrimary)) acting \(list(m.computedActing, m.computedActingPrimary)); reported up \(list(m.reportedUp, m.reportedUpPrimary)) acting \(list(m.reportedActing, m.reportedActingPrimary))" + (m.reportedState.map { " (\($0))" } ?? ""))
            }
            for p in v.pools {
                let reported = p.reportedMaxAvail.map(String.init) ?? "-"
                lines.append("pool \(p.id) '\(p.name)': \(p.matching)/\(p.pgs) pgs match; MAX AVAIL computed \(p.computedMaxAvail) reported \(reported) " + (p.maxAvailAgrees ? "(agree)" : "(DIFFER)"))
            }
            lines.append("osdmap epoch \(v.epoch): " + (v.agrees ? "placement and MAX AVAIL agree" : "MISMATCH") + " (\(v.attempts) reading\(v.attempts == 1 ? "" : "s"))")
            return lines.joined(separator: "\n")
        }
        if !v.agrees { throw ExitCode(1) }
    }
}
#endif
