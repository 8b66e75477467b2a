import ArgumentParser
import CRUSH
import Foundation
import Simulation

/// `collective scenario …`: work with scenario files.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Check scenario files (fleet, Ceph, services, workloads, timeline).",
        subcommands: [ScenarioCheckCommand.self, ScenarioCrushCommand.self, ScenarioServicesCommand.self, ScenarioImportCommand.self]
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

/// `collective scenario import DIR`: a scenario of the cluster `collective live import` saved.
struct ScenarioImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write a scenario of the running cluster that `collective live import -o DIR` saved.",
        discussion: """
            Reads DIR/osdmap.bin and DIR/osd-df.json (and, when there, df.json, osd-metadata.json, \
            mon-metadata.json, mgr-metadata.json, mds-metadata.json, fs-ls.json, osd-dump.json, config-dump.json) and writes DIR/scenario.yaml, which \
            imports DIR/crush.bin: then `collective simulate`, `report` and `plan` answer for that \
            cluster. Lines marked `check` hold defaults for what Ceph's maps do not say (cores, NIC, \
            the Queen). `live import` writes it too; this rewrites it offline, no Ceph package needed.
            """)

    @Argument(help: "The directory `collective live import -o DIR` wrote.") var directory: String
    @Option(name: .shortAndLong, help: "Where to write the scenario (default DIR/scenario.yaml); - for standard output.") var output: String?
    @Option(help: "The scenario's name (default: the directory's name).") var name: String?

    func run() async throws {
        let path = try ScenarioFile.writeImported(directory: directory, name: name, to: output)
        if path != "-" { print("wrote \(path)") }
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

    /// Writes the scenario of a saved cluster directory (`ClusterImport`) to `output` (default
    /// DIR/scenario.yaml; `-` is standard output) and returns the path; a file that cannot be read
    /// is named on stderr with exit status 1.
    static func writeImported(directory: String, name: String?, to output: String?) throws -> String {
        let imported: ClusterImport
        do {
            imported = try ClusterImport { FileManager.default.contents(atPath: directory + "/" + $0).map { [UInt8]($0) } }
        } catch {
            FileHandle.standardError.write(Data("\(directory)/\(error.description)\n".utf8))
            throw ExitCode(1)
        }
        let target = output ?? directory + "/scenario.yaml"
        let base = URL(fileURLWithPath: target == "-" ? directory + "/x" : target).deletingLastPathComponent().standardizedFileURL.path
        let crush = URL(fileURLWithPath: directory + "/crush.bin").standardizedFileURL.path
        let relative = crush.hasPrefix(base + "/") ? String(crush.dropFirst(base.count + 1)) : crush
        let yaml = imported.scenarioYAML(
            name: name ?? URL(fileURLWithPath: directory).standardizedFileURL.lastPathComponent, crushFile: relative)
        if target == "-" {
            FileHandle.standardOutput.write(Data(yaml.utf8))
        } else {
            do {
                try yaml.write(toFile: target, atomically: true, encoding: .utf8)
            } catch {
                FileHandle.standardError.write(Data("cannot write \(target): \(error.localizedDescription)\n".utf8))
                throw ExitCode(1)
            }
        }
        return target
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
