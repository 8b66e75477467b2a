/// A Kubernetes node as kube-scheduler sees it: its labels (the host's, plus the ones K3s and
/// the kubelet set: `kubernetes.io/hostname`, `kubernetes.io/os`, `kubernetes.io/arch`, and
/// `node-role.kubernetes.io/control-plane` on servers), its taints, and its allocatable CPU and
/// memory (`status.allocatable`: capacity less `--system-reserved`).
public struct KubernetesNode: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var taints: [Taint]
    public var allocatable: ResourceAmount
    /// The kubelet's `--max-pods` (110 by default).
    public var maxPods: Int

    public init(name: String, labels: [String: String] = [:], taints: [Taint] = [], allocatable: ResourceAmount, maxPods: Int = 110) {
        self.name = name
        var all = labels
        if all["kubernetes.io/hostname"] == nil { all["kubernetes.io/hostname"] = name }
        self.labels = all
        self.taints = taints
        self.allocatable = allocatable
        self.maxPods = maxPods
    }

    /// The taint the node lifecycle controller puts on a node whose kubelet stopped reporting
    /// (`node.kubernetes.io/unreachable`), with the given effect.
    public static func unreachableTaint(_ effect: TaintEffect) -> Taint {
        Taint(key: "node.kubernetes.io/unreachable", effect: effect)
    }
}

extension Scenario {
    /// The K3s nodes (servers, then agents) with the allocatable the host budget leaves, less
    /// `vmReserved[node]` (the memory and CPU of the VMs planned on that host, which the operator
    /// adds to `--system-reserved` so that pods and VMs do not both count on the same RAM).
    public func kubernetesNodes(vmReserved: [String: ResourceAmount] = [:]) -> [KubernetesNode] {
        guard let k3s = services.k3s else { return [] }
        var names: [String] = []
        for name in k3s.servers + k3s.agents where !names.contains(name) { names.append(name) }
        return names.compactMap { name in
            guard let host = fleet.host(named: name) else { return nil }
            var labels = host.labels
            labels["kubernetes.io/os"] = "linux"
            labels["kubernetes.io/arch"] = host.architecture.rawValue
            if k3s.servers.contains(name) {
                labels["node-role.kubernetes.io/control-plane"] = "true"
                labels["node-role.kubernetes.io/master"] = "true"
            }
            let vm = vmReserved[name] ?? .zero
            let allocatable = (hostBudget(for: host).allocatable - ResourceAmount(milliCPU: 0, memory: vm.memory)).clampedAtZero
            return KubernetesNode(name: name, labels: labels, taints: host.taints, allocatable: allocatable)
        }
    }
}
