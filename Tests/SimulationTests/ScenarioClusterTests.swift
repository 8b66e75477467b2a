import CRUSH
import Placement
import Testing

@testable import Simulation

/// The OSD map and the storage plan the default scenario starts from.
@Suite struct ScenarioClusterTests {
    let scenario: Scenario

    init() throws {
        scenario = try Repository.scenario("scenarios/borg-collective.yaml")
    }

    /// Every fleet disk is an OSD that is up and in; pools carry the file's settings.
    @Test func initialOSDMapHoldsTheFleetAndThePools() throws {
        let map = scenario.initialOSDMap()
        let disks = scenario.fleet.hosts.flatMap(\.disks)
        #expect(map.osds.count == disks.count)
        for disk in disks {
            let osd = try #require(disk.osd)
            #expect(map.isUp(osd) && map.isIn(osd))
        }
        let media = try #require(map.pool(named: "cephfs_media"))
        #expect(media.kind == .erasure && media.size == 3 && media.minSize == 2 && media.pgNum == 32)
        #expect(map.erasureCodeProfiles[media.erasureCodeProfile]?["k"] == "2")
        let vms = try #require(map.pool(named: "rbd-vms"))
        #expect(vms.kind == .replicated && vms.size == 3 && vms.minSize == 2 && vms.pgNum == 64)
        #expect(vms.flags.contains(.hashPSPool))
    }

    /// Every PG of every pool lands on OSDs of the pool's class, one per host: the rules the
    /// fleet generates do what the pool specs ask.
    @Test func everyPGLandsOnItsClassOnDistinctHosts() throws {
        let map = scenario.initialOSDMap()
        var hostOf: [Int32: String] = [:]
        var classOf: [Int32: String] = [:]
        for host in scenario.fleet.hosts {
            for disk in host.disks {
                hostOf[disk.osd!] = host.name
                classOf[disk.osd!] = disk.deviceClass
            }
        }
        let mapper = PlacementMapper(map)
        for spec in scenario.ceph.pools {
            for seed in 0..<spec.pgNum {
                let up = mapper.mapping(for: PGID(pool: spec.id, seed: seed)).up
                #expect(up.count == spec.size, "\(spec.name) pg \(seed): \(up)")
                #expect(Set(up.compactMap { hostOf[$0] }).count == up.count)
                if let deviceClass = spec.deviceClass {
                    #expect(up.allSatisfy { classOf[$0] == deviceClass })
                }
            }
        }
    }

    /// The plan names images as Proxmox and the claims as Kubernetes would.
    @Test func storagePlanOfTheDefaultScenario() {
        let plan = scenario.storagePlan()
        #expect(plan.pools.map(\.name) == scenario.ceph.pools.map(\.name))
        let media = plan.pools.first { $0.name == "cephfs_media" }
        #expect(media?.k == 2 && media?.m == 1 && media?.allowECOverwrites == true)
        let images = plan.images.map { "\($0.pool)/\($0.name) \($0.sizeBytes) \($0.owner)" }
        #expect(images == [
            "rbd-vms/vm-100-disk-0 \(200 << 30) vm/100",
            "rbd-vms/vm-101-disk-0 \(64 << 30) vm/101",
            "rbd-vms/vm-102-disk-0 \(8 << 30) vm/102",
            "rbd-vms/vm-103-disk-0 \(8 << 30) vm/103",
            "rbd-k8s/k8s-monitoring-grafana-data \(10 << 30) pvc/monitoring/grafana-data",
            "rbd-k8s/k8s-monitoring-tsdb-prometheus-0 \(50 << 30) pvc/monitoring/tsdb-prometheus-0",
            "rbd-k8s/k8s-home-data-influxdb-0 \(20 << 30) pvc/home/data-influxdb-0",
        ])
        #expect(plan.directories == [PlannedDirectory(fileSystem: "cephfs", path: "/cephfs_media", layoutPool: "cephfs_media")])
    }
}

/// The capacity input at time 0 holds every stored byte with its copies.
@Suite struct ScenarioCapacityTests {
    @Test func usedBytesAreThePoolsCopiesPlusFill() throws {
        let scenario = try Repository.scenario("scenarios/borg-collective.yaml")
        let input = scenario.capacityInput()
        let used = input.osds.reduce(UInt64(0)) { $0 + $1.usedRawBytes }
        var expected: UInt64 = 0
        for spec in scenario.ceph.pools {
            switch spec.kind {
            case .replicated:
                expected += spec.stored.bytes * UInt64(spec.size)
            case .erasure(let k, let m):
                // Shards round up: each of the pg_num PGs may add up to k-1 bytes per shard.
                let pgs = UInt64(spec.pgNum)
                let perPG = spec.stored.bytes / pgs
                let extra = spec.stored.bytes % pgs
                let shard = { (b: UInt64) in (b + UInt64(k) - 1) / UInt64(k) }
                expected += (shard(perPG + 1) * extra + shard(perPG) * (pgs - extra)) * UInt64(k + m)
            }
        }
        let fill = scenario.fleet.hosts.flatMap(\.disks).reduce(UInt64(0)) {
            $0 + UInt64((Double($1.size.bytes) * $1.fill).rounded(.down))
        }
        #expect(used == expected + fill)
        let pgShards = input.osds.reduce(0) { $0 + $1.pgCount }
        #expect(pgShards == scenario.ceph.pools.reduce(0) { $0 + Int($1.pgNum) * $1.size })
        let vms = PoolCapacity(pool: try #require(input.pools.first { $0.name == "rbd-vms" }), input: input)
        let limiting = try #require(vms.limitingOSD)
        #expect(scenario.disksByOSD[limiting]?.deviceClass == "ssd")
        #expect(vms.maxAvail > 0)
    }
}
