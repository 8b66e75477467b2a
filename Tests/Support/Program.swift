import Foundation

/// Runs programs the tests compare against (Ceph's tools, mosquitto's clients, the built
/// `collective`), capturing both output streams without risking a full-pipe deadlock.
public enum Program {
    /// What a program run left behind.
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Why a checked run failed.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The first of /usr/bin/NAME, /usr/local/bin/NAME, /usr/sbin/NAME that is executable.
    public static func path(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/usr/sbin/"].map { $0 + name }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// How long a program may run before it is killed (SIGKILL): a test that would hang fails.
    public static let limit: Duration = .seconds(600)

    /// Runs `executable` (a path) with `arguments`, in `directory` if given, to its end, or
    /// kills it after `timeout` (status 137, and a line on its stderr saying so).
    public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, timeout: Duration = limit) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let killed = Watchdog(pid: process.processIdentifier, after: timeout)
        // stderr is drained on another thread so that neither pipe can fill up and stall the child.
        nonisolated(unsafe) var stderr = Data()
        let drained = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        killed.cancel()
        return Result(
            status: killed.fired ? 137 : process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self) + (killed.fired ? "\n(killed after \(timeout): no end in sight)\n" : ""))
    }

    /// Runs it and returns its stdout; throws with its stderr when it exits non-zero.
    @discardableResult
    public static func check(_ executable: String, _ arguments: [String], in directory: URL? = nil) throws -> String {
        let result = try run(executable, arguments, in: directory)
        guard result.status == 0 else {
            let name = URL(fileURLWithPath: executable).lastPathComponent
            throw Failure(description: "\(name) \(arguments.joined(separator: " ")): exit \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// A new empty directory under the system's temporary directory.
    public static func temporaryDirectory(_ prefix: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

/// Kills a process (SIGKILL) unless cancelled within a time.
public final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var done = false
    private var killed = false

    public init(pid: pid_t, after timeout: Duration) {
        let seconds = Double(timeout / .milliseconds(1)) / 1000
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                guard !done else { return }
                killed = true
                kill(pid, SIGKILL)
            }
        }
    }

    /// The process ended: do not kill it (its pid may be reused).
    public func cancel() { lock.withLock { done = true } }

    /// Whether it was killed.
    public var fired: Bool { lock.withLock { killed } }
}

/// Ceph's `crushtool` (Debian's ceph-base), for differential tests.
public enum Crushtool {
    public static let path: String? = Program.path("crushtool")
    public static var isAvailable: Bool { path != nil }

    /// Runs crushtool with `arguments` in `directory`.
    public static func run(_ arguments: [String], in directory: URL) throws -> Program.Result {
        try Program.run(path!, arguments, in: directory)
    }

    /// Runs crushtool; returns its stdout, throws with its stderr when it fails.
    @discardableResult
    public static func check(_ arguments: [String], in directory: URL) throws -> String {
        try Program.check(path!, arguments, in: directory)
    }
}
