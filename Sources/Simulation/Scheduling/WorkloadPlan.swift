/// Where every VM and pod of a scenario runs at one moment, and why: the Proxmox HA manager
/// places the VMs (`ProxmoxHAScheduler`), then kube-scheduler places the pods
/// (`KubernetesScheduler`) on what the VMs leave. Whatever cannot run is listed with the
/// reason. Made by `Scenario.workloadPlan(options:)`.
public struct WorkloadPlan: Sendable, Equatable {
    public var vms: [VMPlacement]
    public var pods: [PodPlacement]
    public var budgets: [HostBudget]

    public init(vms: [VMPlacement] = [], pods: [PodPlacement] = [], budgets: [HostBudget] = []) {
        self.vms = vms
        self.pods = pods
        self.budgets = budgets
    }

    /// Whether every VM meant to run and every pod runs.
    public var everythingRuns: Bool {
        vms.allSatisfy { $0.node != nil || !$0.shouldRun } && pods.allSatisfy { $0.isRunning }
    }

    /// What VMs and pods use on each host (VM memory and cores; pod requests).
    public func usage(on host: String) -> ResourceAmount {
        let vm = vms.filter { $0.node == host }.reduce(ResourceAmount.zero) { $0 + $1.resources }
        let pod = pods.filter { $0.node == host }.reduce(ResourceAmount.zero) { $0 + $1.pod.requests }
        return vm + pod
    }
}

/// One VM's placement: the node it runs on (nil: it does not run, see `reason`), the HA
/// manager's ranking of the candidates, and the nodes where it failed to start.
public struct VMPlacement: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var resources: ResourceAmount
    public var node: String?
    /// Whether the VM should run (HA state started, or not under HA).
    public var shouldRun: Bool
    public var reason: String?
    public var ranking: [String]
    public var scores: [String: Double]
    public var startFailures: [String]
    /// Under HA: only HA resources count in the CRS's static usage.
    public var haManaged: Bool = true

    /// `vm:<id>`.
    public var sid: String { "vm:\(id)" }
}

/// One pod's placement: the scheduler's decision, and what keeps it from running on the chosen
/// node (a volume in an inactive or missing pool, a ReadWriteOnce volume attached elsewhere).
public struct PodPlacement: Sendable, Equatable {
    public var pod: KubernetesPod
    public var decision: PodDecision
    public var blockedBy: String?

    public var node: String? { decision.node }
    public var isRunning: Bool { decision.node != nil && blockedBy == nil }
}

/// The knobs of a plan: the CRS mode, the NodeResourcesFit strategy, which hosts are up, and
/// which pools cannot serve I/O.
public struct PlanOptions: Sendable, Equatable {
    public var crs: ProxmoxHAScheduler.Mode
    public var strategy: ResourceScoring.Strategy
    /// Hosts that are down (not placed on).
    public var downHosts: Set<String>
    /// Pools with inactive PGs: a VM or pod with a volume there does not start.
    public var inactivePools: Set<String>

    public init(
        crs: ProxmoxHAScheduler.Mode = .static, strategy: ResourceScoring.Strategy = .leastAllocated,
        downHosts: Set<String> = [], inactivePools: Set<String> = []
    ) {
        self.crs = crs
        self.strategy = strategy
        self.downHosts = downHosts
        self.inactivePools = inactivePools
    }
}

extension Scenario {
    /// Places every VM (by VMID) and then every pod (file order).
    public func workloadPlan(options: PlanOptions = PlanOptions()) -> WorkloadPlan {
        var plan = WorkloadPlan(budgets: hostBudgets())
        var placer = VMPlacer(scenario: self, options: options)
        for vm in workloads.vms.sorted(by: { $0.id < $1.id }) {
            plan.vms.append(placer.place(vm, preferred: vm.node))
        }
        var podPlacer = PodPlacer(scenario: self, options: options, vms: plan.vms)
        for pod in kubernetesPods() {
            plan.pods.append(podPlacer.place(pod))
        }
        return plan
    }

    /// Why a volume in `pool` cannot be used, or nil.
    func storageProblem(pool: String, image: String, inactive: Set<String>) -> String? {
        if !ceph.pools.contains(where: { $0.name == pool }) {
            return "RBD image \(image): pool \(pool) does not exist"
        }
        if inactive.contains(pool) {
            return "RBD image \(image): pool \(pool) has inactive PGs (fewer than min_size copies up), I/O blocks"
        }
        return nil
    }

    /// The HA service a VM is to the manager.
    func haService(_ vm: VirtualMachine) -> ProxmoxHAScheduler.Service {
        let separate = vm.antiAffinity.compactMap { name in workloads.vms.first { $0.name == name }.map { "vm:\($0.id)" } }
        return ProxmoxHAScheduler.Service(
            sid: "vm:\(vm.id)", cpu: Double(vm.cores), memory: Double(vm.memory.bytes),
            affinity: vm.nodeAffinity, separateFrom: separate)
    }
}

/// Places VMs one by one as the HA manager does, counting each placed VM's static usage, and
/// checks that the node has the memory to start it (the HA manager does not check; QEMU fails
/// to start, and the LRM's `max_restart` then the CRM's `max_relocate` apply).
struct VMPlacer {
    let scenario: Scenario
    let options: PlanOptions
    var usage: [String: ProxmoxStaticCRS.NodeUsage] = [:]
    var counts: [String: Int] = [:]
    var placement: [String: String] = [:]
    var guestMemoryFree: [String: Int64] = [:]
    let order: [String]

    init(scenario: Scenario, options: PlanOptions, placed: [VMPlacement] = []) {
        self.scenario = scenario
        self.options = options
        let nodes = (scenario.services.proxmox?.nodes ?? []).filter { !options.downHosts.contains($0) }
        order = nodes
        for name in nodes {
            guard let host = scenario.fleet.host(named: name) else { continue }
            usage[name] = ProxmoxStaticCRS.NodeUsage(
                name: name, maxCPU: Double(host.threads), maxMemory: Double(host.ram.bytes))
            guestMemoryFree[name] = scenario.hostBudget(for: host).allocatable.memory
        }
        for vm in placed { if let node = vm.node { count(vm, on: node) } }
    }

    mutating func count(_ vm: VMPlacement, on node: String) {
        guard usage[node] != nil else { return }
        guestMemoryFree[node, default: 0] -= vm.resources.memory
        guard vm.haManaged else { return }
        usage[node]!.add(cpu: Double(vm.resources.milliCPU) / 1000, memory: Double(vm.resources.memory))
        counts[node, default: 0] += 1
        placement[vm.sid] = node
    }

    var scheduler: ProxmoxHAScheduler {
        ProxmoxHAScheduler(mode: options.crs, nodes: order.compactMap { usage[$0] }, serviceCounts: counts)
    }

    /// Places `vm`, preferring `preferred` (its configured node) when the rules allow.
    mutating func place(_ vm: VirtualMachine, preferred: String?, podMemory: [String: Int64] = [:]) -> VMPlacement {
        let resources = ResourceAmount(milliCPU: Int64(vm.cores) * 1000, memory: Int64(clamping: vm.memory.bytes))
        var result = VMPlacement(
            id: vm.id, name: vm.name, resources: resources, node: nil, shouldRun: true, reason: nil,
            ranking: [], scores: [:], startFailures: [], haManaged: vm.ha != nil)
        if let state = vm.ha?.state, state != .started {
            result.shouldRun = false
            result.reason = "HA state \(state.rawValue)"
            return result
        }
        for (index, disk) in vm.disks.enumerated() {
            if let problem = scenario.storageProblem(pool: disk.pool, image: "vm-\(vm.id)-disk-\(index)", inactive: options.inactivePools) {
                result.reason = problem + ": the VM does not start"
                return result
            }
        }
        let service = scenario.haService(vm)
        let maxRelocate = vm.ha?.maxRelocate ?? 0
        var selection = scheduler.select(
            service, current: preferred, preference: preferred.map { usage[$0] != nil } == true ? .none : .bestScore,
            placement: placement)
        result.ranking = selection.order
        result.scores = selection.scores
        var tried: [String] = []
        while let node = selection.node {
            let free = (guestMemoryFree[node] ?? 0) - (podMemory[node] ?? 0)
            if free >= resources.memory {
                result.node = node
                count(result, on: node)
                return result
            }
            tried.append(node)
            result.startFailures.append(
                "\(node): cannot start, \(ByteSize(bytes: UInt64(max(free, 0)))) of guest memory free, needs \(vm.memory)")
            guard vm.ha != nil, tried.count <= maxRelocate else { break }
            selection = scheduler.select(service, current: node, preference: .tryNext, tried: tried, placement: placement)
        }
        if result.startFailures.isEmpty {
            result.reason = selection.reason ?? "no Proxmox node is online"
        } else if vm.ha != nil {
            result.reason = "start failed on \(tried.joined(separator: ", ")) (not enough memory); max_relocate \(maxRelocate) reached: HA state error"
        } else {
            result.reason = "start failed on \(tried.joined(separator: ", ")) (not enough memory); not under HA, not relocated"
        }
        return result
    }
}

/// Places pods one by one with kube-scheduler's pipeline on the nodes that are up, their
/// allocatable reduced by the VMs' memory on the same host.
struct PodPlacer {
    let scenario: Scenario
    let options: PlanOptions
    let scheduler: KubernetesScheduler
    var bound: [BoundPod] = []
    var claimNodes: [String: (node: String, pod: String)] = [:]

    /// `unreachable` nodes carry the `node.kubernetes.io/unreachable` taints (NoSchedule and
    /// NoExecute) the node lifecycle controller puts on NotReady nodes; `options.downHosts` are
    /// left out (nodes deleted from the cluster).
    init(
        scenario: Scenario, options: PlanOptions, vms: [VMPlacement], bound: [BoundPod] = [],
        unreachable: Set<String> = [], down: Set<String>? = nil
    ) {
        self.scenario = scenario
        self.options = options
        var vmReserved: [String: ResourceAmount] = [:]
        for vm in vms { if let node = vm.node { vmReserved[node, default: .zero] += vm.resources } }
        let excluded = down ?? options.downHosts
        var nodes = scenario.kubernetesNodes(vmReserved: vmReserved).filter { !excluded.contains($0.name) }
        for i in nodes.indices where unreachable.contains(nodes[i].name) {
            nodes[i].taints += [KubernetesNode.unreachableTaint(.noSchedule), KubernetesNode.unreachableTaint(.noExecute)]
        }
        scheduler = KubernetesScheduler(nodes: nodes, strategy: options.strategy)
        self.bound = bound
        for b in bound { for c in b.pod.claims where c.accessMode == .readWriteOnce { claimNodes[c.name] = (b.node, b.pod.id) } }
    }

    mutating func place(_ pod: KubernetesPod) -> PodPlacement {
        let decision = scheduler.schedule(pod, existing: bound)
        var placement = PodPlacement(pod: pod, decision: decision, blockedBy: nil)
        guard let node = decision.node else { return placement }
        bound.append(BoundPod(pod: pod, node: node))
        for claim in pod.claims {
            let image = "k8s-\(pod.namespace)-\(claim.name)"
            if let pool = claim.pool, let problem = scenario.storageProblem(pool: pool, image: image, inactive: options.inactivePools) {
                placement.blockedBy = problem + ": ContainerCreating"
                break
            }
            if claim.accessMode == .readWriteOnce {
                if let other = claimNodes[claim.name], other.node != node {
                    placement.blockedBy = "Multi-Attach error for volume \(claim.name): Volume is already used by pod \(other.pod) on \(other.node)"
                    break
                }
                claimNodes[claim.name] = (node, pod.id)
            }
        }
        return placement
    }
}
