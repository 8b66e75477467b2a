import ArgumentParser
import CRUSH
import Foundation
import Simulation

/// `collective scenario …`: work with scenario files.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check scenario files (fleet, Ceph, services, workloads, timeline).",
        subcommands: [ScenarioCheckCommand.self, ScenarioCrushCommand.self, ScenarioServicesCommand.self]
    )
}

/// `collective scenario check FILE`.
struct ScenarioCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario and summarise it, or list every problem (exit status 1).",
        discussion: "Problems are printed as FILE:LINE:COLUMN: FIELD.PATH: MESSAGE; warnings do not fail the check."
    )

    @Argument(help: "The scenario file (YAML).") var file: String

    func run() async throws {
        let scenario = try ScenarioFile.loadOrExit(file)
        for warning in scenario.warnings {
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        FileHandle.standardOutput.write(Data(scenario.summary.utf8))
    }
}

/// `collective scenario crush FILE`: the CRUSH map the scenario starts with.
struct ScenarioCrushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crush",
        abstract: "Print the CRUSH map a scenario starts with (crushtool -d text), or write it compiled with -o."
    )

    @Argument(help: "The scenario file (YAML).") var file: String
    @Option(name: .shortAndLong, help: "Write the binary map here instead of printing the text.") var output: String?

    func run() async throws {
        let scenario = try ScenarioFile.loadOrExit(file)
        if let output {
            try CrushMapFile.write(scenario.crushMap.binaryEncoded(), to: output)
        } else {
            FileHandle.standardOutput.write(Data(FleetCrushMap.compilableText(scenario.crushMap).utf8))
        }
    }
}

/// Reads scenario files from disk for the Simulation module (which does no I/O itself).
enum ScenarioFile {
    /// The bundled default scenario, the seed's fleet: what commands read without a FILE.
    static let defaultPath = "scenarios/borg-collective.yaml"

    /// Loads the scenario at `path`, or prints every problem to standard error and exits with
    /// status 1.
    static func loadOrExit(_ path: String) throws -> Scenario {
        do {
            return try load(path)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }

    static func load(_ path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(diagnostics: [ScenarioDiagnostic(
                severity: .error, file: path, location: SourceLocation(line: 0, column: 0), path: FieldPath(),
                message: "cannot read the file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(diagnostics: [ScenarioDiagnostic(
                severity: .error, file: path, location: SourceLocation(line: 1, column: 1), path: FieldPath(),
                message: "the file is not UTF-8 text")])
        }
        return try Scenario(yaml: text, file: path) { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }
    }
}
