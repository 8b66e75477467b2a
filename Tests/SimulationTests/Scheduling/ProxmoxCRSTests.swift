import Testing
@testable import Simulation

/// The Proxmox HA manager's static-CRS test cases (pve-ha-manager src/test/test-crs-static1…5:
/// hardware_status, static_service_stats, rules_config and the node log.expect reports),
/// rebuilt as scheduler inputs: the same node must be chosen.
@Suite struct ProxmoxCRSTests {
    typealias Node = ProxmoxStaticCRS.NodeUsage

    static func scheduler(_ nodes: [Node], mode: ProxmoxHAScheduler.Mode = .static) -> ProxmoxHAScheduler {
        ProxmoxHAScheduler(mode: mode, nodes: nodes)
    }

    /// Moves services off node1 one by one, as the manager does in sid order, each counted on
    /// its target before the next is scored; returns the targets.
    static func moveInOrder(_ services: [(sid: String, cpu: Double, memory: Double)], onto start: [Node]) -> [String] {
        var nodes = start
        var chosen: [String] = []
        for (sid, cpu, memory) in services {
            let service = ProxmoxHAScheduler.Service(sid: sid, cpu: cpu, memory: memory)
            guard let node = scheduler(nodes).select(service, current: "node1", preference: .bestScore).node,
                  let index = nodes.firstIndex(where: { $0.name == node }) else { break }
            nodes[index].add(cpu: cpu, memory: memory)
            chosen.append(node)
        }
        return chosen
    }

    /// test-crs-static1: node1 (32 CPUs, 100 GB) fails; vm:102 is recovered to node3 (300 GB)
    /// rather than node2 (200 GB). The test gives no service stats; any non-zero size picks node3.
    @Test func crsStatic1RecoversToTheNodeWithMoreMemory() {
        let nodes = [Node(name: "node2", maxCPU: 32, maxMemory: 200e9), Node(name: "node3", maxCPU: 32, maxMemory: 300e9)]
        let service = ProxmoxHAScheduler.Service(sid: "vm:102", cpu: 2, memory: 4e9)
        #expect(Self.scheduler(nodes).select(service, current: "node1", preference: .bestScore).node == "node3")
    }

    /// test-crs-static2: vm:102 (2 CPUs, 4 GB) with a non-strict node-affinity rule for node1.
    @Test(arguments: [
        // node1 off: node2, node3, node5 online → node3.
        (["node2", "node3", "node5"], "node3"),
        // node4 (64 CPUs, 300 GB) joined, node1 off → node4.
        (["node2", "node3", "node4", "node5"], "node4"),
        // node2 and node1 off → node4.
        (["node3", "node4", "node5"], "node4"),
        // node3 and node1 off → node4.
        (["node2", "node4", "node5"], "node4"),
    ])
    func crsStatic2Recovery(online: [String], expected: String) {
        let all = [
            Node(name: "node1", maxCPU: 32, maxMemory: 100e9), Node(name: "node2", maxCPU: 32, maxMemory: 200e9),
            Node(name: "node3", maxCPU: 32, maxMemory: 300e9), Node(name: "node4", maxCPU: 64, maxMemory: 300e9),
            Node(name: "node5", maxCPU: 32, maxMemory: 100e9),
        ]
        let service = ProxmoxHAScheduler.Service(
            sid: "vm:102", cpu: 2, memory: 4e9, affinity: NodeAffinityRule(nodes: [NodePriority(node: "node1")]))
        let selection = Self.scheduler(all.filter { online.contains($0.name) }).select(service, current: "node1", preference: .bestScore)
        #expect(selection.node == expected)
    }

    /// test-crs-static2: when node1 is back, the service migrates back to it (failback to the
    /// rule's node).
    @Test func crsStatic2FailsBackToThePreferredNode() {
        let nodes = [
            Node(name: "node1", maxCPU: 32, maxMemory: 100e9), Node(name: "node3", maxCPU: 32, maxMemory: 300e9, cpu: 2, memory: 4e9),
        ]
        let service = ProxmoxHAScheduler.Service(
            sid: "vm:102", cpu: 2, memory: 4e9, affinity: NodeAffinityRule(nodes: [NodePriority(node: "node1")]))
        #expect(Self.scheduler(nodes).select(service, current: "node3", preference: .none).node == "node1")
    }

    /// test-crs-static3: node1 enters maintenance; its nine services (2 CPUs, 4 GB each) are
    /// migrated one by one, each counted on its target before the next is placed:
    /// node2 (64 CPUs, 200 GB) and node3 (32 CPUs, 100 GB) get 2, 2, 3, 2, 2, 3, 2, 2, 3.
    @Test func crsStatic3MaintenanceSpreadsByLoad() {
        let nodes = [Node(name: "node2", maxCPU: 64, maxMemory: 200e9), Node(name: "node3", maxCPU: 32, maxMemory: 100e9)]
        let chosen = Self.moveInOrder((101...109).map { ("vm:\($0)", 2, 4e9) }, onto: nodes)
        #expect(chosen == ["node2", "node2", "node3", "node2", "node2", "node3", "node2", "node2", "node3"])
    }

    /// test-crs-static4: node1 is shut down with the migrate policy; ct:101 (no CPU limit, so
    /// it counts a whole node's CPUs, and 40 GB) goes to node2, the eight small ones (2 CPUs,
    /// 2 GB) all to node3. Three equal nodes of 32 CPUs and 100 GB.
    @Test func crsStatic4HeavyServiceGetsANodeToItself() {
        let nodes = [Node(name: "node2", maxCPU: 32, maxMemory: 100e9), Node(name: "node3", maxCPU: 32, maxMemory: 100e9)]
        let chosen = Self.moveInOrder([("ct:101", 0, 40e9)] + (102...109).map { ("ct:\($0)", 2, 2e9) }, onto: nodes)
        #expect(chosen == ["node2"] + Array(repeating: "node3", count: 8))
    }

    /// test-crs-static5: node2 runs ct:102 (0.5 CPU, 40 GB), node3 (128 CPUs) runs ct:103
    /// (0.5 CPU, 0.2 GB); node1's six small services (0.5 CPU, 0.2 GB) all go to node3.
    @Test func crsStatic5SmallServicesGoToTheNodeWithCPUToSpare() {
        var nodes = [
            Node(name: "node2", maxCPU: 32, maxMemory: 100e9), Node(name: "node3", maxCPU: 128, maxMemory: 100e9),
        ]
        nodes[0].add(cpu: 0.5, memory: 40e9)
        nodes[1].add(cpu: 0.5, memory: 0.2e9)
        let chosen = Self.moveInOrder((104...109).map { ("ct:\($0)", 0.5, 0.2e9) }, onto: nodes)
        #expect(chosen == Array(repeating: "node3", count: 6))
    }

    @Test func basicModePicksTheNodeWithFewestServicesThenByName() {
        let nodes = [Node(name: "b", maxCPU: 8, maxMemory: 1e9), Node(name: "a", maxCPU: 8, maxMemory: 1e9), Node(name: "c", maxCPU: 8, maxMemory: 1e9)]
        let scheduler = ProxmoxHAScheduler(mode: .basic, nodes: nodes, serviceCounts: ["a": 2, "b": 1, "c": 1])
        let service = ProxmoxHAScheduler.Service(sid: "vm:1", cpu: 1, memory: 1)
        #expect(scheduler.select(service, current: nil, preference: .bestScore).order == ["b", "c", "a"])
    }

    @Test func negativeAffinityKeepsServicesApart() {
        let nodes = [Node(name: "a", maxCPU: 8, maxMemory: 1e9), Node(name: "b", maxCPU: 8, maxMemory: 1e9)]
        let service = ProxmoxHAScheduler.Service(sid: "vm:2", cpu: 1, memory: 1, separateFrom: ["vm:1"])
        let scheduler = Self.scheduler(nodes)
        #expect(scheduler.select(service, current: nil, preference: .bestScore, placement: ["vm:1": "a"]).node == "b")
        let both = scheduler.select(service, current: nil, preference: .bestScore, placement: ["vm:1": "a", "vm:3": "b"])
        #expect(scheduler.select(
            ProxmoxHAScheduler.Service(sid: "vm:2", cpu: 1, memory: 1, separateFrom: ["vm:1", "vm:3"]),
            current: nil, preference: .bestScore, placement: ["vm:1": "a", "vm:3": "b"]).node == nil)
        #expect(both.node == "b")
    }

    @Test func strictAffinityWithoutOnlineNodesHasNoNode() {
        let nodes = [Node(name: "a", maxCPU: 8, maxMemory: 1e9)]
        let service = ProxmoxHAScheduler.Service(
            sid: "vm:1", cpu: 1, memory: 1, affinity: NodeAffinityRule(nodes: [NodePriority(node: "z")], strict: true))
        let selection = Self.scheduler(nodes).select(service, current: nil, preference: .bestScore)
        #expect(selection.node == nil)
        #expect(selection.reason?.contains("strict node-affinity") == true)
    }

    @Test func tryNextTakesTheFollowingNode() {
        let nodes = [Node(name: "a", maxCPU: 8, maxMemory: 1e9), Node(name: "b", maxCPU: 8, maxMemory: 1e9), Node(name: "c", maxCPU: 8, maxMemory: 1e9)]
        let scheduler = ProxmoxHAScheduler(mode: .basic, nodes: nodes)
        let service = ProxmoxHAScheduler.Service(sid: "vm:1", cpu: 1, memory: 1)
        #expect(scheduler.select(service, current: "a", preference: .tryNext, tried: ["a"]).node == "b")
    }
}
