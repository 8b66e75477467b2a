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
        #expect(plan.directories == [PlannedDirectory(fileSystem: "cephfs", path: "/cephfs_media")])
    }
}
