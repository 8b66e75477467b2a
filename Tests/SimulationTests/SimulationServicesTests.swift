import Foundation
import Simulation
import Testing

/// The services and the workloads in a run of the default scenario: what the Queen's and a
/// Drone's failure do to them, checked against the service model (`ServiceLayout`) and the
/// failover of `collective plan` (`PlanReport`), which the run must reproduce at its own times.
@Suite struct SimulationServicesTests {
    let scenario: Scenario
    let result: SimulationResult

    init() throws {
        scenario = try Repository.scenario("scenarios/borg-collective.yaml")
        result = Simulator(scenario: scenario).run()
    }

    /// The default scenario with another timeline.
    func variant(_ timeline: [TimelineEvent]) -> Scenario {
        var s = scenario
        s.timeline = timeline
        return s
    }

    func step(at time: Duration, in result: SimulationResult) throws -> SimulationStep {
        try #require(result.steps.first { $0.time == time })
    }

    @Test func theQueensFailureStopsItsSingleServicesButNotCorosync() throws {
        let queenFails = try #require(scenario.timeline.first { $0.action == .failQueen })
        let services = try step(at: queenFails.at, in: result).services
        func state(_ service: CollectiveService) -> ServiceState? { services.first { $0.service == service }?.state }
        #expect(state(.kubernetes) == .down)
        #expect(state(.consul) == .down)
        #expect(state(.mqtt) == .down)
        #expect(state(.sensorAutomations) == .down)
        // Corosync keeps quorum: drone1-3 and the QDevice hold 4 of 5 votes.
        let proxmox = try #require(services.first { $0.service == .proxmox })
        #expect(proxmox.state == .degraded)
        #expect(proxmox.votes?.isQuorate == true)

        let incident = try #require(result.incidents.first { $0.event.action == .failQueen })
        #expect(Set(incident.servicesLost.map(\.service)) == [.kubernetes, .consul, .mqtt, .sensorAutomations])
        // Down until the Queen returns.
        let restored = try #require(scenario.timeline.first { $0.action == .restoreQueen })
        for loss in incident.servicesLost {
            #expect(loss.downFor == restored.at - queenFails.at, "\(loss.service)")
        }
        #expect(Set(result.singlePointsExercised.map(\.host)) == ["queen"])
        #expect(result.singlePointsExercised.map(\.service) == ServiceLayout(scenario).singlePointsOfFailure()
            .filter { $0.host == "queen" }.map(\.service))
    }

    /// `collective plan`'s failover with the host down from time 0, shifted to the event's time.
    func planRestarts(when host: String) throws -> [(seconds: Int64, subject: String, node: String)] {
        let failure = try #require(PlanReport(scenario: scenario).failures.first { $0.host == host })
        return failure.events.filter { $0.kind == .restarted && $0.isWorkload }.map { ($0.seconds, $0.subject, $0.node ?? "") }
    }

    @Test func theQueensVMsRestartWherePlanSaysWhenFailoverSays() throws {
        let queenFails = try #require(scenario.timeline.first { $0.action == .failQueen })
        let start = queenFails.at.components.seconds
        let expected = try planRestarts(when: "queen")
        #expect(expected.map(\.subject) == ["vm:100 collective-db", "vm:101 nextcloud"])
        #expect(expected.map(\.node) == ["drone1", "drone3"])
        let incident = try #require(result.incidents.first { $0.event.action == .failQueen })
        let restarted = incident.workloads.restarted.map { ($0.after.components.seconds + start, $0.subject, $0.node) }
        #expect(restarted.map(\.0) == expected.map { $0.seconds + start })
        #expect(restarted.map(\.1) == expected.map(\.subject))
        #expect(restarted.map(\.2) == expected.map(\.node))
        // The same events are in the run's workload timeline.
        for (seconds, subject, node) in expected {
            #expect(result.workloadEvents.contains { $0.seconds == seconds + start && $0.subject == subject && $0.node == node })
        }
        // Pods on the Queen wait for the K3s server (on the Queen) and run again when it returns.
        #expect(incident.workloads.notRunning.allSatisfy { $0.subject.hasPrefix("pod ") })
        let restored = try #require(scenario.timeline.first { $0.action == .restoreQueen })
        #expect(incident.workloads.allRunningAfter == restored.at - queenFails.at)
    }

    @Test func aDroneFailureRestartsDNS1Elsewhere() throws {
        let at = Duration.seconds(3600)
        let run = Simulator(scenario: variant([TimelineEvent(at: at, action: .failHost("drone1"))])).run()
        let expected = try planRestarts(when: "drone1")
        let dns = try #require(expected.first { $0.subject == "vm:102 dns-1" })
        #expect(dns.node != "drone1")
        let incident = try #require(run.incidents.first)
        let restart = try #require(incident.workloads.restarted.first { $0.subject == "vm:102 dns-1" })
        #expect(restart.node == dns.node)
        #expect(restart.after == .seconds(dns.seconds))
        #expect(incident.workloads.stopped.contains("vm:102 dns-1"))
        // Corosync, K3s, Consul and the broker keep serving: drone1 is no single point of failure.
        #expect(incident.servicesLost.isEmpty)
        #expect(run.singlePointsExercised.isEmpty)
    }

    @Test func aSensorAlarmWithTheBrokerDownDrainsNothing() throws {
        let alarm = TimelineEvent(at: .seconds(7200), action: .sensorAlarm("rack2-temperature"))
        let heard = Simulator(scenario: variant([alarm])).run()
        let drained = heard.steps.flatMap(\.events).contains { if case .drained = $0 { true } else { false } }
        #expect(drained, "with the broker up the alarm drains rack2")

        let unheard = Simulator(scenario: variant([TimelineEvent(at: .seconds(3600), action: .failQueen), alarm])).run()
        let events = unheard.steps.flatMap(\.events)
        #expect(!events.contains { if case .drained = $0 { true } else { false } })
        let reasons = events.compactMap { event -> String? in
            if case .alarmUnheard(let sensor, let reason) = event, sensor == "rack2-temperature" { return reason }
            return nil
        }
        let layout = ServiceLayout(scenario)
        var connectivity = FleetConnectivity.healthy(scenario.fleet)
        connectivity.running.remove("queen")
        #expect(reasons == [layout.alarmBlocker(fromSensorOn: "edge1", under: connectivity)].compactMap { $0 })
        #expect(reasons.count == 1)
        #expect(SimulationTextReport.render(unheard, scenario: scenario).contains("rack2-temperature: reaches no automation, nothing is done"))
    }

    /// rack-loss: rack2 (drone2, drone3) goes dark and takes the monitor quorum with it; dns-2
    /// (on drone2) is fenced but cannot start anywhere: its pool serves no I/O.
    @Test func aVMWhosePoolServesNoIODoesNotStart() throws {
        let rackLoss = try Repository.scenario("scenarios/rack-loss.yaml")
        let run = Simulator(scenario: rackLoss).run()
        let incident = try #require(run.incidents.first)
        #expect(incident.monQuorumLost)
        #expect(incident.workloads.stopped.contains("vm:103 dns-2"))
        #expect(!incident.workloads.restarted.contains { $0.subject == "vm:103 dns-2" })
        let wait = try #require(incident.workloads.notRunning.first { $0.subject == "vm:103 dns-2" })
        #expect(wait.reason.contains("pool rbd-vms"))
    }

    /// hot-rack: a recorded message replays through the scenario's trigger at its own time; with
    /// the broker's host (queen) down, the message reaches no automation and drains nothing.
    @Test func recordedSensorMessagesFireTriggersOnlyThroughALiveBroker() throws {
        var hotRack = try Repository.scenario("scenarios/hot-rack.yaml")
        hotRack.readings = []
        let log = try SensorMessageLog.parse("5m edge/rack2/climate {\"temperature\": 45}\n", file: "messages.log")
        var simulator = Simulator(scenario: hotRack)
        simulator.messages = log
        let fired = simulator.run()
        let alarm = try #require(fired.incidents.first)
        #expect(alarm.event.at == .seconds(300))
        #expect(alarm.event.action == .sensorAlarm("rack2-temperature"))
        #expect(fired.steps.flatMap(\.events).contains { if case .drained = $0 { true } else { false } })

        hotRack.timeline = [TimelineEvent(at: .seconds(60), action: .failHost("queen"))]
        simulator = Simulator(scenario: hotRack)
        simulator.messages = log
        let lost = simulator.run()
        let events = lost.steps.flatMap(\.events)
        #expect(!events.contains { if case .drained = $0 { true } else { false } })
        #expect(events.contains { if case .alarmUnheard(_, let reason) = $0 { reason.contains("queen") } else { false } })
    }

    /// A VM that no node had room for after its node died starts on a Drone assimilated later
    /// (joins: [proxmox]): failover places workloads on the fleet as it grows.
    @Test func anAssimilatedProxmoxNodeTakesTheVMThatHadNoRoom() throws {
        let yaml = """
            name: join-takes-vms
            fleet:
              hosts:
                - {name: d1, role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}]}
                - {name: d2, role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}]}
                - {name: d3, role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}]}
            ceph:
              mons: [d1, d2, d3]
              mgrs: [d1, d2]
              pools: [{name: rbd, size: 2, pg_num: 32, application: rbd}]
            services:
              proxmox: {nodes: [d1, d2, d3]}
            workloads:
              vms:
                - {id: 101, name: a, cores: 2, memory: 5GiB, disks: [{pool: rbd, size: 32GiB}], ha: {state: started}}
                - {id: 102, name: b, cores: 2, memory: 5GiB, disks: [{pool: rbd, size: 32GiB}], ha: {state: started}}
                - {id: 103, name: c, cores: 2, memory: 5GiB, disks: [{pool: rbd, size: 32GiB}], ha: {state: started}}
            timeline:
              - {at: 1m, event: fail_host, host: d1}
              - {at: 30m, event: add_host, joins: [proxmox], host: {name: d4, role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}]}}
            """
        let scenario = try Scenario(yaml: yaml, file: "join.yaml")
        #expect(scenario.workloadPlan().vms.map(\.node) == ["d1", "d2", "d3"])
        let run = Simulator(scenario: scenario).run()
        #expect(run.incidents.count == 2)
        let failure = run.incidents[0].workloads
        #expect(failure.stopped == ["vm:101 a"])
        #expect(failure.notRunning.map(\.subject) == ["vm:101 a"])
        let join = run.incidents[1].workloads
        #expect(join.restarted.map { "\($0.subject) on \($0.node)" } == ["vm:101 a on d4"])
        #expect(failure.allRunningAfter == .seconds(29 * 60))

        // The same for pods: a new K3s agent takes the replicas no node had room for (the
        // Drones' CPU is taken by their Ceph daemons and reserves).
        var pods = yaml.replacingOccurrences(of: "  proxmox: {nodes: [d1, d2, d3]}", with: "  k3s: {servers: [d2], agents: [d1, d3]}")
        pods = pods.replacingOccurrences(of: "joins: [proxmox]", with: "joins: [k3s_agent]")
        pods = String(pods[..<pods.range(of: "  vms:")!.lowerBound]) + "  deployments:\n    - {name: big, replicas: 3, requests: {cpu: 1, memory: 5Gi}}\n"
            + String(pods[pods.range(of: "timeline:")!.lowerBound...])
        let podScenario = try Scenario(yaml: pods, file: "join-pods.yaml")
        let pending = podScenario.workloadPlan().pods.filter { $0.node == nil }.map { "pod " + $0.pod.id }
        #expect(pending == ["pod default/big-1", "pod default/big-2"])
        let podRun = Simulator(scenario: podScenario).run()
        #expect(podRun.incidents.count == 2)
        let started = podRun.incidents[1].workloads.restarted
        #expect(started.map(\.subject) == pending && started.allSatisfy { $0.node == "d4" })
    }

    @Test func sameSeedSameBytes() throws {
        let again = Simulator(scenario: scenario).run()
        #expect(again == result)
        #expect(SimulationTextReport.render(again, scenario: scenario) == SimulationTextReport.render(result, scenario: scenario))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        #expect(try encoder.encode(SimulationJSONReport(again)) == encoder.encode(SimulationJSONReport(result)))
    }
}
