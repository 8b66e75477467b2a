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

