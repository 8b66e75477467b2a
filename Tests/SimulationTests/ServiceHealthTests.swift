import Testing

@testable import Simulation

/// Service health on the default fleet (scenarios/borg-collective.yaml): queen and drone1 in
/// rack1, drone2 and drone3 in rack2, edge1 and edge2 in no rack. Monitors on queen and the
/// three drones; managers queen, drone1; MDS drone2, drone3; Proxmox nodes queen, drone1,
/// drone2, drone3 with the QDevice on edge2; K3s one server (queen, sqlite); Consul one server
/// (queen); the MQTT broker on queen; Home Assistant on edge1; sensors on edge1 and edge2.
@Suite struct ServiceHealthTests {
    let layout: ServiceLayout

    init() throws {
        layout = ServiceLayout(try Repository.scenario("scenarios/borg-collective.yaml"))
    }

    func health(without failed: [String] = [], isolatedRacks: Set<String> = [], partition: [[String]]? = nil) -> ServiceHealth {
        var net = FleetConnectivity.healthy(layout.fleet)
        net.running.subtract(failed)
        net.isolatedRacks = isolatedRacks
        net.partition = partition
        return layout.health(under: net)
    }

    func state(_ health: ServiceHealth, _ service: CollectiveService) -> ServiceState? {
        health.status(of: service)?.state
    }

    @Test func everythingUpWhenEveryHostRuns() {
        let h = health()
        #expect(h.statuses.map(\.service) == CollectiveService.allCases)
        #expect(h.isHealthy, "\(h.rendered())")
        #expect(h.status(of: .cephManagers)?.serving == ["queen"] && h.status(of: .cephManagers)?.standby == ["drone1"])
        #expect(h.status(of: .cephMetadataServers)?.serving == ["drone2"])
        // 4 node votes + 1 QDevice vote (ffsplit, even node count) = 5 expected, 3 needed.
        #expect(h.status(of: .proxmox)?.votes == VoteCount(present: 5, needed: 3, expected: 5))
    }

    /// The Queen's loss: 3 of 4 monitors keep quorum (3 needed); the manager fails over to
    /// drone1 with no standby left; corosync keeps 3 node votes + the QDevice's (3 nodes are
    /// more than half of 4, so ffsplit gives it) = 4 of 5; K3s (sqlite, one server), Consul
    /// (one server) and the broker stop; Home Assistant runs but hears no sensor.
    @Test func queenLoss() throws {
        let h = health(without: ["queen"])
        #expect(state(h, .cephMonitors) == .degraded)
        #expect(h.status(of: .cephMonitors)?.serving == ["drone1", "drone2", "drone3"])
        let mgr = try #require(h.status(of: .cephManagers))
        #expect(mgr.state == .degraded)
        #expect(mgr.serving == ["drone1"] && mgr.standby.isEmpty && mgr.summary.contains("failed over from queen"))
        #expect(state(h, .proxmox) == .degraded)
        #expect(h.status(of: .proxmox)?.votes == VoteCount(present: 4, needed: 3, expected: 5))
        #expect(state(h, .kubernetes) == .down)
        #expect(h.status(of: .kubernetes)?.summary.contains("only K3s server (sqlite") == true)
        #expect(state(h, .consul) == .down)
        #expect(state(h, .mqtt) == .down)
        #expect(h.status(of: .mqtt)?.cutOff == ["edge1", "edge2"])
        #expect(state(h, .homeAssistant) == .up)
        #expect(state(h, .sensorAutomations) == .down)
        #expect(h.status(of: .sensorAutomations)?.summary == "a sensor alarm cannot trigger a drain: the MQTT broker on queen is down")
        #expect(layout.alarmBlocker(fromSensorOn: "edge2", under: {
            var net = FleetConnectivity.healthy(layout.fleet)
            net.running.remove("queen")
            return net
        }()) == "the MQTT broker on queen is down")
        #expect(layout.alarmBlocker(fromSensorOn: "edge2", under: .healthy(layout.fleet)) == nil)
    }

    /// Four monitors need three: any one may fail, no two may.
    @Test func fourMonitorsSurviveOneLossNotTwo() {
        let mons = ["queen", "drone1", "drone2", "drone3"]
        for a in mons {
            #expect(state(health(without: [a]), .cephMonitors) == .degraded)
            for b in mons where b > a {
                let h = health(without: [a, b])
                #expect(state(h, .cephMonitors) == .down)
                #expect(h.status(of: .cephMonitors)?.votes == VoteCount(present: 2, needed: 3, expected: 4))
                // Managers and MDS need the monitors to be made active.
                #expect(state(h, .cephManagers) == .down && state(h, .cephMetadataServers) == .down)
            }
        }
    }

    /// Corosync with 4 nodes and the QDevice on edge2, over every combination of those five
    /// hosts failing. Worked by hand from votequorum and ffsplit: 5 votes expected, 3 needed.
    /// k surviving nodes bring k votes; the QDevice adds its vote when edge2 runs and the
    /// surviving partition has at least half the nodes (k >= 2). So quorum holds when k >= 3,
    /// or when k == 2 and edge2 runs; k == 1 never (1 node + no vote, ffsplit gives none below
    /// half).
    @Test(arguments: 0..<32) func corosyncWithQDevice(mask: Int) {
        let hosts = ["queen", "drone1", "drone2", "drone3", "edge2"]
        let failed = hosts.indices.filter { mask & (1 << $0) != 0 }.map { hosts[$0] }
        let nodesUp = 4 - failed.filter { $0 != "edge2" }.count
        let qdeviceUp = !failed.contains("edge2")
        let quorate = nodesUp >= 3 || (nodesUp == 2 && qdeviceUp)
        let status = health(without: failed).status(of: .proxmox)!
        #expect((status.state != .down) == quorate, "\(failed): \(status.summary)")
        #expect((status.state == .up) == failed.isEmpty)
        let votes = nodesUp + (qdeviceUp && nodesUp >= 2 ? 1 : 0)
        #expect(status.votes?.present == votes)
    }

    /// rack2's uplink fails: queen, drone1, edge1, edge2 on one side, drone2 and drone3 on the
    /// other. Monitors split 2:2, no side has 3: no quorum, so no manager or MDS either.
    /// Corosync splits 2:2, a 50:50 split: only queen and drone1 reach qnetd on edge2, so ffsplit
    /// gives them the vote: 3 of 5. K3s and Consul serve on queen but lose drone2 and drone3.
    /// The broker, Home Assistant and every sensor are on the queen's side.
    @Test func rackUplinkSplitsTheMonitors() throws {
        let h = health(isolatedRacks: ["rack2"])
        #expect(state(h, .cephMonitors) == .down)
        #expect(state(h, .cephManagers) == .down && state(h, .cephMetadataServers) == .down)
        let proxmox = try #require(h.status(of: .proxmox))
        #expect(proxmox.state == .degraded)
        #expect(proxmox.serving == ["queen", "drone1", "edge2"] && proxmox.cutOff == ["drone2", "drone3"])
        #expect(proxmox.votes == VoteCount(present: 3, needed: 3, expected: 5))
        #expect(state(h, .kubernetes) == .degraded && h.status(of: .kubernetes)?.cutOff == ["drone2", "drone3"])
        #expect(state(h, .consul) == .degraded && h.status(of: .consul)?.cutOff == ["drone2", "drone3"])
        #expect(state(h, .mqtt) == .up && state(h, .sensorAutomations) == .up)
    }

    /// The Queen alone on one side of a partition: the other side has 3 monitors (quorum) and 3
    /// Proxmox nodes with the QDevice (4 of 5); the Queen keeps K3s, Consul and the broker
    /// running, but no agent, client or Home Assistant reaches them.
    @Test func queenPartitionedAway() {
        let h = health(partition: [["queen"], ["drone1", "drone2", "drone3", "edge1", "edge2"]])
        #expect(state(h, .cephMonitors) == .degraded)
        #expect(h.status(of: .cephManagers)?.serving == ["drone1"])
        #expect(h.status(of: .proxmox)?.serving == ["drone1", "drone2", "drone3", "edge2"])
        #expect(h.status(of: .proxmox)?.cutOff == ["queen"])
        #expect(state(h, .kubernetes) == .degraded)
        #expect(h.status(of: .kubernetes)?.cutOff == ["drone1", "drone2", "drone3", "edge1", "edge2"])
        #expect(state(h, .mqtt) == .degraded && h.status(of: .mqtt)?.cutOff == ["edge1", "edge2"])
        #expect(state(h, .sensorAutomations) == .down)
        #expect(h.status(of: .sensorAutomations)?.summary.contains("cannot reach the MQTT broker on queen") == true)
    }

    /// Hand-worked: the Queen alone runs K3s (sqlite), Consul's only server and the broker, and
    /// the automations need the broker; edge1 alone runs Home Assistant, which the automations
    /// need too. Every other service has a second member (monitors 3 of 4, manager and MDS
    /// standbys, corosync 4 of 5).
    @Test func singlePointsOfFailure() {
        let spofs = layout.singlePointsOfFailure()
        #expect(spofs.map { "\($0.host) \($0.service.rawValue)" } == [
            "queen k3s", "queen consul", "queen mqtt", "queen sensor-automations",
            "edge1 home-assistant", "edge1 sensor-automations",
        ])
        #expect(spofs[0].reason == "queen is the only K3s server (sqlite datastore) and it is down: no Kubernetes API")
    }

    /// A rack's failure: rack1 holds queen and drone1, so 2 of 4 monitors and both managers go,
    /// plus everything on the Queen; corosync keeps drone2 and drone3 (half of 4) with the
    /// QDevice's vote: 3 of 5. rack2 takes 2 monitors (so the managers and MDS, which need them,
    /// stop too); corosync keeps queen and drone1 the same way. Agents and clients that are
    /// down are not cut off: K3s and Consul still serve everyone running.
    @Test func rackFailures() throws {
        let impacts = layout.failureImpacts()
        #expect(impacts.map(\.name) == ["queen", "drone1", "drone2", "drone3", "edge1", "edge2", "rack1", "rack2"])
        let rack1 = try #require(impacts.first { $0.name == "rack1" })
        #expect(rack1.hosts == ["queen", "drone1"])
        #expect(rack1.failed.map(\.service) == [.cephMonitors, .cephManagers, .cephMetadataServers, .kubernetes, .consul, .mqtt, .sensorAutomations])
        #expect(rack1.degraded == [.proxmox])
        let rack2 = try #require(impacts.first { $0.name == "rack2" })
        #expect(rack2.failed.map(\.service) == [.cephMonitors, .cephManagers, .cephMetadataServers])
        #expect(rack2.degraded == [.proxmox])
    }

    /// drone4 joins Proxmox: the QDevice is removed first (Proxmox's procedure) and five nodes
    /// vote alone, 3 of 5 needed.
    @Test func assimilationRetiresTheQDeviceAtAnOddNodeCount() throws {
        var grown = layout
        var drone4 = try #require(layout.fleet.host(named: "drone1"))
        drone4.name = "drone4"
        grown.assimilate(drone4, joining: [.proxmox, .k3sAgent, .consulClient])
        #expect(grown.services.proxmox?.nodes.last == "drone4" && grown.services.proxmox?.qdevice == nil)
        #expect(grown.services.k3s?.agents.last == "drone4" && grown.services.consul?.clients.last == "drone4")
        #expect(grown.health(under: .healthy(grown.fleet)).status(of: .proxmox)?.votes == VoteCount(present: 5, needed: 3, expected: 5))
        var drone5 = drone4
        drone5.name = "drone5"
        grown.assimilate(drone5, joining: [.proxmox])
        #expect(grown.services.proxmox?.qdevice == "edge2")
    }

    /// What a timeline prints when the Queen fails: every service the Queen runs or votes in
    /// changes (monitors, manager, corosync, K3s, Consul, broker, automations); the MDS on
    /// drone2/drone3 and Home Assistant on edge1 do not.
    @Test func changesSinceHealthy() {
        let before = health()
        let after = health(without: ["queen"])
        #expect(after.changes(since: before).map(\.service) == [
            .cephMonitors, .cephManagers, .proxmox, .kubernetes, .consul, .mqtt, .sensorAutomations,
        ])
        #expect(after.changes(since: after).isEmpty)
        #expect(after.down == [.kubernetes, .consul, .mqtt, .sensorAutomations])
    }
}
