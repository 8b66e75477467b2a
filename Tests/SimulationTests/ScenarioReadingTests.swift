import CRUSH
import Foundation
import Simulation
import Testing

/// What the reader makes of valid files: defaults, merge keys, imported maps, the timeline's
/// notion of which hosts exist when.
@Suite struct ScenarioReadingTests {
    static let fourHosts = """
        fleet:
          hosts:
            - &drone {name: queen, role: queen, cores: 16, ram: 128GiB, nic: 10Gbit/s, location: {rack: rack1}, disks: [{name: nvme0, type: nvme, class: ssd, size: 2TB}, {name: hdd0, type: hdd, size: 8TB}]}
            - {<<: *drone, name: drone1, role: drone, disks: [{name: ssd0, type: ssd, size: 2TB}, {name: hdd0, type: hdd, size: 4TB}]}
            - {<<: *drone, name: drone2, role: drone, location: {rack: rack2}, disks: [{name: ssd0, type: ssd, size: 2TB}, {name: hdd0, type: hdd, size: 4TB}]}
            - {<<: *drone, name: drone3, role: drone, location: {rack: rack2}, disks: [{name: ssd0, type: ssd, size: 2TB}, {name: hdd0, type: hdd, size: 4TB}]}
        """

    @Test func cephDefaults() throws {
        let scenario = try Scenario(yaml: Self.fourHosts + """

            ceph:
              mons: [queen, drone1, drone2]
              mgrs: [queen]
              pools:
                - {name: r}
                - {name: ec, type: erasure, k: 2, m: 2, device_class: hdd}
            """, file: "x.yaml")
        let r = try #require(scenario.ceph.pool(named: "r"))
        #expect((r.size, r.minSize, r.pgNum, r.pgpNum, r.rule, r.id) == (3, 2, 32, 32, "replicated_rule", 1))
        let ec = try #require(scenario.ceph.pool(named: "ec"))
        #expect((ec.size, ec.minSize, ec.rule, ec.ruleID, ec.id) == (4, 3, "ec", 1, 2))
        #expect(scenario.ceph.config == CephConfig())
        #expect(scenario.ceph.crush == .generated(tunables: .jewel))
        #expect(scenario.seed == 0)
        #expect(scenario.name == "x")
        #expect(scenario.warnings.isEmpty)
    }

    /// Importing the default scenario's map for the same fleet gives the same OSDs and weights.
    @Test func importedMapLinksDisksToOSDs() throws {
        let yaml = Self.fourHosts + """

            ceph:
              crush: {import: borg-collective.crush}
              mons: [queen, drone1, drone2]
              mgrs: [queen]
              pools:
                - {name: vms, rule: replicated_ssd}
                - {name: media, type: erasure, k: 2, m: 1, rule: cephfs_media}
            """
        let imported = try Scenario(yaml: yaml, file: "scenarios/import.yaml") { path in
            FileManager.default.contents(atPath: Repository.root.appendingPathComponent(path).path).map { [UInt8]($0) }
        }
        let generated = try Repository.scenario("scenarios/borg-collective.yaml")
        #expect(imported.ceph.crush == .imported(path: "borg-collective.crush"))
        #expect(imported.crushMap.decompiled() == generated.crushMap.decompiled())
        #expect(imported.fleet.hosts.map(\.disks) == generated.fleet.hosts.prefix(4).map(\.disks))
        #expect(imported.ceph.pools.map(\.ruleID) == [1, 3])
    }

    @Test func theTimelineKnowsWhenHostsExist() {
        let yaml = Self.fourHosts + """

            ceph: {mons: [queen], mgrs: [queen]}
            timeline:
              - {at: 2h, event: fail_host, host: drone4}
              - {at: 1h, event: add_host, host: {name: drone4, role: drone, cores: 4, ram: 8GiB, nic: 1Gbit/s, location: {rack: rack3}, disks: [{name: d0, type: hdd, size: 4TB}], sensors: [{name: s4, kind: smoke, drains: [rack3, rack7]}]}}
              - {at: 3h, event: fail_disk, disk: drone4/d0}
              - {at: 4h, event: fail_rack, rack: rack3}
              - {at: 5h, event: remove_host, host: drone4}
              - {at: 6h, event: restore_host, host: drone4}
              - {at: 7h, event: partition, groups: [[queen, drone1], [drone2, drone1]]}
              - {at: 8h, event: reweight, disk: osd.3, weight: 0.5, crush_weight: 1}
              - {at: 9h, event: set_pool, pool: none, size: 2}
              - {at: 10h, event: fail_link}
            """
        #expect(diagnostics(yaml) == [
            "x.yaml:10:10: warning: timeline[1].at: 1h is before the event above (2h); events run in time order",
            "x.yaml:10:218: timeline[1].host.sensors[0].drains[1]: unknown host or rack \"rack7\"; did you mean \"rack1\"?",
            "x.yaml:14:41: timeline[5].host: host \"drone4\" was removed at 5h",
            "x.yaml:15:67: timeline[6].groups[1][1]: drone1 is in two groups",
            "x.yaml:16:5: timeline[7]: give weight (ceph osd reweight, 0…1) or crush_weight (TiB), not both",
            "x.yaml:17:37: timeline[8].pool: unknown pool \"none\"",
            "x.yaml:18:5: timeline[9]: missing required key \"host\" or \"rack\" (whose link)",
        ])
    }

    @Test func sensorsServicesAndWarnings() {
        let yaml = Self.fourHosts + """

                - {name: pi, role: edge, cores: 4, ram: 8GiB, nic: 1Gbit/s, arch: arm64, sensors: [{name: t, kind: temperature, drains: [rack9]}]}
            ceph:
              mons: [queen, drone1]
              mgrs: [queen]
              pools:
                - {name: p, pg_num: 100}
            services:
              proxmox: {nodes: [queen, drone1, pi], qdevice: queen}
              k3s: {servers: [queen, drone1], agents: [drone1]}
              consul: {servers: [queen, drone1]}
            timeline:
              - {at: 1h, event: sensor_alarm, sensor: tt}
            """
        #expect(diagnostics(yaml) == [
            "x.yaml:7:126: fleet.hosts[4].sensors[0].drains[0]: unknown host or rack \"rack9\"; did you mean \"rack1\"?",
            "x.yaml:9:9: warning: ceph.mons: 2 monitors tolerate no more failures than 1: quorum needs 2",
            "x.yaml:12:25: warning: ceph.pools[0].pg_num: pg_num 100 is not a power of two: PGs will differ in size (POOL_PG_NUM_NOT_POWER_OF_TWO)",
            "x.yaml:14:36: warning: services.proxmox.nodes[2]: pi is arm64; Proxmox VE runs on amd64 only",
            "x.yaml:14:50: services.proxmox.qdevice: queen is a cluster node; a QDevice runs on a machine outside the cluster",
            "x.yaml:15:18: services.k3s.servers: the sqlite datastore allows one server; use etcd (embedded) for 2 servers",
            "x.yaml:15:44: services.k3s.agents[0]: drone1 is a server already (servers run the agent too)",
            "x.yaml:16:21: warning: services.consul.servers: 2 Consul servers tolerate no more failures than 1",
            "x.yaml:18:43: timeline[0].sensor: unknown sensor \"tt\"; did you mean \"t\"?",
        ])
    }

    @Test func kubernetesNodeNames() {
        let yaml = """
            fleet:
              hosts:
                - {name: Queen_1, role: queen, cores: 4, ram: 8GiB, nic: 1Gbit/s}
            ceph: {mons: [Queen_1], mgrs: [Queen_1]}
            services:
              k3s: {servers: [Queen_1]}
            """
        #expect(diagnostics(yaml) == [
            "x.yaml:6:19: warning: services.k3s.servers[0]: Queen_1 is not a valid Kubernetes node name (lowercase letters, digits, '-' and '.')",
        ])
    }
}
