#if MQTT
import Foundation
import CollectiveTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The `collective` executable built next to the tests, and the repository.
enum Collective {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var executable: String {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("collective").path
    }
    static let scenario = root.appendingPathComponent("scenarios/borg-collective.yaml").path

    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        try Broker.run(executable, arguments)
    }

    /// Starts `collective` without waiting; stderr goes to `log`, stdout to `output` if given.
    static func start(_ arguments: [String], log: URL, output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        if let output {
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
        } else {
            process.standardOutput = FileHandle.nullDevice
        }
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        return process
    }
}
#endif
