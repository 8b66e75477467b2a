public import Simulation

/// The capacity-planning report of a scenario (`collective report`): the figures of
/// `CapacityPlan`, the scheduler's `PlanReport` and the services' `ServiceLayout` laid out as a
/// `Report`, in the order — cluster summary, pools, OSDs, hosts, services and single
/// points of failure, whatever sections a caller adds (the failure table comes from the
/// simulator), headroom, then the recommendations drawn from every section.
///
/// To add a section: build a `ReportSection` (tables, charts, findings) from your figures and
/// pass it to `document(adding:recommendations:)` with the recommendations it triggers; they
/// join the ones derived here, most severe first.
public struct ScenarioReport: Sendable {
    public let plan: CapacityPlan
    /// Where the VMs and pods run, the N+1 check, rack losses and headroom (`collective plan`).
    public let workloads: PlanReport
    /// Where the services run and what each host's failure stops.
    public let services: ServiceLayout

    public init(scenario: Scenario) {
        self.init(plan: CapacityPlan(scenario: scenario))
    }

    public init(plan: CapacityPlan) {
        self.plan = plan
        self.workloads = PlanReport(scenario: plan.scenario)
        self.services = ServiceLayout(plan.scenario)
    }

    /// The report: summary, pools, OSDs, hosts, services, the sections given (in their order),
    /// headroom, recommendations (with those the hosts, services and headroom trigger).
    public func document(adding sections: [ReportSection] = [], recommendations extra: [Finding] = []) -> Report {
        var subtitle = "Scenario \(plan.scenario.name) (seed \(plan.scenario.seed))"
        if let description = plan.scenario.description { subtitle += ": " + description }
        return Report(
            title: "Capacity plan: \(plan.scenario.name)",
            subtitle: subtitle,
            sections: [summarySection(), poolsSection(), osdSection(), hostsSection(), servicesSection()] + sections
                + [headroomSection(), recommendationsSection(adding: workloadRecommendations() + extra)])
    }
}
