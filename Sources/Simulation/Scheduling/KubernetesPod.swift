/// One pod of a workload, as the scheduler receives it: a Deployment's replica `<name>-<i>`
/// (Kubernetes adds a ReplicaSet hash; the index keeps names stable), a StatefulSet's
/// `<name>-<ordinal>`, or a bare Pod. Requests are the sum over containers; claims carry the
/// pool their storage class provisions into (nil: the class or the default class is missing).
public struct KubernetesPod: Sendable, Equatable {
    public var name: String
    public var namespace: String
    public var kind: KubernetesWorkload.Kind
    /// The owning workload's name (the pod's own name for a bare Pod).
    public var workload: String
    public var labels: [String: String]
    /// Requests as written: a missing request counts 0 for the fit check.
    public var requests: ResourceAmount
    public var nodeSelector: [String: String]
    public var nodeAffinity: NodeAffinity?
    public var tolerations: [Toleration]
    public var podAntiAffinity: [PodAffinityTerm]
    public var topologySpread: [TopologySpreadConstraint]
    public var claims: [PodClaim]

    public init(
        name: String, namespace: String = "default", kind: KubernetesWorkload.Kind = .pod, workload: String? = nil,
        labels: [String: String] = [:], requests: ResourceAmount = .zero, nodeSelector: [String: String] = [:],
        nodeAffinity: NodeAffinity? = nil, tolerations: [Toleration] = [], podAntiAffinity: [PodAffinityTerm] = [],
        topologySpread: [TopologySpreadConstraint] = [], claims: [PodClaim] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.kind = kind
        self.workload = workload ?? name
        self.labels = labels
        self.requests = requests
        self.nodeSelector = nodeSelector
        self.nodeAffinity = nodeAffinity
        self.tolerations = tolerations
        self.podAntiAffinity = podAntiAffinity
        self.topologySpread = topologySpread
        self.claims = claims
    }

    /// `namespace/name`.
    public var id: String { "\(namespace)/\(name)" }

    /// Requests as the scoring plugins count them (`NonZeroRequested`): a container without a
    /// CPU request counts 100m, without a memory request 200 MiB (`DefaultMilliCPURequest`,
    /// `DefaultMemoryRequest` in k8s.io/component-helpers/resource). Pods here are one
    /// container each.
    public var nonZeroRequests: ResourceAmount {
        ResourceAmount(
            milliCPU: requests.milliCPU == 0 ? 100 : requests.milliCPU,
            memory: requests.memory == 0 ? 200 << 20 : requests.memory)
    }

    /// The pod's own tolerations plus the two every pod gets from the DefaultTolerationSeconds
    /// admission plugin: `node.kubernetes.io/not-ready` and `…/unreachable`, NoExecute, 300 s.
    public var effectiveTolerations: [Toleration] {
        var all = tolerations
        for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]
        where !all.contains(where: { $0.key == key && ($0.effect == nil || $0.effect == .noExecute) }) {
            all.append(Toleration(key: key, op: .exists, effect: .noExecute, tolerationSeconds: 300))
        }
        return all
    }
}

/// A pod's persistent volume claim: the claim name, the RBD pool behind it and its access mode.
public struct PodClaim: Sendable, Equatable {
    public var name: String
    public var pool: String?
    public var size: ByteSize
    public var accessMode: AccessMode

    public init(name: String, pool: String?, size: ByteSize, accessMode: AccessMode = .readWriteOnce) {
        self.name = name
        self.pool = pool
        self.size = size
        self.accessMode = accessMode
    }
}

extension Scenario {
    /// Every pod of the scenario's workloads: Pods, then Deployments' replicas, then
    /// StatefulSets' ordinals, in file order.
    public func kubernetesPods() -> [KubernetesPod] {
        (workloads.pods + workloads.deployments + workloads.statefulSets).flatMap(pods(of:))
    }

    /// The pods one workload creates.
    public func pods(of workload: KubernetesWorkload) -> [KubernetesPod] {
        let labels = workload.labels.isEmpty ? ["app": workload.name] : workload.labels
        let requests = ResourceAmount(
            milliCPU: workload.requests.cpu?.millicores ?? 0,
            memory: Int64(clamping: workload.requests.memory?.bytes ?? 0))
        let claims = workload.claimNames()
        return (0..<max(workload.replicas, 0)).map { index in
            let name: String
            var podClaims: [PodClaim]
            switch workload.kind {
            case .pod:
                name = workload.name
                podClaims = claims.map { PodClaim(name: $0.name, pool: storagePool(for: $0.volume), size: $0.volume.size, accessMode: $0.volume.accessMode) }
            case .deployment:
                name = "\(workload.name)-\(index)"
                podClaims = claims.map { PodClaim(name: $0.name, pool: storagePool(for: $0.volume), size: $0.volume.size, accessMode: $0.volume.accessMode) }
            case .statefulSet:
                name = "\(workload.name)-\(index)"
                podClaims = workload.volumes.map {
                    PodClaim(name: "\($0.name)-\(workload.name)-\(index)", pool: storagePool(for: $0), size: $0.size, accessMode: $0.accessMode)
                }
            }
            return KubernetesPod(
                name: name, namespace: workload.namespace, kind: workload.kind, workload: workload.name,
                labels: labels, requests: requests, nodeSelector: workload.nodeSelector,
                nodeAffinity: workload.nodeAffinity, tolerations: workload.tolerations,
                podAntiAffinity: workload.podAntiAffinity, topologySpread: workload.topologySpread,
                claims: podClaims)
        }
    }
}
