/// How many more workloads of one shape fit on the plan's hosts: per host, and summed per
/// rack (the CRUSH failure domain above hosts; hosts without a rack count under "-").
/// A VM shape is limited by guest memory (Proxmox overcommits CPU, not RAM); a pod shape by
/// the node's allocatable CPU and memory less the requests already bound, and `maxPods`.
public struct ShapeHeadroom: Sendable, Equatable, Codable {
    public var shape: String
    public var perHost: [HostCount]
    public var perRack: [HostCount]

    public var total: Int { perHost.reduce(0) { $0 + $1.count } }

    /// A count on a host or in a rack.
    public struct HostCount: Sendable, Equatable, Codable {
        public var name: String
        public var count: Int
    }
}

extension Scenario {
    /// How many more VMs of `cores` and `memory` the Proxmox nodes that are up in `plan` take.
    public func vmHeadroom(in plan: WorkloadPlan, cores: Int, memory: ByteSize, downHosts: Set<String> = []) -> ShapeHeadroom {
        let need = Int64(clamping: memory.bytes)
        let nodes = (services.proxmox?.nodes ?? []).filter { !downHosts.contains($0) }
        let counts: [ShapeHeadroom.HostCount] = nodes.compactMap { name in
            guard let host = fleet.host(named: name) else { return nil }
            let free = hostBudget(for: host).allocatable.memory - plan.usage(on: name).memory
            return ShapeHeadroom.HostCount(name: name, count: need > 0 ? Int(max(free, 0) / need) : 0)
        }
        return ShapeHeadroom(shape: "VM \(cores) cores, \(memory)", perHost: counts, perRack: byRack(counts))
    }

    /// How many more pods with `requests` (and `tolerations`) the K3s nodes that are up take.
    public func podHeadroom(
        in plan: WorkloadPlan, requests: ResourceAmount, tolerations: [Toleration] = [], downHosts: Set<String> = []
    ) -> ShapeHeadroom {
        var vmReserved: [String: ResourceAmount] = [:]
        for vm in plan.vms { if let node = vm.node { vmReserved[node, default: .zero] += vm.resources } }
        let counts: [ShapeHeadroom.HostCount] = kubernetesNodes(vmReserved: vmReserved)
            .filter { !downHosts.contains($0.name) }
            .map { node in
                if LabelMatching.untoleratedTaint(node.taints, tolerations, effects: [.noSchedule, .noExecute]) != nil {
                    return ShapeHeadroom.HostCount(name: node.name, count: 0)
                }
                let bound = plan.pods.filter { $0.node == node.name }
                let used = bound.reduce(ResourceAmount.zero) { $0 + $1.pod.requests }
                let free = node.allocatable - used
                var count = node.maxPods - bound.count
                if requests.milliCPU > 0 { count = min(count, Int(max(free.milliCPU, 0) / requests.milliCPU)) }
                if requests.memory > 0 { count = min(count, Int(max(free.memory, 0) / requests.memory)) }
                return ShapeHeadroom.HostCount(name: node.name, count: max(count, 0))
            }
        return ShapeHeadroom(shape: "pod \(requests.description)", perHost: counts, perRack: byRack(counts))
    }

    private func byRack(_ counts: [ShapeHeadroom.HostCount]) -> [ShapeHeadroom.HostCount] {
        var order: [String] = []
        var sums: [String: Int] = [:]
        for c in counts {
            let rack = fleet.host(named: c.name)?.location.rack ?? "-"
            if sums[rack] == nil { order.append(rack) }
            sums[rack, default: 0] += c.count
        }
        return order.map { ShapeHeadroom.HostCount(name: $0, count: sums[$0]!) }
    }

    /// The headroom for every distinct VM shape and pod shape of the scenario.
    public func headroom(in plan: WorkloadPlan, downHosts: Set<String> = []) -> [ShapeHeadroom] {
        var result: [ShapeHeadroom] = []
        var seen: Set<String> = []
        for vm in workloads.vms {
            let h = vmHeadroom(in: plan, cores: vm.cores, memory: vm.memory, downHosts: downHosts)
            if seen.insert(h.shape).inserted { result.append(h) }
        }
        for pod in kubernetesPods() {
            let h = podHeadroom(in: plan, requests: pod.requests, tolerations: pod.tolerations, downHosts: downHosts)
            if seen.insert(h.shape + pod.tolerations.map(\.key).joined()).inserted { result.append(h) }
        }
        return result
    }
}

/// The N+1 check: everything re-packed after losing the largest host (most RAM, then most
/// threads, then fleet order) — VMs and pods placed again by their schedulers on the remaining
/// hosts, and every pool's MAX AVAIL computed with the host's OSDs out (its data re-replicated
/// on the others).
public struct NPlusOneCheck: Sendable, Equatable {
    public var lostHost: String
    public var plan: WorkloadPlan
    public var pools: [PoolSpace]
    /// What does not fit, one line each.
    public var problems: [String]

    public var passes: Bool { problems.isEmpty }

    /// A pool's space before and after the loss, and what its RBD images could grow to.
    public struct PoolSpace: Sendable, Equatable, Codable {
        public var pool: String
        public var stored: UInt64
        public var provisioned: UInt64
        public var maxAvail: UInt64
        public var maxAvailAfterLoss: UInt64
    }
}

extension Scenario {
    /// The host whose loss the N+1 check assumes.
    public var largestHost: Host? {
        let guests = Set((services.proxmox?.nodes ?? []) + (services.k3s.map { $0.servers + $0.agents } ?? []))
        var best: Host?
        for host in fleet.hosts where guests.contains(host.name) {
            if let b = best, (b.ram.bytes, b.threads) >= (host.ram.bytes, host.threads) { continue }
            best = host
        }
        return best
    }

    public func nPlusOne(options: PlanOptions = PlanOptions()) -> NPlusOneCheck? {
        guard let lost = largestHost else { return nil }
        let (plan, repackProblems) = repack(without: [lost.name], options: options)
        var problems = repackProblems
        let before = poolMaxAvail()
        let after = poolMaxAvail(outHosts: [lost.name])
        let images = storagePlan().images
        var pools: [NPlusOneCheck.PoolSpace] = []
        for (index, spec) in ceph.pools.enumerated() {
            let provisioned = images.filter { $0.pool == spec.name }.reduce(UInt64(0)) { $0 + $1.sizeBytes }
            let space = NPlusOneCheck.PoolSpace(
                pool: spec.name, stored: spec.stored.bytes, provisioned: provisioned,
                maxAvail: before[index].maxAvail, maxAvailAfterLoss: after[index].maxAvail)
            if space.maxAvailAfterLoss == 0 && (space.stored > 0 || provisioned > 0) {
                problems.append("pool \(spec.name): no space left once \(lost.name)'s data is re-replicated (MAX AVAIL 0)")
            } else if provisioned > space.stored && provisioned - space.stored > space.maxAvailAfterLoss {
                problems.append("pool \(spec.name): its RBD images may grow by \(ByteSize(bytes: provisioned - space.stored)), more than the \(ByteSize(bytes: space.maxAvailAfterLoss)) MAX AVAIL left without \(lost.name)")
            }
            pools.append(space)
        }
        return NPlusOneCheck(lostHost: lost.name, plan: plan, pools: pools, problems: problems)
    }
}

/// What would not run if a whole failure domain (a rack) were lost and everything re-packed on
/// the rest: the same question as N+1, asked for each rack of the fleet.
public struct DomainLoss: Sendable, Equatable, Codable {
    public var domain: String
    public var hosts: [String]
    /// Control planes without quorum, VMs and pods that would not run: one line each.
    public var problems: [String]
}

extension Scenario {
    /// Re-packs the workloads without each rack in turn (fleet order of racks).
    public func rackLosses(options: PlanOptions = PlanOptions()) -> [DomainLoss] {
        fleet.racks.map { rack in
            let hosts = fleet.hosts.filter { $0.location.rack == rack }.map(\.name)
            return DomainLoss(domain: rack, hosts: hosts, problems: repack(without: Set(hosts), options: options).problems)
        }
    }

    /// Every workload placed again without `lost` (its OSDs down, pools inactive where PGs
    /// fall below min_size), and what would not run: control planes without quorum, VMs and
    /// pods not placed or blocked.
    func repack(without lost: Set<String>, options: PlanOptions) -> (plan: WorkloadPlan, problems: [String]) {
        var opts = options
        opts.downHosts.formUnion(lost)
        opts.inactivePools = inactivePools(downHosts: opts.downHosts)
        let plan = workloadPlan(options: opts)
        var problems: [String] = []
        let names = lost.sorted().joined(separator: ", ")
        var connectivity = FleetConnectivity.healthy(fleet)
        connectivity.running.subtract(lost)
        let components = connectivity.components(of: fleet)
        if let pmx = services.proxmox {
            let voters = pmx.nodes + (pmx.qdevice.map { [$0] } ?? [])
            if !Quorum.majority(of: voters, components: components).isQuorate {
                problems.append("Proxmox: corosync loses quorum without \(names): HA recovers nothing")
            }
        }
        if let k3s = services.k3s, !k3s.servers.isEmpty,
           !Quorum.majority(of: k3s.servers, components: components).isQuorate {
            problems.append("K3s: no server quorum without \(names) (servers: \(k3s.servers.joined(separator: ", "))): nothing schedules or replaces pods; the placements below are what a restored control plane would do")
        }
        for vm in plan.vms where vm.shouldRun && vm.node == nil {
            problems.append("vm:\(vm.id) \(vm.name): \(vm.reason ?? "not placed")")
        }
        for pod in plan.pods where !pod.isRunning {
            problems.append("pod \(pod.pod.id): \(pod.blockedBy ?? pod.decision.message ?? "not placed")")
        }
        return (plan, problems)
    }
}
