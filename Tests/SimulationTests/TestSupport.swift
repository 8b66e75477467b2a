import Foundation
import Simulation

/// Paths in the repository, found from this file's location (tests run from the source tree).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = root.appendingPathComponent("scenarios")

    static func text(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Loads a scenario file of the repository as `collective` does (relative file name,
    /// imports read from disk).
    static func scenario(_ relativePath: String) throws -> Scenario {
        let text = try text(relativePath)
        return try Scenario(yaml: text, file: relativePath) { path in
            FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
        }
    }
}

/// The diagnostics a scenario text produces (errors and warnings, as printed), or the
/// warnings of one that loads.
func diagnostics(_ yaml: String, file: String = "x.yaml", files: [String: [UInt8]] = [:]) -> [String] {
    do {
        let scenario = try Scenario(yaml: yaml, file: file) { files[$0] }
        return scenario.warnings.map(\.description)
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Runs Ceph's `crushtool` (installed from Debian's ceph-base).
enum Crushtool {
    static let path: String? = ["/usr/bin/crushtool", "/usr/local/bin/crushtool"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static var isAvailable: Bool { path != nil }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs crushtool in `directory`; throws with its stderr when it fails.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "crushtool \(arguments.joined(separator: " ")): " + String(decoding: stderr, as: UTF8.self))
        }
        return String(decoding: stdout, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("collective-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}
