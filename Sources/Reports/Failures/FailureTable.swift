public import Simulation

/// Section 5 of the report, the failure table: every `SingleFailure` of the scenario's fleet
/// run on its own (`FailureOutcome`), in the order disks, hosts, racks.
public struct FailureTable: Sendable {
    public var scenario: Scenario
    public var outcomes: [FailureOutcome]
    /// The kinds of failure cut to one per shape (`SingleFailure.all`), and how many disks,
    /// hosts and racks the fleet has.
    public var capped: [SingleFailure.Kind]
    public var counts: [SingleFailure.Kind: Int]

    /// Runs every single failure of `report`'s scenario, with its workload plan and services.
    public init(report: ScenarioReport, limit: Int = 24) {
        let scenario = report.plan.scenario
        self.scenario = scenario
        let (failures, capped) = SingleFailure.all(in: scenario, limit: limit)
        let impacts = report.services.failureImpacts()
        outcomes = failures.map {
            FailureOutcome($0, scenario: scenario, plan: report.workloads.plan, impacts: impacts, options: report.workloads.options)
        }
        self.capped = capped
        counts = [
            .disk: scenario.fleet.hosts.reduce(0) { $0 + $1.disks.filter { $0.osd != nil }.count },
            .host: scenario.fleet.hosts.count, .rack: scenario.fleet.racks.count,
        ]
    }
}

extension ScenarioReport {
    /// The whole report, with the failure table (section 5, which runs the simulator once per
    /// failure) and the recommendations it triggers.
    public func documentWithFailures() -> Report {
        let failures = FailureTable(report: self)
        return document(adding: [failures.section()], recommendations: failures.findings())
    }
}
