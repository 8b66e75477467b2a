/// A service of the collective whose availability the simulator follows: the Ceph daemons that
/// keep the cluster running (monitors, managers, metadata servers) and the services of
/// `Services` (Proxmox's corosync, the K3s API, Consul, the MQTT broker, Home Assistant and the
/// sensor automations it runs). The raw value names it in JSON.
public enum CollectiveService: String, Sendable, CaseIterable, Codable, Comparable {
    case cephMonitors = "ceph-mon"
    case cephManagers = "ceph-mgr"
    case cephMetadataServers = "ceph-mds"
    case proxmox = "proxmox"
    case kubernetes = "k3s"
    case consul = "consul"
    case mqtt = "mqtt"
    case homeAssistant = "home-assistant"
    case sensorAutomations = "sensor-automations"

    /// The name an operator reads.
    public var title: String {
        switch self {
        case .cephMonitors: "Ceph monitors"
        case .cephManagers: "Ceph managers"
        case .cephMetadataServers: "CephFS metadata servers"
        case .proxmox: "Proxmox cluster (corosync)"
        case .kubernetes: "Kubernetes API (K3s)"
        case .consul: "Consul"
        case .mqtt: "MQTT broker"
        case .homeAssistant: "Home Assistant"
        case .sensorAutomations: "Sensor automations"
        }
    }

    /// Declaration order: Ceph first, then the services in `Services` order.
    public static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// How a service is doing at one moment.
public enum ServiceState: String, Sendable, CaseIterable, Codable {
    /// Every member serves.
    case up
    /// It serves, but with members lost or clients cut off: less redundancy than configured.
    case degraded
    /// It does not serve at all.
    case down
}
