import Foundation
import Simulation
import Testing

/// Every bundled scenario runs and meets its own expectations; `collective simulate` exits
/// non-zero naming a failed expectation.
@Suite struct ScenarioRunTests {
    @Test(arguments: [
        "borg-collective", "drone-failure", "queen-failure", "rack-loss", "assimilate-drone", "disk-full",
    ])
    func bundledScenarioMeetsItsExpectations(name: String) throws {
        let scenario = try Repository.scenario("scenarios/\(name).yaml")
        let result = Simulator(scenario: scenario).run()
        for outcome in result.expectations {
            #expect(outcome.passed, "\(name): \(outcome.expectation.name): \(outcome.detail)")
        }
        #expect(result.incidents.count == scenario.timeline.count)
        #expect(!result.dataLost)
    }

    /// The scale scenario's fleet (10000 OSDs) and timeline with 1/256 of its PGs: the full
    /// 2^20 PGs take minutes in a debug build; `Benchmarks/` runs them in full.
    @Test func largeScenarioWithFewerPGs() throws {
        var scenario = try Repository.scenario("scenarios/large.yaml")
        #expect(scenario.fleet.hosts.flatMap(\.disks).count == 10_000)
        #expect(scenario.ceph.pools.reduce(0) { $0 + Int($1.pgNum) } == 1 << 20)
        for i in scenario.ceph.pools.indices {
            scenario.ceph.pools[i].pgNum = 256
            scenario.ceph.pools[i].pgpNum = 256
        }
        let result = Simulator(scenario: scenario).run()
        #expect(result.passed)
        #expect(result.final.osds == 10_020)
        // The rack (25 hosts, 500 OSDs) is marked down but not out.
        let kept = result.steps.flatMap(\.events).filter { if case .keptIn = $0 { true } else { false } }
        #expect(kept.count == 500)
    }

    @Test func collectiveSimulateExitsNonZeroNamingFailedExpectations() throws {
        // `swift test` builds the executable next to the test bundle.
        let candidates = [Bundle.main.bundleURL, Bundle.main.executableURL ?? Bundle.main.bundleURL]
            .flatMap { [$0.deletingLastPathComponent(), $0.deletingLastPathComponent().deletingLastPathComponent()] }
            .map { $0.appendingPathComponent("collective") }
        guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            Issue.record("collective is not built next to the tests (\(candidates.map(\.path)))")
            return
        }
        let yaml = SimulatorTests.tinyFleet(
            hosts: 3, mons: ["h0"],
            timeline: "  - {at: 1m, event: fail_host, host: h1}\n  - {at: 1m, event: fail_host, host: h2}\n",
            expect: "  max_inactive_pgs: 0\n  no_data_loss: true\n  healthy_within: 1h\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("collective-expect-\(getpid()).yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["simulate", file.path]
        let err = Pipe()
        process.standardOutput = Pipe()
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("expectation max_inactive_pgs failed"))
        #expect(stderr.contains("expectation healthy_within failed"))
        #expect(!stderr.contains("expectation no_data_loss failed"))
    }
}
