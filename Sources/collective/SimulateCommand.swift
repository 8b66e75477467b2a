import ArgumentParser
import Foundation
import Simulation

/// `collective simulate [SCENARIO] [-f text|json] [--seed N] [--messages FILE | --mqtt URL …]`.
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

            Sensor messages: --messages FILE replays a recorded file; --mqtt URL subscribes to the \
            scenario's trigger topics on a real broker, listens for --listen seconds (or until \
            --max-messages arrived, or Ctrl-C), then simulates with what arrived, each message at \
            its time since listening began (retained messages, the sensors' current state, at about \
            0 s). --record FILE keeps them: --messages FILE later gives the same run. Either one \
            replaces the scenario's own `readings:`.
            """
    )

    @Argument(help: "The scenario file (YAML).") var scenario: String?
    @Option(name: .shortAndLong, help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(help: "Seed for everything random (default: the scenario's seed).") var seed: UInt64?
    @Option(help: "A recorded file of sensor messages (<time> <topic> <payload> per line) to replay through the scenario's triggers.")
    var messages: String?
    @Option(help: "Listen to the scenario's trigger topics on this broker (mqtt://[user@]host[:port] or mqtts://…) and replay what arrives (needs the MQTT trait).")
    var mqtt: String?
    @Option(help: "With --mqtt: seconds to listen before simulating.") var listen: Double = 60
    @Option(name: .customLong("max-messages"), help: "With --mqtt: stop listening after this many messages.") var maxMessages: Int?
    @Option(help: "With --mqtt: write the messages received to this file (the --messages format).") var record: String?
    @Option(name: .customLong("mqtt-timeout"), help: "With --mqtt: seconds any one broker call may take.") var mqttTimeout: Double = 10
    @OptionGroup(title: "MQTT broker (with --mqtt)") var broker: MQTTBrokerOptions

    func validate() throws {
        if mqtt != nil, messages != nil { throw ValidationError("--mqtt and --messages: give one source of sensor messages") }
        if mqtt == nil, record != nil || maxMessages != nil {
            throw ValidationError("--record and --max-messages go with --mqtt")
        }
        guard listen > 0 else { throw ValidationError("--listen must be more than 0") }
        if let maxMessages, maxMessages < 1 { throw ValidationError("--max-messages needs at least 1") }
    }

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
        var scenario = loaded
        var received: [SensorMessage]?
        if let messages {
            do {
                guard let data = FileManager.default.contents(atPath: messages) else {
                    FileHandle.standardError.write(Data("collective simulate: cannot read \(messages)\n".utf8))
                    throw ExitCode(1)
                }
                received = try SensorMessageLog.parse(String(decoding: data, as: UTF8.self), file: messages)
            } catch let error as ScenarioError {
                FileHandle.standardError.write(Data((error.description + "\n").utf8))
                throw ExitCode(1)
            }
        }
        if let mqtt {
            received = try SensorListening.receive(
                url: mqtt, broker: broker, timeout: mqttTimeout, scenario: loaded, listen: listen, limit: maxMessages,
                record: record)
        }
        if let received {
            if !scenario.readings.isEmpty {
                FileHandle.standardError.write(Data(
                    "collective simulate: \(received.count) sensor message(s) replace the scenario's \(scenario.readings.count) readings\n".utf8))
            }
            scenario.readings = []
        }
        var simulator = Simulator(scenario: scenario, seed: seed)
        simulator.messages = received ?? []
        let progress = ProgressLine(enabled: isatty(STDERR_FILENO) != 0, total: scenario.timeline.last?.at ?? .zero)
        let result = simulator.run { step in progress.update(step.time) }
        progress.finish()
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(SimulationTextReport.render(result, scenario: scenario).utf8))
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
