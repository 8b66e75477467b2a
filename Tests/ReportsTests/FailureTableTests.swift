import CRUSH
import Placement
import Reports
import Simulation
import Testing

/// The failure table of the default scenario (scenarios/borg-collective.yaml) against
/// independent computations: the PG mapping with a host down, the bytes each OSD holds per
/// `ScenarioCapacity`, the monitor majority, and the scheduler's own what-if for the Queen.
@Suite struct FailureTableTests {
    static func load() throws -> (Scenario, ScenarioReport, FailureTable) {
        let scenario = try ReportFixtures.scenario("scenarios/borg-collective.yaml")
        let report = ScenarioReport(scenario: scenario)
        return (scenario, report, FailureTable(report: report))
    }

    static func outcome(_ label: String, in table: FailureTable) throws -> FailureOutcome {
        try #require(table.outcomes.first { $0.failure.label == label }, "no row \(label)")
    }

    @Test func everyDiskHostAndRackHasARow() throws {
        let (scenario, _, table) = try Self.load()
        var expected: [String] = []
        for host in scenario.fleet.hosts {
            for disk in host.disks { if let osd = disk.osd { expected.append("disk \(host.name)/\(disk.name) (osd.\(osd))") } }
        }
        for host in scenario.fleet.hosts { expected.append("host \(host.name)" + (host.role == .queen ? " (Queen)" : "")) }
        for rack in scenario.fleet.racks { expected.append("rack \(rack)") }
        #expect(table.outcomes.map(\.failure.label) == expected)
        #expect(table.capped.isEmpty)
        #expect(expected.count == 8 + 6 + 2)
    }

    /// Above the limit, one failure per shape: the default fleet's 8 disks come in 3 (class,
    /// size) pairs and its 6 hosts in 3 (role, disks) shapes; its 2 racks stay under a limit of 2.
    @Test func bigFleetsTryOneFailurePerShape() throws {
        let scenario = try ReportFixtures.scenario("scenarios/borg-collective.yaml")
        let (failures, capped) = SingleFailure.all(in: scenario, limit: 2)
        #expect(capped == [.disk, .host])
        #expect(failures.filter { $0.kind == .disk }.map(\.target) == ["queen/nvme0", "queen/hdd0", "drone1/hdd0"])
        #expect(failures.filter { $0.kind == .host }.map(\.target) == ["queen", "drone1", "edge1"])
        #expect(failures.filter { $0.kind == .rack }.map(\.target) == scenario.fleet.racks)
    }

    /// A host's row: the PGs inactive at worst are those whose acting set keeps fewer than
    /// min_size OSDs with the host's OSDs down (still in), per `PlacementMapper`; the degraded
    /// ones, fewer than size.
    @Test func hostRowsInactivePGsMatchThePlacementWithTheHostDown() throws {
        let (scenario, _, table) = try Self.load()
        for host in scenario.fleet.hosts {
            let mapper = PlacementMapper(scenario.osdMap(downHosts: [host.name]))
            var inactive = 0
            var degraded = 0
            for spec in scenario.ceph.pools {
                for seed in 0..<spec.pgNum {
                    let acting = mapper.mapping(for: PGID(pool: spec.id, seed: seed)).acting.filter { $0 >= 0 && $0 != crushItemNone }
                    if acting.count < Int(spec.minSize) { inactive += 1 }
                    if acting.count < Int(spec.size) { degraded += 1 }
                }
            }
            let row = try #require(table.outcomes.first { $0.failure.kind == .host && $0.failure.target == host.name })
            #expect(row.incident.worstInactivePGs == inactive, "\(host.name)")
            #expect(row.incident.worstDegradedPGs == degraded, "\(host.name)")
        }
    }

    /// A disk's row: the data at risk is every byte the OSD held (`ScenarioCapacity`), and
    /// recovery writes at least that much back.
    @Test func diskRowsPutTheOSDsBytesAtRisk() throws {
        let (scenario, _, table) = try Self.load()
        let osds = scenario.capacityInput().osds
        for row in table.outcomes where row.failure.kind == .disk {
            guard case .failDisk(let disk) = row.failure.action, let id = disk.osd else {
                Issue.record("\(row.failure.label) is not a disk failure")
                continue
            }
            let held = try #require(osds.first { $0.id == id }).dataBytes
            let slack = UInt64(osds.count) * ScenarioCapacity.objectSize
            #expect(row.incident.peakDegradedBytes + slack >= held && row.incident.peakDegradedBytes <= held + slack, "\(row.failure.label): \(row.incident.peakDegradedBytes) vs \(held)")
            #expect(row.incident.bytesMoved + slack >= held, "\(row.failure.label)")
            #expect(row.reReplication.done)
            #expect(row.incident.activeCleanAfter != nil)
        }
    }

    /// Either rack holds 2 of the 4 monitors: losing it loses quorum (3 needed), and the
    /// report says so with the numbers.
    @Test func rackRowsLoseMonitorQuorumWhenTheyHoldHalfTheMonitors() throws {
        let (scenario, _, table) = try Self.load()
        let mons = scenario.ceph.mons
        let findings = table.findings().filter { $0.code == "FAILURE_MON_QUORUM_LOST" }
        for rack in scenario.fleet.racks {
            let inRack = Set(scenario.fleet.hosts.filter { $0.location.rack == rack }.map(\.name))
            let left = mons.filter { !inRack.contains($0) }.count
            let loses = left < mons.count / 2 + 1
            let row = try Self.outcome("rack \(rack)", in: table)
            #expect(row.incident.monQuorumLost == loses, "\(rack)")
            #expect(!row.reReplication.done || !loses)
            let count = mons.filter { inRack.contains($0) }.count
            #expect(findings.contains { $0.trigger.hasPrefix("\(rack) holds \(count) of \(mons.count) monitors") } == loses, "\(rack)")
        }
        #expect(findings.count == 2)
    }

    /// The Queen's row restarts and leaves pending what `collective plan`'s own Queen what-if
    /// does (`PlanReport`), and stops the services `ServiceLayout` names.
    @Test func queenRowAgreesWithThePlanAndTheServiceLayout() throws {
        let (scenario, report, table) = try Self.load()
        let queen = try #require(scenario.fleet.queen).name
        let row = try Self.outcome("host \(queen) (Queen)", in: table)
        let plan = try #require(report.workloads.failures.first { $0.host == queen })
        let subjects = plan.events.map(\.subject).filter { $0.hasPrefix("vm:") || $0.hasPrefix("pod ") }
        #expect(Set(row.restarted + row.pending) == Set(subjects))
        for subject in row.restarted {
            #expect(plan.events.last { $0.subject == subject }.map { [.restarted, .migrated].contains($0.kind) } == true)
        }
        let impact = try #require(report.services.failureImpacts().first { $0.scope == .host && $0.name == queen })
        #expect(row.servicesDown == impact.failed)
        #expect(!row.servicesDown.isEmpty)
    }

    /// Every host holding OSDs has a recovery timeline chart whose degraded area starts at 0,
    /// peaks at the row's figure and ends at 0.
    @Test func hostsHaveRecoveryTimelines() throws {
        let (_, _, table) = try Self.load()
        let section = table.section()
        let charts: [LineChart] = section.blocks.compactMap { if case .chart(.line(let c)) = $0 { c } else { nil } }
        for row in table.outcomes where row.failure.kind == .host && row.incident.peakDegradedBytes > 0 {
            let chart = try #require(charts.first { $0.title.contains(row.failure.label) }, "\(row.failure.label)")
            let degraded = try #require(chart.series.first { $0.name == "degraded" })
            #expect(degraded.points.first?.y == 0)
            #expect(degraded.points.last?.y == 0)
            let peak = degraded.points.map(\.y).max() ?? 0
            #expect(peak <= Double(row.incident.peakDegradedBytes) / Double(1 << 30) + 1e-9)
            #expect(peak > 0)
        }
        #expect(charts.count == 4)
    }
}
