extension Scenario {
    /// What happens to the VMs and pods of `plan` as the cluster's conditions change: VMs
    /// stopped with their node and restarted by the Proxmox HA manager after fencing (on the
    /// node the CRS chooses), pods left on a dead node until it is marked NotReady and they are
    /// evicted (StatefulSet pods stay Terminating, so they are not replaced), replacements
    /// scheduled by kube-scheduler, and everything that cannot run listed as pending with the
    /// reason. A pure function of its inputs: the engine feeds it the (time, connectivity,
    /// inactive pools) changes of a run. Events come in time order.
    public func failover(
        from plan: WorkloadPlan, changes: [ConditionChange], options: PlanOptions = PlanOptions(),
        timings: FailoverTimings = FailoverTimings()
    ) -> [FailoverEvent] {
        var run = FailoverRun(scenario: self, plan: plan, options: options, timings: timings)
        return run.run(changes.sorted { $0.time < $1.time })
    }
}

/// The state machine behind `Scenario.failover`.
struct FailoverRun {
    enum VMState: Equatable {
        case running(String)
        case lost(String)
        case pending(String)
        case off
    }

    enum PodState: Equatable {
        case running(String)
        case lost(String)
        case terminating(String)
        case attaching(String, until: Duration)
        case blocked(String, String)
        case pending(String)
        case gone
    }

    /// The scenario, its fleet and services grown by each assimilated host.
    var scenario: Scenario
    let options: PlanOptions
    let timings: FailoverTimings
    var conditions: ClusterConditions
    var now: Duration = .zero
    var events: [FailoverEvent] = []

    var vms: [(vm: VirtualMachine, state: VMState)]
    var haOnline: Set<String>
    var fenceAt: [String: Duration] = [:]
    var master: String?
    var haFrozenNoted = false

    var pods: [(pod: KubernetesPod, state: PodState)]
    var healthy: Set<String>
    var unhealthySince: [String: Duration] = [:]
    var notReadyAt: [String: Duration] = [:]
    var evictedAt: [String: Duration] = [:]
    var controlPlaneUp: Bool
    var controlPlaneSince: Duration = .zero
    var haltNoted = false
    /// For pods waiting for a ReadWriteOnce volume: the node it is still attached to.
    var attachingFrom: [String: String] = [:]

    func evictedNode(of pod: KubernetesPod) -> String? { attachingFrom[pod.id] }

    init(scenario: Scenario, plan: WorkloadPlan, options: PlanOptions, timings: FailoverTimings) {
        self.scenario = scenario
        self.options = options
        self.timings = timings
        let everyone = FleetConnectivity.healthy(scenario.fleet)
        conditions = ClusterConditions(connectivity: everyone, inactivePools: options.inactivePools)
        vms = plan.vms.compactMap { placed in
            guard let vm = scenario.workloads.vms.first(where: { $0.id == placed.id }) else { return nil }
            if let node = placed.node { return (vm, .running(node)) }
            return (vm, placed.shouldRun ? .pending(placed.reason ?? "not placed") : .off)
        }
        pods = plan.pods.map { placed in
            guard let node = placed.node else { return (placed.pod, .pending(placed.decision.message ?? "unschedulable")) }
            if let blocked = placed.blockedBy { return (placed.pod, .blocked(node, blocked)) }
            return (placed.pod, .running(node))
        }
        haOnline = []
        healthy = []
        controlPlaneUp = false
        haOnline = computeHAOnline()
        master = (scenario.services.proxmox?.nodes ?? []).first { haOnline.contains($0) }
        controlPlaneUp = serverComponent() != nil
        healthy = computeHealthy()
    }

    // MARK: Views of the conditions

    var k8sNodeNames: [String] { scenario.kubernetesNodes().map(\.name) }

    func computeHAOnline() -> Set<String> {
        guard let pmx = scenario.services.proxmox else { return [] }
        let voters = pmx.nodes + (pmx.qdevice.map { [$0] } ?? [])
        let quorum = Quorum.majority(of: voters, components: conditions.connectivity.components(of: scenario.fleet))
        return Set(quorum.members).intersection(pmx.nodes)
    }

    /// The hosts that can talk to a majority of the K3s servers (nil: no server quorum).
    func serverComponent() -> [String]? {
        guard let k3s = scenario.services.k3s, !k3s.servers.isEmpty else { return nil }
        let components = conditions.connectivity.components(of: scenario.fleet)
        let quorum = Quorum.majority(of: k3s.servers, components: components)
        guard quorum.isQuorate, let first = quorum.members.first else { return nil }
        return components.first { $0.contains(first) }
    }

    func computeHealthy() -> Set<String> {
        let running = conditions.connectivity.running
        if let component = serverComponent() { return Set(component).intersection(k8sNodeNames) }
        return running.intersection(k8sNodeNames)
    }

    mutating func emit(
        _ subject: String, _ kind: FailoverEvent.Kind, _ detail: String, at time: Duration? = nil, node: String? = nil
    ) {
        let t = time ?? now
        events.append(FailoverEvent(seconds: t.components.seconds, subject: subject, kind: kind, detail: detail, node: node))
    }

    static func label(_ vm: VirtualMachine) -> String { "vm:\(vm.id) \(vm.name)" }
    static func label(_ pod: KubernetesPod) -> String { "pod \(pod.id)" }

    static func seconds(_ d: Duration) -> String { "\(d.components.seconds) s" }

    // MARK: The loop

    mutating func run(_ changes: [ConditionChange]) -> [FailoverEvent] {
        var index = 0
        var guardCount = 0
        while guardCount < 100_000 {
            guardCount += 1
            let due = nextDeadline()
            let change = index < changes.count ? changes[index].time : nil
            guard let t = [due, change].compactMap({ $0 }).min() else { break }
            now = max(now, t)
            while index < changes.count && changes[index].time <= now {
                conditions = changes[index].conditions
                if let layout = changes[index].layout {
                    scenario.fleet = layout.fleet
                    scenario.services = layout.services
                }
                index += 1
            }
            reconcile()
        }
        return events
    }

    func nextDeadline() -> Duration? {
        var deadlines: [Duration] = Array(fenceAt.values)
        if controlPlaneUp {
            for (node, since) in unhealthySince where notReadyAt[node] == nil {
                deadlines.append(max(since, controlPlaneSince) + timings.nodeMonitorGracePeriod)
            }
            for (node, at) in notReadyAt where evictedAt[node] == nil {
                deadlines.append(at + timings.defaultTolerationSeconds)
            }
        }
        for entry in pods { if case .attaching(_, let until) = entry.state { deadlines.append(until) } }
        return deadlines.filter { $0 > now }.min()
    }

    mutating func reconcile() {
        reconcileProxmox()
        reconcileKubernetes()
    }

    // MARK: Proxmox HA

    func podMemory() -> [String: Int64] {
        var memory: [String: Int64] = [:]
        for entry in pods {
            switch entry.state {
            case .running(let n), .attaching(let n, _), .blocked(let n, _): memory[n, default: 0] += entry.pod.requests.memory
            default: break
            }
        }
        return memory
    }

    /// The running VMs as placements (what they occupy).
    func runningVMs() -> [VMPlacement] {
        vms.compactMap { entry in
            guard case .running(let node) = entry.state else { return nil }
            return VMPlacement(
                id: entry.vm.id, name: entry.vm.name,
                resources: ResourceAmount(milliCPU: Int64(entry.vm.cores) * 1000, memory: Int64(clamping: entry.vm.memory.bytes)),
                node: node, shouldRun: true, reason: nil, ranking: [], scores: [:], startFailures: [],
                haManaged: entry.vm.ha != nil)
        }
    }

    func placer() -> VMPlacer {
        let down = Set(scenario.services.proxmox?.nodes ?? []).subtracting(haOnline)
        var opts = options
        opts.downHosts = down
        opts.inactivePools = conditions.inactivePools
        return VMPlacer(scenario: scenario, options: opts, placed: runningVMs())
    }

    mutating func reconcileProxmox() {
        let online = computeHAOnline()
        let running = conditions.connectivity.running
        let previousMaster = master
        if let m = master, !online.contains(m) { master = nil }
        for node in haOnline.subtracting(online).sorted() {
            let delay = node == previousMaster || online.isEmpty ? timings.haLockTimeout + timings.haFenceDelay : timings.haLockTimeout
            fenceAt[node] = now + delay
            let why = running.contains(node) ? "\(node) lost quorum: its watchdog resets it within 60 s" : "\(node) is down"
            for i in vms.indices where vms[i].state == .running(node) {
                vms[i].state = .lost(node)
                emit(Self.label(vms[i].vm), .down, why)
            }
        }
        if master == nil { master = (scenario.services.proxmox?.nodes ?? []).first { online.contains($0) } }
        for node in online.subtracting(haOnline).sorted() {
            let beforeFencing = fenceAt.removeValue(forKey: node) != nil
            for i in vms.indices where vms[i].state == .lost(node) {
                vms[i].state = .running(node)
                emit(Self.label(vms[i].vm), .restarted, beforeFencing ? "on \(node): the node is back before it was fenced" : "on \(node): the node is back (start at boot)", node: node)
            }
        }
        haOnline = online
        guard !online.isEmpty else {
            if !haFrozenNoted && vms.contains(where: { if case .lost = $0.state { true } else { false } }) {
                emit("proxmox", .frozen, "no corosync quorum: the HA manager recovers nothing")
                haFrozenNoted = true
            }
            return
        }
        haFrozenNoted = false
        for (node, at) in fenceAt.sorted(by: { $0.key < $1.key }) where at <= now {
            fenceAt[node] = nil
            emit("node \(node)", .fenced, "agent lock acquired: \(node) is fenced, its services are recovered")
            for i in vms.indices where vms[i].state == .lost(node) {
                if vms[i].vm.ha == nil {
                    emit(Self.label(vms[i].vm), .pending, "not under HA: stays down until \(node) returns")
                } else {
                    startVM(at: i, verb: "recovered from \(node)")
                }
            }
        }
        for i in vms.indices {
            if case .pending = vms[i].state { startVM(at: i, verb: "started") }
        }
        // Failback: a VM whose node-affinity rule prefers a node that is online again moves there.
        for i in vms.indices {
            guard case .running(let node) = vms[i].state, vms[i].vm.nodeAffinity != nil else { continue }
            let p = placer()
            let selection = p.scheduler.select(scenario.haService(vms[i].vm), current: node, preference: .none, placement: p.placement)
            if let target = selection.node, target != node {
                vms[i].state = .running(target)
                emit(Self.label(vms[i].vm), .migrated, "\(node) → \(target): its node-affinity rule prefers \(target) (failback)", node: target)
            }
        }
    }

    mutating func startVM(at i: Int, verb: String) {
        var p = placer()
        let placed = p.place(vms[i].vm, preferred: nil, podMemory: podMemory())
        if let node = placed.node {
            vms[i].state = .running(node)
            let ranking = placed.ranking.isEmpty ? "" : " (CRS ranking: \(placed.ranking.joined(separator: ", ")))"
            emit(Self.label(vms[i].vm), .restarted, "\(verb), on \(node)\(ranking)", node: node)
        } else {
            let reason = placed.reason ?? "no node"
            if vms[i].state != .pending(reason) {
                vms[i].state = .pending(reason)
                emit(Self.label(vms[i].vm), .pending, reason)
            }
        }
    }

    // MARK: Kubernetes

    mutating func reconcileKubernetes() {
        let cp = serverComponent() != nil
        if cp != controlPlaneUp {
            controlPlaneUp = cp
            if cp {
                controlPlaneSince = now
                emit("k3s", .restarted, "the K3s server is back: scheduling and the node lifecycle controller resume")
            } else {
                emit("k3s", .frozen, "no K3s server: no scheduling, no NotReady marking, no evictions; pods on agents keep running, pods on the server's own node stay down until it returns")
            }
        }
        let newHealthy = computeHealthy()
        let running = conditions.connectivity.running
        for node in healthy.subtracting(newHealthy).sorted() {
            unhealthySince[node] = now
        }
        for i in pods.indices {
            if case .running(let n) = pods[i].state, !running.contains(n) {
                pods[i].state = .lost(n)
                emit(Self.label(pods[i].pod), .down, "\(n) is down")
            }
        }
        for node in newHealthy.subtracting(healthy).sorted() {
            unhealthySince[node] = nil
            if notReadyAt.removeValue(forKey: node) != nil {
                emit("node \(node)", .restarted, "Ready again")
            }
            evictedAt[node] = nil
            for i in pods.indices {
                switch pods[i].state {
                case .lost(node):
                    pods[i].state = .running(node)
                    emit(Self.label(pods[i].pod), .restarted, "on \(node): the kubelet restarts it", node: node)
                case .terminating(node):
                    pods[i].state = .pending("recreated by its StatefulSet")
                    emit(Self.label(pods[i].pod), .evicted, "\(node) is back: the kubelet confirms the deletion, the StatefulSet recreates the pod")
                default: break
                }
            }
        }
        healthy = newHealthy
        guard controlPlaneUp else {
            for i in pods.indices {
                if case .pending(let r) = pods[i].state, !r.hasPrefix("no K3s server") {
                    pods[i].state = .pending("no K3s server: nothing schedules it")
                    emit(Self.label(pods[i].pod), .pending, "no K3s server: nothing schedules it")
                }
            }
            return
        }
        for (node, since) in unhealthySince.sorted(by: { $0.key < $1.key }) where notReadyAt[node] == nil {
            let due = max(since, controlPlaneSince) + timings.nodeMonitorGracePeriod
            if due <= now {
                notReadyAt[node] = due
                emit("node \(node)", .nodeNotReady, "no status for \(Self.seconds(timings.nodeMonitorGracePeriod)): NotReady, tainted node.kubernetes.io/unreachable", at: due)
            }
        }
        evict()
        for i in pods.indices {
            switch pods[i].state {
            case .terminating(let n) where conditions.outOfService.contains(n),
                 .lost(let n) where conditions.outOfService.contains(n):
                pods[i].state = .pending("replacement for a pod force-deleted from out-of-service \(n)")
                emit(Self.label(pods[i].pod), .evicted, "\(n) is tainted node.kubernetes.io/out-of-service: the pod is force-deleted and its volumes detached")
            case .attaching(let n, _) where conditions.outOfService.contains(evictedNode(of: pods[i].pod) ?? ""):
                pods[i].state = .running(n)
                emit(Self.label(pods[i].pod), .restarted, "on \(n): the old node is out of service, its volumes were detached at once", node: n)
            default: break
            }
        }
        for i in pods.indices {
            if case .attaching(let n, let until) = pods[i].state, until <= now {
                pods[i].state = .running(n)
                emit(Self.label(pods[i].pod), .restarted, "on \(n): the volume was force-detached from the old node and attached", node: n)
            }
        }
        schedulePending()
    }

    mutating func evict() {
        let total = k8sNodeNames.count
        let notReady = notReadyAt.count
        let full = notReady == total && total > 0
        let partial = notReady > 2 && Double(notReady) / Double(max(total, 1)) >= timings.unhealthyZoneThreshold
        let due = notReadyAt.filter { evictedAt[$0.key] == nil && $0.value + timings.defaultTolerationSeconds <= now }
        guard !due.isEmpty else { return }
        if full || (partial && total <= timings.largeClusterSizeThreshold) {
            if !haltNoted {
                let why = full ? "every node is NotReady" : "\(notReady) of \(total) nodes are NotReady (≥ 55 % in a zone of ≤ 50 nodes)"
                emit("k3s", .evictionsHalted, "\(why): the node lifecycle controller stops evicting")
                haltNoted = true
            }
            return
        }
        haltNoted = false
        for node in due.keys.sorted() {
            evictedAt[node] = now
            for i in pods.indices {
                let on: String
                switch pods[i].state {
                case .running(let n), .lost(let n), .blocked(let n, _), .attaching(let n, _): on = n
                default: continue
                }
                guard on == node else { continue }
                let pod = pods[i].pod
                switch pod.kind {
                case .statefulSet:
                    pods[i].state = .terminating(node)
                    emit(Self.label(pod), .stuck, "evicted after \(Self.seconds(timings.defaultTolerationSeconds)) but stays Terminating: the StatefulSet does not replace it until \(node) returns or is tainted node.kubernetes.io/out-of-service")
                case .pod:
                    pods[i].state = .gone
                    emit(Self.label(pod), .evicted, "evicted from \(node); a bare pod is not recreated")
                case .deployment:
                    pods[i].state = .pending("replacement for a pod evicted from \(node)")
                    emit(Self.label(pod), .evicted, "evicted from \(node) after \(Self.seconds(timings.defaultTolerationSeconds)); its ReplicaSet creates a replacement")
                }
            }
        }
    }

    mutating func schedulePending() {
        var bound: [BoundPod] = []
        for entry in pods {
            switch entry.state {
            case .running(let n), .lost(let n), .terminating(let n), .attaching(let n, _), .blocked(let n, _):
                bound.append(BoundPod(pod: entry.pod, node: n))
            default: break
            }
        }
        let vmPlacements = runningVMs()
        var opts = options
        opts.inactivePools = conditions.inactivePools
        var placer = PodPlacer(
            scenario: scenario, options: opts, vms: vmPlacements, bound: bound,
            unreachable: Set(notReadyAt.keys), down: [])
        for i in pods.indices {
            guard case .pending(let previous) = pods[i].state else { continue }
            let pod = pods[i].pod
            let placement = placer.place(pod)
            guard let node = placement.node else {
                let message = placement.decision.message ?? "unschedulable"
                if previous != message {
                    pods[i].state = .pending(message)
                    emit(Self.label(pod), .pending, message)
                }
                continue
            }
            if let blocked = placement.blockedBy {
                pods[i].state = .blocked(node, blocked)
                emit(Self.label(pod), .pending, "scheduled on \(node) but \(blocked)")
                continue
            }
            let evictedFrom = evictedAt.filter { previous.hasSuffix("evicted from \($0.key)") }.first
            if let (oldNode, at) = evictedFrom, pod.claims.contains(where: { $0.accessMode == .readWriteOnce }),
               !conditions.outOfService.contains(oldNode) {
                let until = max(at + timings.maxWaitForUnmount, now)
                pods[i].state = .attaching(node, until: until)
                attachingFrom[pod.id] = oldNode
                emit(Self.label(pod), .pending, "scheduled on \(node); its ReadWriteOnce volume is still attached to \(oldNode) (Multi-Attach error) until the force-detach after \(Self.seconds(timings.maxWaitForUnmount))")
            } else {
                pods[i].state = .running(node)
                emit(Self.label(pod), .restarted, "scheduled on \(node)", node: node)
            }
        }
    }
}
