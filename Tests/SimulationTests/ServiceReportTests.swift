import Foundation
import Testing

@testable import Simulation

/// The report `collective scenario services -f json` prints: a Codable value that survives a
/// round trip, encoded the same way twice.
@Suite struct ServiceReportTests {
    @Test func jsonRoundTripsAndIsStable() throws {
        let scenario = try Repository.scenario("scenarios/borg-collective.yaml")
        let report = ServiceReport(scenario: scenario.name, layout: ServiceLayout(scenario))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(report)
        #expect(try JSONDecoder().decode(ServiceReport.self, from: data) == report)
        #expect(try encoder.encode(ServiceReport(scenario: scenario.name, layout: ServiceLayout(scenario))) == data)
        #expect(report.singlePointsOfFailure.count == 6 && report.health.isHealthy && report.health.hasMonitorQuorum)
        let text = report.rendered()
        #expect(text.contains("\n  queen  k3s                 queen is the only K3s server (sqlite datastore)"))
    }
}
