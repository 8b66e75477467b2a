public import Simulation

/// The capacity-planning report of a scenario (`collective report`): the figures of
/// `CapacityPlan` laid out as a `Report`, in the order — cluster summary, pools, OSDs,
/// then whatever sections a caller adds (hosts, failures, headroom come from the simulator and
/// the scheduler), then the recommendations drawn from every section.
///
/// To add a section: build a `ReportSection` (tables, charts, findings) from your figures and
/// pass it to `document(adding:recommendations:)` with the recommendations it triggers; they
/// join the ones derived here, most severe first.
public struct ScenarioReport: Sendable {
    public let plan: CapacityPlan

    public init(scenario: Scenario) {
        self.plan = CapacityPlan(scenario: scenario)
    }

    public init(plan: CapacityPlan) {
        self.plan = plan
    }

    /// The report: summary, pools, OSDs, the sections given (in their order), recommendations.
    public func document(adding sections: [ReportSection] = [], recommendations extra: [Finding] = []) -> Report {
        var subtitle = "Scenario \(plan.scenario.name) (seed \(plan.scenario.seed))"
        if let description = plan.scenario.description { subtitle += ": " + description }
        return Report(
            title: "Capacity plan: \(plan.scenario.name)",
            subtitle: subtitle,
            sections: [summarySection(), poolsSection(), osdSection()] + sections
                + [recommendationsSection(adding: extra)])
    }
}
