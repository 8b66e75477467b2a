import Placement
import Reports
import Simulation
import Testing

/// The growth projection: days to nearfull and full, worked by hand on a small cluster, and
/// checked day by day against a full recomputation of the default scenario.
@Suite struct CapacityProjectionTests {
    /// Three hosts with one 1 TB (10¹² bytes) OSD each and size-3 pools: every OSD holds a copy
    /// of every PG. Pool `a` stores 100 GiB and grows 10 GiB a day; pool `b` is empty and grows
    /// 5 GiB a day. So each OSD holds 107374182400 bytes and grows 15 GiB = 16106127360 bytes
    /// a day — both pools' growth, which is why `b`, empty, runs out as soon as `a`.
    ///
    /// nearfull: 0.85f × 10¹² = 850000023841.86; (850000023841.86 − 107374182400) / 16106127360
    /// = 46.11, so day 47 (day 46: 848256040960 bytes, 84.8%; day 47: 864362168320, 86.4%).
    /// full: 0.95f × 10¹² = 949999988079.07; (949999988079.07 − 107374182400) / 16106127360
    /// = 52.32, so day 53 (day 52: 944892805120, 94.5%; day 53: 960998932480, 96.1%).
    static let yaml = """
        fleet:
          hosts:
            - {name: h1, role: queen, cores: 4, ram: 16GiB, nic: 1Gbit/s, disks: [{type: ssd, size: 1TB}]}
            - {name: h2, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s, disks: [{type: ssd, size: 1TB}]}
            - {name: h3, role: drone, cores: 4, ram: 16GiB, nic: 1Gbit/s, disks: [{type: ssd, size: 1TB}]}
        ceph:
          mons: [h1, h2, h3]
          pools:
            - {name: a, pg_num: 8, stored: 100GiB, growth_per_day: 10GiB}
            - {name: b, pg_num: 8, growth_per_day: 5GiB}
        """

    @Test func handWorkedCluster() throws {
        let scenario = try Scenario(yaml: Self.yaml, file: "hand.yaml") { _ in nil }
        let projection = CapacityProjection(scenario: scenario)
        #expect(projection.osds.map(\.usedBytes) == [107_374_182_400, 107_374_182_400, 107_374_182_400])
        #expect(projection.osds.map(\.growthPerDay) == [16_106_127_360, 16_106_127_360, 16_106_127_360])
        let plan = CapacityPlan(scenario: scenario)
        #expect(plan.pools.map(\.spec.name) == ["a", "b"])
        for pool in plan.pools {
            #expect(pool.nearFull?.day == 47, "\(pool.spec.name)")
            #expect(pool.full?.day == 53, "\(pool.spec.name)")
        }
    }

    /// `firstDay` follows Ceph's strict `>`: 850 of 1000 bytes is exactly 0.85f, not over it.
    @Test func firstDayIsStrictlyOver() {
        // (850.0000238 − 500) / 10 = 35.0000024 → day 36; day 35 is 850/1000 = 0.85f, not over.
        #expect(CapacityProjection.firstDay(used: 500, size: 1000, growthPerDay: 10, ratio: 0.85) == 36)
        #expect(CapacityProjection.firstDay(used: 900, size: 1000, growthPerDay: 0, ratio: 0.85) == 0)
        #expect(CapacityProjection.firstDay(used: 500, size: 1000, growthPerDay: 0, ratio: 0.85) == nil)
        #expect(CapacityProjection.firstDay(used: 0, size: 0, growthPerDay: 10, ratio: 0.85) == nil)
        // Beyond a century is never.
        #expect(CapacityProjection.firstDay(used: 0, size: 1 << 40, growthPerDay: 1, ratio: 0.85) == nil)
    }

    /// For each pool of the default scenario, recompute the cluster on the projected day and the
    /// day before from scratch (`ScenarioCapacity` with every pool's stored bytes grown by that
    /// many days, PGs re-spread): the named OSD is over the ratio on that day, and no OSD of the
    /// pool is the day before.
    @Test func defaultScenarioAgreesWithRecomputation() throws {
        let scenario = try ReportFixtures.scenario("scenarios/borg-collective.yaml")
        let plan = CapacityPlan(scenario: scenario)
        let map = scenario.initialOSDMap()
        func input(onDay day: Int) -> CapacityInput {
            ScenarioCapacity.input(
                map: map, diskOf: scenario.disksByOSD,
                stored: Dictionary(uniqueKeysWithValues: scenario.ceph.pools.map {
                    ($0.id, $0.stored.bytes + UInt64(day) * $0.growthPerDay.bytes)
                }),
                ratios: scenario.fullRatios)
        }
        var checked = 0
        for pool in plan.pools {
            for (horizon, states) in [
                (pool.nearFull, Set<OSDFullness>([.nearFull, .backfillFull, .full, .failsafe])),
                (pool.full, Set<OSDFullness>([.full, .failsafe])),
            ] {
                guard let horizon else { continue }
                let on = input(onDay: horizon.day)
                let osd = try #require(on.osds.first { $0.id == horizon.osd })
                #expect(states.contains(OSDFullness(osd: osd, ratios: on.ratios)), "\(pool.spec.name) day \(horizon.day)")
                if horizon.day > 0 {
                    let before = input(onDay: horizon.day - 1)
                    for osd in before.osds where pool.osds.contains(osd.id) {
                        #expect(!states.contains(OSDFullness(osd: osd, ratios: before.ratios)), "\(pool.spec.name) osd.\(osd.id) day \(horizon.day - 1)")
                    }
                }
                checked += 1
            }
        }
        #expect(checked >= 4)
    }
}
