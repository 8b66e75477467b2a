/// What runs on the collective: Proxmox VMs and Kubernetes workloads, with the storage classes
/// that bind their volumes to Ceph pools.
public struct Workloads: Sendable, Equatable {
    public var storageClasses: [StorageClass]
    public var vms: [VirtualMachine]
    public var pods: [KubernetesWorkload]
    public var deployments: [KubernetesWorkload]
    public var statefulSets: [KubernetesWorkload]

    public init(
        storageClasses: [StorageClass] = [], vms: [VirtualMachine] = [], pods: [KubernetesWorkload] = [],
        deployments: [KubernetesWorkload] = [], statefulSets: [KubernetesWorkload] = []
    ) {
        self.storageClasses = storageClasses
        self.vms = vms
        self.pods = pods
        self.deployments = deployments
        self.statefulSets = statefulSets
    }
}

/// A ceph-csi RBD storage class: PVCs of this class become RBD images in `pool`.
public struct StorageClass: Sendable, Equatable {
    public var name: String
    public var pool: String
    /// The cluster's default class (used by claims that name none).
    public var isDefault: Bool

    public init(name: String, pool: String, isDefault: Bool = false) {
        self.name = name
        self.pool = pool
        self.isDefault = isDefault
    }
}
