import Simulation

/// What is allocated on one host, as `kubectl describe node` and kube-capacity add it up, with
/// the host's own reserves beside it: from the scheduler's `WorkloadPlan` (VMs where the HA
/// manager placed them, pods where kube-scheduler bound them) and the host's `HostBudget`.
/// One amount per consumer; the report prints CPU and memory from the same figures.
struct HostAllocation {
    var host: String
    var role: String
    var capacity: ResourceAmount
    /// OS, hypervisor and K3s server reserves; Ceph daemons' reserves.
    var system: ResourceAmount
    var ceph: ResourceAmount
    /// The VMs placed here (cores and memory) and the pods bound here (requests, limits).
    var vms: ResourceAmount
    var vmCount: Int
    var podRequests: ResourceAmount
    var podLimits: ResourceAmount
    var podCount: Int
    /// The K3s node's allocatable (the budget's, less the VMs' memory); nil: not a K3s node.
    var nodeAllocatable: ResourceAmount?

    /// Everything that takes the host's CPU or memory.
    var allocated: ResourceAmount { system + ceph + vms + podRequests }

    var free: ResourceAmount { capacity - allocated }

    /// Every host of the plan's budgets, in fleet order.
    static func all(_ report: PlanReport) -> [HostAllocation] {
        let scenario = report.scenario
        let plan = report.plan
        var vmReserved: [String: ResourceAmount] = [:]
        for vm in plan.vms { if let node = vm.node { vmReserved[node, default: .zero] += vm.resources } }
        let nodes = scenario.kubernetesNodes(vmReserved: vmReserved)
        return plan.budgets.map { budget in
            let vms = plan.vms.filter { $0.node == budget.host }
            let pods = plan.pods.filter { $0.node == budget.host }
            return HostAllocation(
                host: budget.host,
                role: scenario.fleet.host(named: budget.host)?.role.rawValue ?? "",
                capacity: budget.capacity,
                system: budget.reserves.filter { $0.kind == .system }.reduce(.zero) { $0 + $1.amount },
                ceph: budget.reserves.filter { $0.kind == .ceph }.reduce(.zero) { $0 + $1.amount },
                vms: vms.reduce(.zero) { $0 + $1.resources }, vmCount: vms.count,
                podRequests: pods.reduce(.zero) { $0 + $1.pod.requests },
                podLimits: pods.reduce(.zero) { $0 + $1.pod.limits }, podCount: pods.count,
                nodeAllocatable: nodes.first { $0.name == budget.host }?.allocatable)
        }
    }
}
