import Testing

@testable import Simulation

/// `ServicePlacement.tolerates` (from each service's quorum rule) against an independent count:
/// every subset of the fleet's hosts failing, the smallest one that stops the service.
@Suite struct FailureToleranceTests {
    /// The smallest number of failed hosts that stops `service`, minus one: what it tolerates.
    static func bruteForceTolerance(_ layout: ServiceLayout, _ service: CollectiveService) -> Int {
        let hosts = layout.fleet.hosts.map(\.name)
        var smallest = hosts.count + 1
        for mask in 0..<(1 << hosts.count) {
            let failed = hosts.indices.filter { mask & (1 << $0) != 0 }.map { hosts[$0] }
            guard failed.count < smallest else { continue }
            var net = FleetConnectivity.healthy(layout.fleet)
            net.running.subtract(failed)
            if layout.health(under: net).status(of: service)?.state == .down { smallest = failed.count }
        }
        return smallest - 1
    }

    static let base: Scenario = try! Repository.scenario("scenarios/borg-collective.yaml")

    /// The default layout and variants that exercise each rule: etcd and Consul majorities of 3,
    /// corosync with 3 nodes + QDevice (lms, 2 votes), 2 nodes + QDevice (ffsplit), 4 nodes
    /// without one, an external K3s datastore with 2 servers, 3 managers with 3 monitors.
    static let layouts: [(String, ServiceLayout)] = {
        let s = base
        var variants: [(String, ServiceLayout)] = [("default", ServiceLayout(s))]
        func layout(_ edit: (inout CephSettings, inout Services) -> Void) -> ServiceLayout {
            var ceph = s.ceph
            var services = s.services
            edit(&ceph, &services)
            return ServiceLayout(fleet: s.fleet, ceph: ceph, services: services)
        }
        variants.append(("etcd and consul of 3", layout { _, services in
            services.k3s = K3sCluster(servers: ["queen", "drone1", "drone2"], agents: ["drone3"], datastore: .etcd)
            services.consul = ConsulCluster(servers: ["queen", "drone1", "drone2"], clients: ["edge1"])
        }))
        variants.append(("3 nodes + lms qdevice", layout { _, services in
            services.proxmox = ProxmoxCluster(nodes: ["drone1", "drone2", "drone3"], qdevice: "edge2")
        }))
        variants.append(("2 nodes + ffsplit qdevice", layout { _, services in
            services.proxmox = ProxmoxCluster(nodes: ["queen", "drone1"], qdevice: "edge2")
        }))
        variants.append(("4 nodes, no qdevice", layout { _, services in
            services.proxmox = ProxmoxCluster(nodes: ["queen", "drone1", "drone2", "drone3"])
        }))
        variants.append(("external datastore, 3 mons, 3 mgrs", layout { ceph, services in
            services.k3s = K3sCluster(servers: ["queen", "drone1"], agents: ["drone2"], datastore: .external)
            ceph.mons = ["queen", "drone1", "drone2"]
            ceph.mgrs = ["queen", "drone1", "drone2"]
        }))
        return variants
    }()

    @Test(arguments: layouts.indices) func toleranceMatchesEveryFailureCombination(index: Int) {
        let (name, layout) = Self.layouts[index]
        for placement in layout.placements {
            #expect(placement.tolerates == Self.bruteForceTolerance(layout, placement.service), "\(name): \(placement.service.rawValue)")
        }
    }

    /// The default fleet, worked by hand: 4 monitors survive 1; 2 managers and 2 MDS survive 1
    /// (and the monitors allow 1); corosync 4 nodes + ffsplit QDevice survives 2 (2 nodes + the
    /// vote = 3 of 5); one sqlite server, one Consul server, one broker, one Home Assistant: 0.
    @Test func defaultFleet() {
        let tolerated = ServiceLayout(Self.base).placements.map { "\($0.service.rawValue) \($0.tolerates)" }
        #expect(tolerated == [
            "ceph-mon 1", "ceph-mgr 1", "ceph-mds 1", "proxmox 2", "k3s 0", "consul 0", "mqtt 0",
            "home-assistant 0", "sensor-automations 0",
        ])
    }

    /// ffsplit's and lms's choice between partitions, directly (the fleet's network model never
    /// lets two partitions both reach qnetd, so the tie-breaker is checked here).
    @Test func qdeviceTieBreaks() {
        typealias P = QDeviceVote.Partition
        let ffsplit = QDeviceVote(nodes: ["a", "b", "c", "d"])
        #expect(ffsplit.algorithm == .ffsplit && ffsplit.votes == 1)
        // 50:50, both fully connected: the partition with the lowest node id (a) wins.
        #expect(ffsplit.winner(among: [P(nodes: ["c", "d"], connectedToQNetd: 2), P(nodes: ["a", "b"], connectedToQNetd: 2)]) == 1)
        // 50:50, more nodes connected to qnetd wins before the tie-breaker.
        #expect(ffsplit.winner(among: [P(nodes: ["a", "b"], connectedToQNetd: 1), P(nodes: ["c", "d"], connectedToQNetd: 2)]) == 1)
        // Below half: no vote, even alone.
        #expect(ffsplit.winner(among: [P(nodes: ["d"], connectedToQNetd: 1)]) == nil)
        // More than half wins whatever came first.
        #expect(ffsplit.winner(among: [P(nodes: ["a"], connectedToQNetd: 1), P(nodes: ["b", "c", "d"], connectedToQNetd: 1)]) == 1)
        let lms = QDeviceVote(nodes: ["a", "b", "c"])
        #expect(lms.algorithm == .lms && lms.votes == 2)
        #expect(lms.winner(among: [P(nodes: ["c"], connectedToQNetd: 1)]) == 0)
        #expect(lms.winner(among: [P(nodes: ["a"], connectedToQNetd: 1), P(nodes: ["b", "c"], connectedToQNetd: 2)]) == 1)
        #expect(lms.winner(among: [P(nodes: ["b", "c"], connectedToQNetd: 0), P(nodes: ["a"], connectedToQNetd: 1)]) == 1)
    }
}
