#if Live
import CephLive
import CollectiveTestSupport
import Foundation
import Testing

/// The dev cluster the live tests run against: `scripts/ceph-dev-cluster start DIR` started it,
/// and `scripts/test` passes `CEPH_CONF=DIR/ceph.conf` and `CEPH_DEV_DIR=DIR`.
enum LiveCluster {
    struct NotConfigured: Error, CustomStringConvertible {
        var description: String {
            "live tests need a running dev cluster: scripts/test starts one; by hand: scripts/ceph-dev-cluster start DIR, then CEPH_CONF=DIR/ceph.conf CEPH_DEV_DIR=DIR swift test --traits Live"
        }
    }

    static var directory: String {
        get throws {
            guard let dir = ProcessInfo.processInfo.environment["CEPH_DEV_DIR"], !dir.isEmpty else { throw NotConfigured() }
            return dir
        }
    }

    static var confPath: String { get throws { try directory + "/ceph.conf" } }

    static func config(timeout: Int = 15) throws -> ClientConfig {
        ClientConfig(confPath: try confPath, name: "client.admin", timeoutSeconds: timeout)
    }

    static func connect() throws -> Rados { try Rados(try config()) }

    /// The repository root (this file is Tests/CephLiveTests/LiveCluster.swift).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The `collective` executable: $COLLECTIVE_BIN, else next to the test binary.
    static var collective: String {
        if let bin = ProcessInfo.processInfo.environment["COLLECTIVE_BIN"], !bin.isEmpty { return bin }
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return exe.deletingLastPathComponent().appendingPathComponent("collective").path
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program and collects its output (posix_spawn and waitpid: Foundation's Process
    /// missed the exit of a script whose child daemonized, and hung in waitUntilExit).
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let dir = FileManager.default.temporaryDirectory.path
        let tag = "livetest-run-\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1_000_000))"
        let outPath = "\(dir)/\(tag).out"
        let errPath = "\(dir)/\(tag).err"
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.keys.sorted().map { strdup("\($0)=\(env[$0]!)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard code == 0 else { throw CephErrno(rawValue: code) }
        let watchdog = Watchdog(pid: pid, after: Program.limit)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw CephErrno(rawValue: errno) }
        }
        watchdog.cancel()
        // WIFEXITED / WEXITSTATUS, written out (the C macros do not import).
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = FileManager.default.contents(atPath: outPath) ?? Data()
        let err = FileManager.default.contents(atPath: errPath) ?? Data()
        return Run(status: exit, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs `collective live ARGS -c DIR/ceph.conf`.
    static func cli(_ arguments: [String]) throws -> Run {
        try run(collective, ["live"] + arguments + ["-c", try confPath])
    }

    /// Runs `scripts/ceph-dev-cluster COMMAND ... DIR`.
    static func devCluster(_ arguments: [String]) throws -> Run {
        try run(repository + "/scripts/ceph-dev-cluster", arguments + [try directory])
    }

    /// Polls `condition` every half second until it holds or `seconds` pass; returns whether it held.
    static func wait(seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            if try condition() { return true }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.5)
        }
    }

    /// Waits until every OSD is up and in and every PG active+clean.
    static func waitClean(_ rados: Rados, seconds: Double = 90) throws -> Bool {
        try wait(seconds: seconds) {
            let s = try ClusterStatus.read(rados)
            return s.osdsUp == s.osds && s.osdsIn == s.osds && s.pgs > 0 && s.pgStates["active+clean"] == s.pgs
        }
    }

    /// Deletes a pool if it exists (test cleanup).
    static func dropPool(_ rados: Rados, _ name: String) throws {
        if try rados.pools().contains(where: { $0.name == name }) { try rados.deletePool(name) }
    }

    /// The admin key (to check that it never shows up in output).
    static func adminKey() throws -> String {
        let text = try String(contentsOfFile: try directory + "/keyring", encoding: .utf8)
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "key" {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        throw NotConfigured()
    }
}
#endif
