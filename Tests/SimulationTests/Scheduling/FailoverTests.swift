import Testing
@testable import Simulation

/// Failover sequences built by hand on the default scenario: times come from `FailoverTimings`'
/// defaults (the documented Kubernetes and Proxmox values), nodes from the schedulers' rules.
@Suite struct FailoverTests {
    let scenario: Scenario
    let timings = FailoverTimings()

    init() throws {
        scenario = try Repository.scenario("scenarios/borg-collective.yaml")
    }

    func conditions(down: Set<String>, inactivePools: Set<String> = [], outOfService: Set<String> = []) -> ClusterConditions {
        var connectivity = FleetConnectivity.healthy(scenario.fleet)
        connectivity.running.subtract(down)
        return ClusterConditions(connectivity: connectivity, inactivePools: inactivePools, outOfService: outOfService)
    }

    func run(_ changes: [(Int64, ClusterConditions)], plan: WorkloadPlan? = nil, scenario custom: Scenario? = nil) -> [FailoverEvent] {
        let s = custom ?? scenario
        return s.failover(
            from: plan ?? s.workloadPlan(),
            changes: changes.map { ConditionChange(time: .seconds($0.0), conditions: $0.1) })
    }

    static func seconds(_ d: Duration) -> Int64 { d.components.seconds }

    @Test func aDroneFailureRestartsItsVMAndEvictsItsPods() throws {
        let plan = scenario.workloadPlan()
        let dns1 = try #require(plan.vms.first { $0.name == "dns-1" })
        let dns2 = try #require(plan.vms.first { $0.name == "dns-2" })
        let host = try #require(dns1.node)
        let events = run([(0, conditions(down: [host]))], plan: plan)
        let notReady = try #require(events.first { $0.kind == .nodeNotReady })
        #expect(notReady.subject == "node \(host)")
        #expect(notReady.seconds == Self.seconds(timings.nodeMonitorGracePeriod))
        // The Queen (HA master) survives: recovery when the agent lock expires.
        let restart = try #require(events.first { $0.subject == "vm:102 dns-1" && $0.kind == .restarted })
        #expect(restart.seconds == Self.seconds(timings.haLockTimeout))
        #expect(!restart.detail.contains("on \(host)"))
        #expect(!restart.detail.contains("on \(dns2.node!)"))  // anti-affinity with dns-2
        for pod in plan.pods where pod.node == host {
            let evicted = events.first { $0.subject == "pod \(pod.pod.id)" && $0.kind == .evicted }
            #expect(evicted?.seconds == Self.seconds(timings.nodeMonitorGracePeriod + timings.defaultTolerationSeconds))
        }
    }

    @Test func aDroneBackBeforeFencingKeepsItsWorkloads() throws {
        let plan = scenario.workloadPlan()
        let host = try #require(plan.vms.first { $0.name == "dns-1" }?.node)
        let events = run([(0, conditions(down: [host])), (60, conditions(down: []))], plan: plan)
        #expect(!events.contains { $0.kind == .fenced || $0.kind == .evicted })
        let restart = try #require(events.first { $0.subject == "vm:102 dns-1" && $0.kind == .restarted })
        #expect(restart.seconds == 60)
        #expect(restart.detail.contains("on \(host)"))
        #expect(events.contains { $0.subject == "node \(host)" && $0.kind == .restarted && $0.seconds == 60 })
    }

    @Test func losingTheQueenFreezesK3sAndDelaysHARecovery() throws {
        let plan = scenario.workloadPlan()
        let queen = try #require(scenario.fleet.queen?.name)
        let events = run([(0, conditions(down: [queen]))], plan: plan)
        #expect(events.contains { $0.subject == "k3s" && $0.kind == .frozen && $0.seconds == 0 })
        #expect(!events.contains { $0.kind == .nodeNotReady || $0.kind == .evicted })
        #expect(!events.contains { $0.subject.hasPrefix("pod") && $0.kind == .restarted })
        // The Queen held the HA manager lock: lock expiry plus the fence delay.
        let fenced = try #require(events.first { $0.kind == .fenced })
        #expect(fenced.seconds == Self.seconds(timings.haLockTimeout + timings.haFenceDelay))
        for vm in plan.vms where vm.node == queen {
            #expect(events.contains { $0.subject == "vm:\(vm.id) \(vm.name)" && $0.kind == .restarted && $0.seconds == fenced.seconds })
        }
    }

    @Test func evictionsHaltWhenMostNodesAreDown() {
        // 4 of 6 K3s nodes down: more than 2 and ≥ 55 % in a zone of ≤ 50 nodes.
        let events = run([(0, conditions(down: ["drone1", "drone2", "drone3", "edge2"]))])
        let halted = events.first { $0.kind == .evictionsHalted }
        #expect(halted?.seconds == Self.seconds(timings.nodeMonitorGracePeriod + timings.defaultTolerationSeconds))
        #expect(!events.contains { $0.kind == .evicted || $0.kind == .stuck })
        // Corosync keeps 1 of 5 votes: no HA recovery either.
        #expect(events.contains { $0.subject == "proxmox" && $0.kind == .frozen })
    }

    @Test func statefulSetPodsStayTerminatingUntilTheNodeReturnsOrIsOutOfService() throws {
        var pinned = scenario
        pinned.workloads.statefulSets[0].nodeSelector = ["kubernetes.io/hostname": "drone2"]
        let plan = pinned.workloadPlan()
        let pod = try #require(plan.pods.first { $0.pod.kind == .statefulSet && $0.node == "drone2" })
        let subject = "pod \(pod.pod.id)"
        let evictAt = Self.seconds(timings.nodeMonitorGracePeriod + timings.defaultTolerationSeconds)
        let returned = run([(0, conditions(down: ["drone2"])), (3600, conditions(down: []))], plan: plan, scenario: pinned)
        #expect(returned.contains { $0.subject == subject && $0.kind == .stuck && $0.seconds == evictAt })
        #expect(!returned.contains { $0.subject == subject && $0.kind == .restarted && $0.seconds < 3600 })
        #expect(returned.contains { $0.subject == subject && $0.kind == .restarted && $0.seconds == 3600 })
        let fenced = run(
            [(0, conditions(down: ["drone2"])), (1800, conditions(down: ["drone2"], outOfService: ["drone2"]))],
            plan: plan, scenario: pinned)
        #expect(fenced.contains { $0.subject == subject && $0.kind == .evicted && $0.seconds == 1800 })
        // Its node selector allows only drone2, which is down: pending with the scheduler's reason.
        #expect(fenced.contains { $0.subject == subject && $0.kind == .pending && $0.detail.contains("0/6 nodes are available") })
    }

    @Test func aVMWhosePoolIsInactiveDoesNotStart() throws {
        let plan = scenario.workloadPlan()
        let host = try #require(plan.vms.first { $0.name == "dns-1" }?.node)
        let events = run([(0, conditions(down: [host], inactivePools: ["rbd-vms"]))], plan: plan)
        let pending = try #require(events.first { $0.subject == "vm:102 dns-1" && $0.kind == .pending })
        #expect(pending.detail.contains("pool rbd-vms has inactive PGs"))
        #expect(!events.contains { $0.subject == "vm:102 dns-1" && $0.kind == .restarted })
    }

    @Test func theSameInputsGiveTheSameEvents() {
        let changes: [(Int64, ClusterConditions)] = [(0, conditions(down: ["drone3"])), (500, conditions(down: ["drone3", "queen"]))]
        #expect(run(changes) == run(changes))
    }

    @Test func aDeploymentsReadWriteOnceVolumeWaitsForTheForceDetach() throws {
        var preferring = scenario
        let drone3 = NodeSelectorTerm(matchExpressions: [LabelRequirement(key: "kubernetes.io/hostname", op: .in, values: ["drone3"])])
        preferring.workloads.deployments[1].nodeAffinity = NodeAffinity(preferred: [PreferredSchedulingTerm(weight: 100, term: drone3)])
        let plan = preferring.workloadPlan()
        let grafana = try #require(plan.pods.first { $0.pod.workload == "grafana" })
        #expect(grafana.node == "drone3")
        let events = run([(0, conditions(down: ["drone3"]))], plan: plan, scenario: preferring)
        let subject = "pod \(grafana.pod.id)"
        let evictAt = timings.nodeMonitorGracePeriod + timings.defaultTolerationSeconds
        let waiting = try #require(events.first { $0.subject == subject && $0.kind == .pending })
        #expect(waiting.seconds == Self.seconds(evictAt))
        #expect(waiting.detail.contains("Multi-Attach"))
        let running = try #require(events.first { $0.subject == subject && $0.kind == .restarted })
        #expect(running.seconds == Self.seconds(evictAt + timings.maxWaitForUnmount))
    }

    @Test func theQueensReturnRestartsK3sPodsAndFailsBackItsVM() throws {
        let plan = scenario.workloadPlan()
        let queen = try #require(scenario.fleet.queen?.name)
        let events = run([(0, conditions(down: [queen])), (600, conditions(down: []))], plan: plan)
        #expect(events.contains { $0.subject == "k3s" && $0.kind == .restarted && $0.seconds == 600 })
        for pod in plan.pods where pod.node == queen {
            #expect(events.contains { $0.subject == "pod \(pod.pod.id)" && $0.kind == .restarted && $0.seconds == 600 })
        }
        // collective-db's rule prefers the Queen (priority 2): it migrates back.
        let failback = try #require(events.first { $0.subject == "vm:100 collective-db" && $0.kind == .migrated })
        #expect(failback.seconds == 600)
        #expect(failback.detail.hasSuffix("→ \(queen): its node-affinity rule prefers \(queen) (failback)"))
    }
}
