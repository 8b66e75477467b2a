/// A Kubernetes Pod, Deployment or StatefulSet as the scheduler sees it: per-pod requests and
/// limits, placement constraints and volumes. Field names follow the Kubernetes API in
/// snake_case.
public struct KubernetesWorkload: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case pod = "Pod"
        case deployment = "Deployment"
        case statefulSet = "StatefulSet"
    }

    public var kind: Kind
    public var name: String
    public var namespace: String
    /// Pods of the workload (1 for a bare pod).
    public var replicas: Int
    public var labels: [String: String]
    public var requests: ResourceList
    public var limits: ResourceList
    public var nodeSelector: [String: String]
    public var nodeAffinity: NodeAffinity?
    public var tolerations: [Toleration]
    public var podAntiAffinity: [PodAffinityTerm]
    public var topologySpread: [TopologySpreadConstraint]
    /// Volumes: shared claims for pods and Deployments; per-pod claim templates for
    /// StatefulSets.
    public var volumes: [VolumeClaim]

    public init(
        kind: Kind, name: String, namespace: String = "default", replicas: Int = 1,
        labels: [String: String] = [:], requests: ResourceList = ResourceList(),
        limits: ResourceList = ResourceList(), nodeSelector: [String: String] = [:],
        nodeAffinity: NodeAffinity? = nil, tolerations: [Toleration] = [],
        podAntiAffinity: [PodAffinityTerm] = [], topologySpread: [TopologySpreadConstraint] = [],
        volumes: [VolumeClaim] = []
    ) {
        self.kind = kind
        self.name = name
        self.namespace = namespace
        self.replicas = replicas
        self.labels = labels
        self.requests = requests
        self.limits = limits
        self.nodeSelector = nodeSelector
        self.nodeAffinity = nodeAffinity
        self.tolerations = tolerations
        self.podAntiAffinity = podAntiAffinity
        self.topologySpread = topologySpread
        self.volumes = volumes
    }
}

/// CPU and memory of one pod (the sum over its containers).
public struct ResourceList: Sendable, Equatable {
    public var cpu: CPUQuantity?
    public var memory: ByteSize?

    public init(cpu: CPUQuantity? = nil, memory: ByteSize? = nil) {
        self.cpu = cpu
        self.memory = memory
    }
}

/// A PersistentVolumeClaim bound to an RBD image through a ceph-csi storage class.
public struct VolumeClaim: Sendable, Equatable {
    public var name: String
    /// Nil: the default storage class.
    public var storageClass: String?
    public var size: ByteSize
    public var accessMode: AccessMode

    public init(name: String, storageClass: String? = nil, size: ByteSize, accessMode: AccessMode = .readWriteOnce) {
        self.name = name
        self.storageClass = storageClass
        self.size = size
        self.accessMode = accessMode
    }
}

/// A PersistentVolumeClaim's access mode (RBD block volumes are ReadWriteOnce).
public enum AccessMode: String, Sendable, CaseIterable {
    case readWriteOnce = "ReadWriteOnce"
    case readOnlyMany = "ReadOnlyMany"
    case readWriteMany = "ReadWriteMany"
    case readWriteOncePod = "ReadWriteOncePod"
}
