/// A Proxmox VE guest (`qm`): its size, its disks as RBD images, and its HA settings and
/// affinity rules as the Proxmox HA manager reads them.
public struct VirtualMachine: Sendable, Equatable {
    /// The VMID (100 and up).
    public var id: Int
    public var name: String
    public var cores: Int
    public var memory: ByteSize
    /// RBD images `vm-<id>-disk-<n>`.
    public var disks: [VirtualDisk]
    /// The node the VM runs on at time 0, if pinned by the file; otherwise the scheduler decides.
    public var node: String?
    public var ha: HAResource?
    /// Node affinity (HA rules): nodes with priorities; strict rules never use other nodes.
    public var nodeAffinity: NodeAffinityRule?
    /// VMs (by name) this one must not share a node with.
    public var antiAffinity: [String]

    public init(
        id: Int, name: String, cores: Int, memory: ByteSize, disks: [VirtualDisk] = [],
        node: String? = nil, ha: HAResource? = nil, nodeAffinity: NodeAffinityRule? = nil,
        antiAffinity: [String] = []
    ) {
        self.id = id
        self.name = name
        self.cores = cores
        self.memory = memory
        self.disks = disks
        self.node = node
        self.ha = ha
        self.nodeAffinity = nodeAffinity
        self.antiAffinity = antiAffinity
    }
}

/// A VM disk: an RBD image of `size` in `pool`.
public struct VirtualDisk: Sendable, Equatable {
    public var pool: String
    public var size: ByteSize

    public init(pool: String, size: ByteSize) {
        self.pool = pool
        self.size = size
    }
}

/// A VM under Proxmox HA (`ha-manager add vm:<id>`).
public struct HAResource: Sendable, Equatable {
    public var state: HAState
    /// `max_restart` (default 1): restarts on the same node before relocating.
    public var maxRestart: Int
    /// `max_relocate` (default 1): relocations to other nodes before giving up.
    public var maxRelocate: Int

    public init(state: HAState = .started, maxRestart: Int = 1, maxRelocate: Int = 1) {
        self.state = state
        self.maxRestart = maxRestart
        self.maxRelocate = maxRelocate
    }
}

/// The requested HA state (`ha-manager set --state`).
public enum HAState: String, Sendable, CaseIterable {
    case started
    case stopped
    case disabled
    case ignored
}

/// A Proxmox HA node-affinity rule: the nodes a VM may run on, higher priority first.
public struct NodeAffinityRule: Sendable, Equatable {
    public var nodes: [NodePriority]
    /// Strict: the VM runs only on these nodes; otherwise they are preferred.
    public var strict: Bool

    public init(nodes: [NodePriority], strict: Bool = false) {
        self.nodes = nodes
        self.strict = strict
    }
}

/// `node[:priority]` as Proxmox writes it (priority 0 when omitted).
public struct NodePriority: Sendable, Equatable {
    public var node: String
    public var priority: Int

    public init(node: String, priority: Int = 0) {
        self.node = node
        self.priority = priority
    }
}
