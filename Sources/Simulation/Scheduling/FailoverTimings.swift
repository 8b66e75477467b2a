/// The delays of failure handling, with the defaults of the versions the collective runs.
///
/// Kubernetes (K3s 1.30/1.31, what NixOS 24.05/24.11 package: the seed is a set of NixOS modules
/// of the Ceph Pacific era; Kubernetes 1.32 raised `node-monitor-grace-period` to 50 s, set
/// `nodeMonitorGracePeriod` for a newer K3s): the node lifecycle controller marks a node
/// NotReady/Unknown after `nodeMonitorGracePeriod` (40 s) without status, and taints it
/// `node.kubernetes.io/unreachable:NoExecute`; pods tolerate that for
/// `defaultTolerationSeconds` (300 s, the DefaultTolerationSeconds admission plugin), then are
/// evicted. The controller stops evicting in a zone where more than 2 nodes and at least
/// `unhealthyZoneThreshold` (55 %) of them are NotReady when the zone has at most
/// `largeClusterSizeThreshold` (50) nodes, and everywhere when every node is NotReady
/// (node_lifecycle_controller.go, `ComputeZoneState` and `handleDisruption`). The
/// attach/detach controller force-detaches a volume from an unreachable node
/// `maxWaitForUnmountDuration` (6 min) after its pod was deleted.
///
/// Proxmox VE HA (pve-ha-manager; admin guide, "Fencing"): a node that loses quorum stops
/// renewing its agent lock and its watchdog resets it 60 s later; the CRM master can recover
/// the node's services once it holds the node's agent lock, which expires `haLockTimeout`
/// (120 s) after its last renewal. When the master itself is lost, another node first waits
/// for the manager lock to expire (120 s) and then the fence delay (`haFenceDelay`, 60 s)
/// before fencing. These are upper bounds: the test logs of pve-ha-manager show 102 s and
/// 162 s because the last renewal preceded the failure.
public struct FailoverTimings: Sendable, Equatable {
    public var nodeMonitorGracePeriod: Duration
    public var defaultTolerationSeconds: Duration
    public var maxWaitForUnmount: Duration
    public var largeClusterSizeThreshold: Int
    public var unhealthyZoneThreshold: Double
    public var haLockTimeout: Duration
    public var haFenceDelay: Duration

    public init(
        nodeMonitorGracePeriod: Duration = .seconds(40), defaultTolerationSeconds: Duration = .seconds(300),
        maxWaitForUnmount: Duration = .seconds(360), largeClusterSizeThreshold: Int = 50,
        unhealthyZoneThreshold: Double = 0.55, haLockTimeout: Duration = .seconds(120),
        haFenceDelay: Duration = .seconds(60)
    ) {
        self.nodeMonitorGracePeriod = nodeMonitorGracePeriod
        self.defaultTolerationSeconds = defaultTolerationSeconds
        self.maxWaitForUnmount = maxWaitForUnmount
        self.largeClusterSizeThreshold = largeClusterSizeThreshold
        self.unhealthyZoneThreshold = unhealthyZoneThreshold
        self.haLockTimeout = haLockTimeout
        self.haFenceDelay = haFenceDelay
    }
}

/// What the failover logic needs to know about the cluster at one moment: which hosts run and
/// can talk (`FleetConnectivity`), which pools have inactive PGs, and which Kubernetes nodes an
/// operator has tainted `node.kubernetes.io/out-of-service=nodeshutdown:NoExecute` (their pods
/// are force-deleted and their volumes detached at once: the non-graceful node shutdown).
public struct ClusterConditions: Sendable, Equatable {
    public var connectivity: FleetConnectivity
    public var inactivePools: Set<String>
    public var outOfService: Set<String>

    public init(connectivity: FleetConnectivity, inactivePools: Set<String> = [], outOfService: Set<String> = []) {
        self.connectivity = connectivity
        self.inactivePools = inactivePools
        self.outOfService = outOfService
    }
}

/// The conditions from `time` on, and the layout when a host was assimilated: the fleet and
/// services with the new host and the roles it joined (Proxmox node, K3s agent…), where
/// failover may then place VMs and pods.
public struct ConditionChange: Sendable, Equatable {
    public var time: Duration
    public var conditions: ClusterConditions
    public var layout: ServiceLayout?

    public init(time: Duration, conditions: ClusterConditions, layout: ServiceLayout? = nil) {
        self.time = time
        self.conditions = conditions
        self.layout = layout
    }
}

/// Something that happened to a VM, a pod or a node during failover.
public struct FailoverEvent: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case down, nodeNotReady, evictionsHalted, evicted, stuck, fenced, restarted, migrated, pending, frozen
    }

    /// Seconds since the start of the sequence.
    public var seconds: Int64
    /// `vm:100 collective-db`, `pod monitoring/prometheus-0`, `node drone1`, `k3s`.
    public var subject: String
    public var kind: Kind
    public var detail: String
    /// Where the VM or pod runs from this event on (`restarted`, `migrated`).
    public var node: String?

    public init(seconds: Int64, subject: String, kind: Kind, detail: String, node: String? = nil) {
        self.seconds = seconds
        self.subject = subject
        self.kind = kind
        self.detail = detail
        self.node = node
    }

    /// Whether the subject is a VM or a pod (not a node or a control plane).
    public var isWorkload: Bool { subject.hasPrefix("vm:") || subject.hasPrefix("pod ") }
}
