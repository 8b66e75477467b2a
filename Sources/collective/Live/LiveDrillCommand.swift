#if Live
import ArgumentParser
import CRUSH
import CephLive
import Foundation

/// `collective live drill`: predict what losing an OSD does to every PG, make it happen with
/// the user's command, observe, compare, and bring the OSD back.
struct LiveDrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Stop an OSD with your command; compare the simulator's predicted PG states with the cluster's.",
        discussion: """
            Reads the cluster's OSD map and PG dump, predicts every PG's state once osd.N is down \
            with the simulator's peering model, runs --stop-cmd (through /bin/sh), polls `osd dump` \
            and `pg dump pgs` until osd.N is down and the PG states hold still (at most --settle \
            seconds), prints predicted against observed per state and the PGs that differ, then runs \
            --start-cmd if given and waits (at most --recovery seconds) for every PG to be \
            active+clean. Meant for test clusters, e.g. \
            --stop-cmd 'scripts/ceph-dev-cluster stop-osd 1 DIR' --start-cmd 'scripts/ceph-dev-cluster start-osd 1 DIR'. \
            Exits 1 when a prediction differs, the states did not settle, or the cluster did not recover.
            """)

    @OptionGroup var options: LiveOptions

    @Option(help: "The OSD id the stop command takes down.")
    var osd: Int32

    @Option(name: .customLong("stop-cmd"), help: "Shell command that stops the OSD.")
    var stopCommand: String

    @Option(name: .customLong("start-cmd"), help: "Shell command that starts the OSD again (optional).")
    var startCommand: String?

    @Option(help: "Seconds to wait for the OSD to be down and the PG states to settle.")
    var settle: Int = 60

    @Option(help: "Seconds to wait for recovery after the start command.")
    var recovery: Int = 120

    @Option(name: .customLong("cmd-timeout"), help: "Seconds each shell command may run before it is terminated.")
    var commandTimeout: Int = 120

    func validate() throws {
        if osd < 0 { throw ValidationError("--osd needs an OSD id (0, 1, …)") }
        if settle < 1 || recovery < 1 || commandTimeout < 1 { throw ValidationError("--settle, --recovery and --cmd-timeout need at least 1 second") }
    }

    func run() throws {
        let rados = try options.connect()
        var drill = try OSDDrill.predict(rados, osd: osd)
        try Self.shell(stopCommand, timeout: commandTimeout)
        try drill.observe(rados, seconds: Double(settle))
        if let startCommand {
            try Self.shell(startCommand, timeout: commandTimeout)
            drill.recovered = try OSDDrill.awaitRecovery(rados, seconds: Double(recovery))
        }
        try LiveOutput.emit(DrillReport(drill), options.format) { Self.text(drill) }
        if !drill.agrees || drill.recovered == false { throw ExitCode(1) }
    }

    static func text(_ d: OSDDrill) -> String {
        var lines = ["osd.\(d.osd) down, predicted from osdmap epoch \(d.epoch); observed after \(DecimalFormat.fixed(d.observedAfter, decimals: 1)) s" + (d.settled ? "" : " (NOT SETTLED)")]
        var table = TextTable()
        table.defineColumn("STATE", heading: .left, cells: .left)
        table.defineColumn("PREDICTED", heading: .right, cells: .right)
        table.defineColumn("OBSERVED", heading: .right, cells: .right)
        for c in d.stateCounts { table.appendRow([c.state, String(c.predicted), String(c.observed)]) }
        lines.append(table.rendered().trimmingCharacters(in: .newlines))
        let degradedP = d.predictedPGs(with: "degraded"), degradedO = d.observedPGs(with: "degraded")
        lines.append("degraded: predicted \(degradedP.count), observed \(degradedO.count)" + (degradedP == degradedO ? " (same PGs)" : " (DIFFERENT PGs)"))
        for pg in d.differing {
            lines.append("differs \(pg.pg): predicted \(pg.predicted), observed \(pg.observed ?? "-")")
        }
        if let r = d.recovered { lines.append(r ? "recovered: all PGs active+clean" : "NOT RECOVERED within the bound") }
        lines.append(d.agrees ? "prediction agrees with the cluster" : "PREDICTION DIFFERS")
        return lines.joined(separator: "\n")
    }

    /// Runs `command` through /bin/sh, its output going to stderr (stdout is the report);
    /// sends SIGTERM after `timeout` seconds. Spawned and reaped here with `waitpid` (librados'
    /// threads make Foundation's SIGCHLD-driven `Process` miss the child's exit).
    static func shell(_ command: String, timeout: Int) throws {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, 2, 1)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (s: String) in strdup(s) } + [nil]
        defer { for p in argv { free(p) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run '\(command)': \(String(cString: strerror(spawned)))") }
        let deadline = Date().addingTimeInterval(Double(timeout))
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= deadline {
                kill(pid, SIGTERM)
                waitpid(pid, &status, 0)
                throw ValidationError("'\(command)' still ran after \(timeout) s; terminated it")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // Exited normally with status 0: the low 7 bits (signal) and the exit code are zero.
        guard status == 0 else {
            throw ValidationError("'\(command)' failed (wait status \(status))")
        }
    }
}

/// The drill as `-f json` prints it: the drill plus the derived comparisons.
struct DrillReport: Encodable {
    var drill: OSDDrill
    var agrees: Bool
    var stateCounts: [OSDDrill.StateCount]
    var differing: [OSDDrill.PG]
    var predictedDegraded: [String]
    var observedDegraded: [String]

    init(_ d: OSDDrill) {
        drill = d
        agrees = d.agrees
        stateCounts = d.stateCounts
        differing = d.differing
        predictedDegraded = d.predictedPGs(with: "degraded")
        observedDegraded = d.observedPGs(with: "degraded")
    }
}
#endif
