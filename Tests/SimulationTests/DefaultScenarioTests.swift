import CRUSH
import Foundation
import Simulation
import Testing

/// The bundled default, `scenarios/borg-collective.yaml`: it loads, says what it should, and its
/// CRUSH map is `scenarios/borg-collective.crush`.
@Suite struct DefaultScenarioTests {
    let scenario: Scenario

    init() throws {
        scenario = try Repository.scenario("scenarios/borg-collective.yaml")
    }

    @Test func loadsWithOnlyTheMonitorWarning() throws {
        #expect(scenario.name == "borg-collective")
        #expect(scenario.seed == 709)
        let lines = try Repository.text("scenarios/borg-collective.yaml").split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  mons: [") }) + 1
        #expect(scenario.warnings.map(\.description) == [
            "scenarios/borg-collective.yaml:\(line):9: warning: ceph.mons: 4 monitors tolerate no more failures than 3: quorum needs 3",
        ])
    }

    @Test func theFleetIsTheSeedsQueenDronesAndEdgePis() {
        #expect(scenario.fleet.hosts(withRole: .queen).map(\.name) == ["queen"])
        #expect(scenario.fleet.hosts(withRole: .drone).map(\.name) == ["drone1", "drone2", "drone3"])
        #expect(scenario.fleet.hosts(withRole: .edge).map(\.name) == ["edge1", "edge2"])
        #expect(scenario.fleet.racks == ["rack1", "rack2"])
        // Merged from the drone1 anchor, with their own names and racks.
        let drone3 = scenario.fleet.host(named: "drone3")!
        #expect(drone3.ram == ByteSize(bytes: 32 << 30))
        #expect(drone3.location == Location(room: "lab", rack: "rack2"))
        #expect(drone3.disks.map(\.name) == ["ssd0", "hdd0"])
        // OSD ids in fleet order; NVMe in class ssd by override.
        let osds = scenario.fleet.hosts.flatMap { $0.disks.map { "\($0.osd!):\($0.deviceClass)" } }
        #expect(osds == ["0:ssd", "1:hdd", "2:ssd", "3:hdd", "4:ssd", "5:hdd", "6:ssd", "7:hdd"])
        #expect(scenario.fleet.host(named: "queen")!.disks[0].type == .nvme)
        // Edge Pis are tainted by default.
        #expect(scenario.fleet.host(named: "edge1")!.taints == [Taint.edge])
        #expect(scenario.fleet.host(named: "queen")!.taints.isEmpty)
    }

    @Test func poolsAndRules() {
        let pools = scenario.ceph.pools.map { "\($0.id) \($0.name) \($0.size)/\($0.minSize) pg \($0.pgNum) rule \($0.ruleID) \($0.rule)" }
        #expect(pools == [
            "1 device_health_metrics 3/2 pg 1 rule 0 replicated_rule",
            "2 rbd-vms 3/2 pg 64 rule 1 replicated_ssd",
            "3 rbd-k8s 3/2 pg 32 rule 1 replicated_ssd",
            "4 cephfs_metadata 3/2 pg 16 rule 1 replicated_ssd",
            "5 cephfs_data 3/2 pg 32 rule 2 replicated_hdd",
            "6 cephfs_media 3/2 pg 32 rule 3 cephfs_media",
        ])
        #expect(scenario.ceph.pool(named: "cephfs_media")!.kind == .erasure(k: 2, m: 1))
        #expect(scenario.ceph.config.osdRecoveryBandwidth.forClass("hdd") == .bytesPerSecond(90_000_000))
        #expect(scenario.ceph.config.fullRatio == 0.95)
        #expect(scenario.ceph.filesystems == [FileSystemSpec(name: "cephfs", metadataPool: "cephfs_metadata", dataPools: ["cephfs_data", "cephfs_media"])])
    }

    @Test func servicesAndWorkloads() {
        #expect(scenario.services.proxmox == ProxmoxCluster(nodes: ["queen", "drone1", "drone2", "drone3"], qdevice: "edge2"))
        #expect(scenario.services.k3s?.servers == ["queen"])
        #expect(scenario.services.mqtt?.host == "queen")
        #expect(scenario.services.homeAssistant?.host == "edge1")
        #expect(scenario.workloads.vms.map(\.name) == ["collective-db", "nextcloud", "dns-1", "dns-2"])
        #expect(scenario.workloads.vms[0].nodeAffinity == NodeAffinityRule(nodes: [NodePriority(node: "queen", priority: 2), NodePriority(node: "drone1", priority: 1)]))
        #expect(scenario.workloads.deployments.map(\.name) == ["collective-manager", "grafana", "zigbee2mqtt"])
        #expect(scenario.workloads.deployments[0].requests == ResourceList(cpu: CPUQuantity(millicores: 200), memory: ByteSize(bytes: 256 << 20)))
        #expect(scenario.workloads.statefulSets.map(\.name) == ["prometheus", "influxdb"])
    }

    @Test func theTimelineTellsTheStory() {
        let story = scenario.timeline.map { event -> String in
            let at = event.at.components.seconds
            switch event.action {
            case .failDisk(let d): return "\(at) fail \(d.host)/\(d.disk) osd.\(d.osd!)"
            case .restoreDisk(let d, let replaced): return "\(at) restore \(d.host)/\(d.disk)\(replaced ? " replaced" : "")"
            case .failHost(let h): return "\(at) fail \(h)"
            case .restoreHost(let h): return "\(at) restore \(h)"
            case .failQueen: return "\(at) fail queen"
            case .restoreQueen: return "\(at) restore queen"
            case .addHost(let host, let joins): return "\(at) add \(host.name) \(host.location.rack!) \(host.disks.map(\.name)) \(joins.map(\.rawValue))"
            default: return "\(at) ?"
            }
        }
        #expect(story == [
            "1800 fail drone2/hdd0 osd.5",
            "14400 restore drone2/hdd0 replaced",
            "28800 fail drone3",
            "36000 restore drone3",
            "86400 fail queen",
            "93600 add drone4 rack2 [\"ssd0\", \"hdd0\"] [\"proxmox\", \"k3s_agent\", \"consul_client\"]",
            "108000 restore queen",
        ])
        #expect(scenario.expectations.map(\.kind) == [.noDataLoss, .maxInactivePGs(0), .healthyWithin(.seconds(12 * 3600))])
    }

    /// `scenarios/borg-collective.crush` is the map the default scenario generates.
    @Test func theBundledCrushFileIsTheGeneratedMap() throws {
        let text = try Repository.text("scenarios/borg-collective.crush")
        let fromFile = try CrushMap(text: text)
        #expect(fromFile.decompiled() == scenario.crushMap.decompiled())
        let sameMap = fromFile == scenario.crushMap
        #expect(sameMap, "the .crush file is not the generated map")
        let sameBytes = fromFile.binaryEncoded() == scenario.crushMap.binaryEncoded()
        #expect(sameBytes, "the .crush file encodes to other bytes")
    }

    @Test func theSummary() {
        #expect(scenario.summary.hasPrefix("borg-collective (seed 709): One Queen"))
        #expect(scenario.summary.contains("  hdd  4 OSDs  18.19 TiB\n"))
        #expect(scenario.summary.contains("timeline: 7 events over 1d6h\n"))
    }
}
