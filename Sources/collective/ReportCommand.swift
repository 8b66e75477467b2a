import ArgumentParser
import Foundation
import Reports
import Simulation

extension ReportFormat: ExpressibleByArgument {}

/// `collective report [SCENARIO] [-f text|json|markdown|html] [-o FILE]`: the capacity-planning
/// report of a scenario.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The capacity-planning report of a scenario: summary, pools, OSDs, hosts, services, failures, headroom, recommendations.",
        discussion: "html is one self-contained page (inline CSS and SVG charts); json follows docs/report.schema.json."
    )

    @Argument(help: "The scenario file (YAML).") var scenario: String = ScenarioFile.defaultPath
    @Option(name: [.customShort("f"), .long], help: "text, json, markdown or html.") var format: ReportFormat = .text
    @Option(name: .shortAndLong, help: "Write the report here instead of standard output.") var output: String?
    @Flag(help: "Leave out the failure table, which runs the simulator once per disk, host and rack.") var noFailures = false

    func run() async throws {
        let loaded = try ScenarioFile.loadOrExit(scenario)
        for warning in loaded.warnings {
            FileHandle.standardError.write(Data((warning.description + "\n").utf8))
        }
        let report = ScenarioReport(scenario: loaded)
        let text = format.render(noFailures ? report.document() : report.documentWithFailures())
        try CrushMapFile.write(Array(text.utf8), to: output)
    }
}
