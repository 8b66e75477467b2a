import ArgumentParser
import Foundation
import Simulation

/// `collective plan [SCENARIO]`: where every VM and pod runs, what happens when hosts fail,
/// N+1 and headroom; `-f json` for live mode, `-o DIR` for manifests and VM configs.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Place a scenario's VMs (Proxmox HA) and pods (kube-scheduler), check N+1 and headroom, export manifests.",
        discussion: """
            Text by default; -f json prints the plan as data (its `storage` member is what `collective live apply` creates). \
            -o DIR also writes Kubernetes manifests (DIR/kubernetes) and Proxmox VM configs (DIR/proxmox).
            """
    )

    @Argument(help: "The scenario file (YAML).") var file: String = ScenarioFile.defaultPath
    @Option(name: .shortAndLong, help: "Output format: text or json.") var format: OutputFormat = .text
    @Option(name: .shortAndLong, help: "Write Kubernetes manifests and Proxmox VM configs into this directory.") var output: String?
    @Flag(help: "Show each decision: filtered nodes with the reason and every node's scores.") var explain = false
    @Option(help: "Proxmox HA CRS mode: static or basic.") var crs: String = "static"
    @Option(help: "kube-scheduler NodeResourcesFit strategy: LeastAllocated or MostAllocated.") var strategy: String = "LeastAllocated"

    func run() async throws {
        let scenario = try ScenarioFile.loadOrExit(file)
        guard let mode = ProxmoxHAScheduler.Mode(rawValue: crs) else {
            throw ValidationError("--crs must be static or basic, not \(crs)")
        }
        let fit: ResourceScoring.Strategy
        switch strategy {
        case "LeastAllocated": fit = .leastAllocated
        case "MostAllocated": fit = .mostAllocated
        default: throw ValidationError("--strategy must be LeastAllocated or MostAllocated, not \(strategy)")
        }
        let report = PlanReport(scenario: scenario, options: PlanOptions(crs: mode, strategy: fit))
        switch format {
        case .text:
            FileHandle.standardOutput.write(Data(report.text(explain: explain).utf8))
        case .json:
            print(try OutputFormat.json(PlanDocument(report: report, explain: explain)), terminator: "")
        }
        if let output {
            let root = URL(fileURLWithPath: output)
            for file in PlanExport.files(scenario: scenario, plan: report.plan) {
                let url = root.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
        }
    }
}
