import ArgumentParser
import Foundation
import Simulation

/// `collective scenario services [FILE]`: the services' layout, the failures they tolerate and
/// the single points of failure.
struct ScenarioServicesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Show where the services run, how many host failures each tolerates, and the single points of failure.",
        discussion: """
            Covers the Ceph monitors, managers and metadata servers, the Proxmox cluster's corosync \
            quorum (with its QDevice), the K3s API, Consul, the MQTT broker, Home Assistant and the \
            sensor automations. FILE defaults to scenarios/borg-collective.yaml.
            """
    )

    /// `plain` for people; `json` (compact) and `json-pretty` for machines, keys sorted.
    @Argument(help: "The scenario file (YAML).") var file: String = ScenarioFile.defaultPath
    @Option(name: .shortAndLong, help: "Output format: text or json.") var format: OutputFormat = .text

    func run() async throws {
        let scenario = try ScenarioFile.loadOrExit(file)
        let report = ServiceReport(scenario: scenario.name, layout: ServiceLayout(scenario))
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(report.rendered().utf8))
        case .json:
            print(try OutputFormat.json(report), terminator: "")
        }
    }
}
