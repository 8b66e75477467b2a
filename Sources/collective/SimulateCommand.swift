import ArgumentParser
import Foundation
import Simulation

/// `collective simulate [SCENARIO] [-f text|json] [--seed N] [--messages FILE]`.
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run a scenario's timeline against its Ceph cluster and tell what happens.",
        discussion: """
            Without a scenario, runs scenarios/borg-collective.yaml (relative to the current \
            directory). Prints a timeline (OSDs down/out, PG states, degraded and misplaced data, \
            recovery, health, monitor quorum; the services' quorums and failovers; VMs and pods \
            fenced, evicted, restarted or pending) and a summary per event. Exits 1 when an \
            expectation of the scenario fails, naming it.
            """
    )

    @Argument(help: "The scenario file (YAML).") var scenario: String?
    @Option(name: .shortAndLong, help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Seed for everything random (default: the scenario's seed).") var seed: UInt64?
    @Option(help: "A recorded file of sensor messages (<time> <topic> <payload> per line) to replay through the scenario's triggers.")
    var messages: String?

    func run() async throws {
        let path = scenario ?? ScenarioFile.defaultPath
        if scenario == nil, !FileManager.default.fileExists(atPath: path) {
            FileHandle.standardError.write(Data("""
                collective simulate: no scenario given and \(path) is not here (looked in \
                \(FileManager.default.currentDirectoryPath)); run it from the repository's root or name a scenario file

                """.utf8))
            throw ExitCode(1)
        }
        let loaded = try ScenarioFile.loadOrExit(path)
        for warning in loaded.warnings {
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        var simulator = Simulator(scenario: loaded, seed: seed)
        if let messages {
            do {
                guard let data = FileManager.default.contents(atPath: messages) else {
                    FileHandle.standardError.write(Data("collective simulate: cannot read \(messages)\n".utf8))
                    throw ExitCode(1)
                }
                simulator.messages = try SensorMessageLog.parse(String(decoding: data, as: UTF8.self), file: messages)
            } catch let error as ScenarioError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) != 0, total: loaded.timeline.last?.at ?? .zero)
        let result = simulator.run { step in progress.update(step.time) }
        progress.finish()
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(SimulationTextReport.render(result, scenario: loaded).utf8))
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            let data = try encoder.encode(SimulationJSONReport(result))
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        let failed = result.expectations.filter { !$0.passed }
        if !failed.isEmpty {
            for outcome in failed {
                FileHandle.standardError.write(Data("expectation \(outcome.expectation.name) failed: \(outcome.detail)\n".utf8))
            }
            throw ExitCode(1)
        }
    }
}

/// A progress line on stderr for long runs on a terminal: simulated time against the last
/// event's, at most a few times a second.
final class ProgressLine {
    private let enabled: Bool
    private let total: Duration
    private let start = ContinuousClock.now
    private var lastDraw = ContinuousClock.now
    private var drawn = false

    init(enabled: Bool, total: Duration) {
        self.enabled = enabled
        self.total = total
    }

    func update(_ time: Duration) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - start > .seconds(1), now - lastDraw > .milliseconds(250) else { return }
        lastDraw = now
        drawn = true
        let seconds = time.components.seconds
        let totalSeconds = max(total.components.seconds, 1)
        FileHandle.standardError.write(Data("\r  simulating: \(seconds / 3600)h\((seconds % 3600) / 60)m of \(totalSeconds / 3600)h\((totalSeconds % 3600) / 60)m+ simulated time…".utf8))
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
