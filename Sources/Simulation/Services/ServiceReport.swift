/// What `collective scenario services` reports about a scenario's services: their layout and
/// the failures each tolerates, their health with everything running, the single points of
/// failure with why, and what each host's and each rack's failure does. As text (`rendered()`)
/// or as JSON (Codable; schema version `ServiceReport.formatVersion`, arrays in fleet and
/// service order).
public struct ServiceReport: Sendable, Equatable, Codable {
    /// The version of this JSON shape.
    public static let formatVersion = 1

    public var version: Int
    public var scenario: String
    public var services: [ServicePlacement]
    public var health: ServiceHealth
    public var singlePointsOfFailure: [SinglePointOfFailure]
    public var failures: [FailureImpact]

    public init(scenario: String, layout: ServiceLayout) {
        version = Self.formatVersion
        self.scenario = scenario
        services = layout.placements
        health = layout.health(under: .healthy(layout.fleet))
        failures = layout.failureImpacts()
        singlePointsOfFailure = ServiceLayout.singlePoints(in: failures)
    }

    /// The report as an operator reads it: the layout table (TOLERATES: host failures survived,
    /// whichever hosts), the services not up with every host running, the single points of
    /// failure, and what each host's and rack's failure stops and degrades.
    public func rendered() -> String {
        var out = "\(scenario): services\n\n"
        var rows = [["SERVICE", "TOLERATES", "RUNS ON", "USED BY", "MODEL"]]
        for placement in services {
            var runsOn = placement.members.joined(separator: ", ")
            if let arbiter = placement.arbiter { runsOn += " + QDevice " + arbiter }
            rows.append([
                placement.service.rawValue, "\(placement.tolerates)", runsOn,
                placement.clients.isEmpty ? "-" : placement.clients.joined(separator: ", "), placement.model,
            ])
        }
        out += Scenario.columns(rows, rightAligned: [1])

        let unwell = health.statuses.filter { $0.state != .up }
        if !unwell.isEmpty {
            out += "\nnot up with every host running:\n"
            for status in unwell { out += "  " + status.line + "\n" }
        }

        out += "\nsingle points of failure:"
        if singlePointsOfFailure.isEmpty {
            out += " none\n"
        } else {
            out += "\n"
            out += Scenario.columns(singlePointsOfFailure.map { ["  " + $0.host, $0.service.rawValue, $0.reason] })
        }

        out += "\nif one fails:\n"
        var table = [["  FAILS", "STOPS", "DEGRADES"]]
        for impact in failures {
            table.append([
                "  " + (impact.scope == .rack ? "rack " : "") + impact.name,
                impact.failed.isEmpty ? "-" : impact.failed.map(\.service.rawValue).joined(separator: ", "),
                impact.degraded.isEmpty ? "-" : impact.degraded.map(\.rawValue).joined(separator: ", "),
            ])
        }
        out += Scenario.columns(table)
        return out
    }
}
