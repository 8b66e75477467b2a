import Placement
import Simulation
import Testing

/// PG states, failure detection and recovery on tiny fleets, against cases worked by hand from
/// Ceph's rules (size 3 / min_size 2, min_in_ratio 0.75, the rack subtree limit, bytes over
/// bandwidth).
@Suite struct SimulatorTests {
    /// `hosts` hosts of one 1 TB SSD each (in `racks`, if given), one replicated pool.
    static func tinyFleet(
        hosts: Int, racks: [String]? = nil, pool: String = "{name: rbd, pg_num: 8, application: rbd, stored: 8GiB}",
        mons: [String]? = nil, extraHosts: String = "", timeline: String, expect: String = ""
    ) -> String {
        var yaml = "name: tiny\nseed: 1\nfleet:\n  hosts:\n"
        for i in 0..<hosts {
            let rack = racks.map { ", location: {rack: \($0[i])}" } ?? ""
            yaml += "    - {name: h\(i), role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s\(rack), disks: [{type: ssd, size: 1TB}]}\n"
        }
        yaml += extraHosts
        yaml += "ceph:\n  mons: [\((mons ?? (0..<hosts).map { "h\($0)" }).joined(separator: ", "))]\n"
        yaml += "  pools:\n    - \(pool)\n"
        yaml += "  config: {osd_recovery_bandwidth: 100MB/s}\n"
        yaml += "timeline:\n" + timeline
        if !expect.isEmpty { yaml += "expect:\n" + expect }
        return yaml
    }

    static func run(_ yaml: String) throws -> (SimulationResult, [SimulationStep]) {
        let scenario = try Scenario(yaml: yaml, file: "tiny.yaml") { _ in nil }
        var steps: [SimulationStep] = []
        let result = Simulator(scenario: scenario).run { steps.append($0) }
        return (result, steps)
    }

    static func states(_ step: SimulationStep) -> [PGState: Int] {
        Dictionary(uniqueKeysWithValues: step.ceph.pgStates.map { ($0.state, $0.count) })
    }

    static func firstStep(_ steps: [SimulationStep], where predicate: (ClusterEvent) -> Bool) -> SimulationStep? {
        steps.first { $0.events.contains(where: predicate) }
    }

    @Test func oneHostDownLeavesEveryPGActiveUndersizedDegraded() throws {
        let (result, steps) = try Self.run(Self.tinyFleet(hosts: 3, timeline: "  - {at: 1m, event: fail_host, host: h2}\n"))
        let down = try #require(Self.firstStep(steps) { if case .markedDown = $0 { true } else { false } })
        #expect(down.events.contains(.markedDown([2])))
        // Three hosts, size 3: every PG had a copy on h2; two copies left ≥ min_size 2.
        #expect(Self.states(down) == [[.active, .undersized, .degraded]: 8])
        #expect(down.ceph.inactivePGs == 0)
        #expect(down.ceph.health.checks.map(\.name).contains("PG_DEGRADED"))
        // 8 GiB over 8 PGs: one copy of each missing.
        #expect(down.ceph.degradedBytes == 8 << 30)
        // Marking osd.2 out would leave 2 of 3 OSDs in (0.67 < mon_osd_min_in_ratio 0.75).
        let kept = steps.flatMap(\.events).contains { if case .keptIn([2], let why) = $0 { why.contains("mon_osd_min_in_ratio") } else { false } }
        #expect(kept)
        #expect(!result.dataLost)
    }

    @Test func twoHostsDownLeaveThePGsPeeredAndInactive() throws {
        let (result, steps) = try Self.run(Self.tinyFleet(
            hosts: 3, mons: ["h0"],
            timeline: "  - {at: 1m, event: fail_host, host: h1}\n  - {at: 1m, event: fail_host, host: h2}\n",
            expect: "  max_inactive_pgs: 0\n  no_data_loss: true\n"))
        let down = try #require(Self.firstStep(steps) { if case .markedDown = $0 { true } else { false } })
        #expect(down.events.contains(.markedDown([1, 2])))
        // One copy left < min_size 2: peered, no I/O.
        #expect(Self.states(down) == [[.peered, .undersized, .degraded]: 8])
        #expect(down.ceph.inactivePGs == 8)
        #expect(down.ceph.inactivePools == ["rbd"])
        #expect(down.ceph.health.checks.map(\.name) == ["OSD_DOWN", "OSD_HOST_DOWN", "PG_AVAILABILITY", "PG_DEGRADED"])
        #expect(down.ceph.health.checks[1].summary == "2 hosts (2 osds) down")
        // The expectations name what failed.
        #expect(result.expectations.map(\.expectation.name) == ["max_inactive_pgs", "no_data_loss"])
        #expect(result.expectations.map(\.passed) == [false, true])
        #expect(!result.passed)
    }

    @Test func erasureCodedPGsGoDownBelowKShardsAndAreLostWhenTheDisksAreReplaced() throws {
        let pool = "{name: ec, type: erasure, k: 2, m: 1, pg_num: 4, application: cephfs, stored: 4GiB}"
        let (result, steps) = try Self.run(Self.tinyFleet(
            hosts: 3, pool: pool, mons: ["h0"],
            timeline: """
              - {at: 1m, event: fail_disk, disk: h0/disk0}
              - {at: 10m, event: fail_disk, disk: h1/disk0}
              - {at: 20m, event: restore_disk, disk: h0/disk0, replaced: true}
              - {at: 20m, event: restore_disk, disk: h1/disk0, replaced: true}

            """))
        let oneDown = try #require(Self.firstStep(steps) { $0 == .markedDown([0]) })
        // min_size 2 = k: two of three shards keep the PG active.
        #expect(Self.states(oneDown) == [[.active, .undersized, .degraded]: 4])
        let twoDown = try #require(Self.firstStep(steps) { $0 == .markedDown([1]) })
        // One shard < k: down (the shards on the down OSDs may come back).
        #expect(Self.states(twoDown) == [[.down, .undersized, .degraded]: 4])
        #expect(twoDown.ceph.lostPGs == 0)
        let replaced = try #require(Self.firstStep(steps) { $0 == .replaced(1) })
        // Both disks replaced: one shard of three is left anywhere: the data is gone.
        #expect(replaced.ceph.lostPGs == 4)
        #expect(Self.states(replaced) == [[.down, .undersized, .degraded, .incomplete]: 4])
        #expect(result.dataLost)
    }

    @Test func aReplacedDiskIsBackfilledWithExactlyTheBytesItHeld() throws {
        let yaml = Self.tinyFleet(
            hosts: 5, pool: "{name: rbd, pg_num: 32, application: rbd, stored: 32GiB}",
            timeline: "  - {at: 1m, event: fail_disk, disk: h3/disk0}\n  - {at: 3m, event: restore_disk, disk: h3/disk0, replaced: true}\n")
        let scenario = try Scenario(yaml: yaml, file: "tiny.yaml") { _ in nil }
        // Independently: the PGs whose up set holds osd.3, by Placement's mapper.
        let mapper = PlacementMapper(scenario.initialOSDMap())
        let held = (0..<32).filter { mapper.mapping(for: PGID(pool: 1, seed: UInt32($0))).up.contains(3) }.count
        #expect(held > 0)
        let result = Simulator(scenario: scenario).run()
        // Marked down at ~1m20s, replaced before the 10-minute out: only osd.3 is backfilled.
        #expect(result.final.isActiveClean)
        let expected = UInt64(held) * (1 << 30)
        #expect(result.final.bytesMoved >= expected - 1 && result.final.bytesMoved <= expected + 1)
    }

    @Test func recoveryTakesTheBytesOverTheBandwidth() throws {
        // One PG of 1 GB on three hosts: the replaced OSD receives 1 GB from the primary at
        // 100 MB/s (both disks' recovery bandwidth; the 10 Gbit/s NICs do not limit): 10 s.
        let yaml = Self.tinyFleet(
            hosts: 3, pool: "{name: rbd, pg_num: 1, application: rbd, stored: 1GB}",
            timeline: "  - {at: 1m, event: fail_disk, disk: h0/disk0}\n  - {at: 2m, event: restore_disk, disk: h0/disk0, replaced: true}\n")
        let (result, _) = try Self.run(yaml)
        let replaced = try #require(result.incidents.last)
        #expect(replaced.activeCleanAfter == .seconds(10))
        #expect(replaced.bytesMoved == 1_000_000_000)
    }

    @Test func aWholeRackDownIsNotMarkedOutButAHostIs() throws {
        let racks = ["r1", "r1", "r2", "r2"]
        let mon = "    - {name: mon, role: edge, cores: 4, ram: 4GiB, nic: 1Gbit/s}\n"
        let rackDown = Self.tinyFleet(
            hosts: 4, racks: racks, mons: ["h0", "h1", "mon"], extraHosts: mon,
            timeline: "  - {at: 1m, event: fail_rack, rack: r2}\n")
        let (_, rackSteps) = try Self.run(rackDown)
        let events = rackSteps.flatMap(\.events)
        #expect(events.contains(.markedDown([2, 3])))
        #expect(!events.contains { if case .markedOut = $0 { true } else { false } })
        #expect(events.contains { if case .keptIn(_, let why) = $0 { why.contains("all of r2 is down") } else { false } })

        let hostDown = Self.tinyFleet(
            hosts: 4, racks: racks, mons: ["h0", "h1", "mon"], extraHosts: mon,
            timeline: "  - {at: 1m, event: fail_host, host: h2}\n")
        let (_, hostSteps) = try Self.run(hostDown)
        let out = try #require(Self.firstStep(hostSteps) { if case .markedOut = $0 { true } else { false } })
        #expect(out.events.contains(.markedOut([2])))
        // Down at 1m + 20 s grace − heartbeat jitter; out 600 s later.
        let down = try #require(Self.firstStep(hostSteps) { if case .markedDown = $0 { true } else { false } })
        #expect(out.time - down.time == .seconds(600))
        #expect(down.time > .seconds(74) && down.time <= .seconds(80))
    }

    @Test func aShortOutageRecoversOnlyTheWritesItMissed() throws {
        // 86.4 GB/day = 1 MB/s into the pool. drone h2 is marked down at ~1m20s and returns at
        // 5m: it misses what was written in between on each of its 8 PGs (all of them).
        let yaml = Self.tinyFleet(
            hosts: 3, pool: "{name: rbd, pg_num: 8, application: rbd, stored: 8GiB, growth_per_day: 86.4GB}",
            timeline: "  - {at: 1m, event: fail_host, host: h2}\n  - {at: 5m, event: restore_host, host: h2}\n")
        let (result, steps) = try Self.run(yaml)
        let down = try #require(Self.firstStep(steps) { if case .markedDown = $0 { true } else { false } })
        let missedSeconds = Double((Duration.seconds(300) - down.time).components.seconds)
        let moved = Double(result.incidents[1].bytesMoved)
        // Down time is whole seconds plus the jitter's milliseconds: within 1 s of writes.
        #expect(abs(moved - missedSeconds * 1_000_000) <= 1_000_000)
        #expect(moved < 1e9)
    }

    @Test func theSameSeedGivesTheSameRunAndAnotherSeedMovesTheJitter() throws {
        let scenario = try Repository.scenario("scenarios/borg-collective.yaml")
        let a = Simulator(scenario: scenario).run()
        let b = Simulator(scenario: scenario).run()
        #expect(a == b)
        #expect(SimulationTextReport.render(a, scenario: scenario) == SimulationTextReport.render(b, scenario: scenario))
        let c = Simulator(scenario: scenario, seed: 1).run()
        let firstDown = { (r: SimulationResult) in
            r.steps.first { $0.events.contains { if case .markedDown = $0 { true } else { false } } }?.time
        }
        #expect(firstDown(a) != firstDown(c))
    }

    @Test func splittingPGsKeepsTheirDataAndOnlyMisplacesIt() throws {
        let (result, steps) = try Self.run(Self.tinyFleet(
            hosts: 4, pool: "{name: rbd, pg_num: 16, application: rbd, stored: 16GiB}",
            timeline: "  - {at: 1h, event: set_pool, pool: rbd, pg_num: 32}\n"))
        let split = try #require(steps.first { !$0.events.isEmpty && $0.time == .seconds(3600) })
        // Children start on their parents' OSDs: nothing is missing, some PGs move.
        #expect(split.ceph.pgs == 32)
        #expect(split.ceph.degradedPGs == 0 && split.ceph.inactivePGs == 0)
        #expect(split.ceph.misplacedBytes > 0)
        #expect(result.final.isActiveClean)
        #expect(result.final.storedBytes == 16 << 30)
    }

    @Test func losingARackOfTwoOfFourMonitorsLosesQuorumAndMarksNothing() throws {
        let scenario = try Repository.scenario("scenarios/rack-loss.yaml")
        var steps: [SimulationStep] = []
        let result = Simulator(scenario: scenario).run { steps.append($0) }
        #expect(result.incidents[0].monQuorumLost)
        #expect(result.incidents[0].osdsMarkedDown == 0)
        let during = try #require(steps.first { $0.time == .seconds(3600) })
        #expect(!during.ceph.monQuorum.isQuorate)
        #expect(during.ceph.health.status == .err)
        #expect(during.networkGroups == [["queen", "drone1", "edge1", "edge2"]])
    }
}
