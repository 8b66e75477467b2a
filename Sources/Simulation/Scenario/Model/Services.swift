/// The collective's services besides Ceph, each on named hosts: what the simulator checks for
/// quorum and single points of failure.
public struct Services: Sendable, Equatable {
    public var proxmox: ProxmoxCluster?
    public var k3s: K3sCluster?
    public var consul: ConsulCluster?
    public var mqtt: MQTTBroker?
    public var homeAssistant: HomeAssistant?

    public init(
        proxmox: ProxmoxCluster? = nil, k3s: K3sCluster? = nil, consul: ConsulCluster? = nil,
        mqtt: MQTTBroker? = nil, homeAssistant: HomeAssistant? = nil
    ) {
        self.proxmox = proxmox
        self.k3s = k3s
        self.consul = consul
        self.mqtt = mqtt
        self.homeAssistant = homeAssistant
    }
}

/// A Proxmox VE cluster: corosync nodes (one vote each) and an optional QDevice (an external
/// vote, often a Pi).
public struct ProxmoxCluster: Sendable, Equatable {
    public var nodes: [String]
    public var qdevice: String?

    public init(nodes: [String], qdevice: String? = nil) {
        self.nodes = nodes
        self.qdevice = qdevice
    }
}

/// A K3s cluster: servers (control plane) and agents.
public struct K3sCluster: Sendable, Equatable {
    public var servers: [String]
    public var agents: [String]
    public var datastore: K3sDatastore

    public init(servers: [String], agents: [String] = [], datastore: K3sDatastore = .sqlite) {
        self.servers = servers
        self.agents = agents
        self.datastore = datastore
    }
}

/// Where K3s keeps cluster state: SQLite on a single server, embedded etcd (quorum of
/// servers), or an external database.
public enum K3sDatastore: String, Sendable, CaseIterable {
    case sqlite
    case etcd
    case external
}

/// Consul servers (Raft quorum) and clients.
public struct ConsulCluster: Sendable, Equatable {
    public var servers: [String]
    public var clients: [String]

    public init(servers: [String], clients: [String] = []) {
        self.servers = servers
        self.clients = clients
    }
}

/// The MQTT broker (e.g. Mosquitto) the sensors publish to.
public struct MQTTBroker: Sendable, Equatable {
    public var host: String

    public init(host: String) {
        self.host = host
    }
}

/// Home Assistant, reading the sensors over MQTT and running the automations (drain on alarm).
public struct HomeAssistant: Sendable, Equatable {
    public var host: String

    public init(host: String) {
        self.host = host
    }
}

/// A role a host takes when it joins the collective (`add_host` … `joins:`).
public enum ServiceMembership: String, Sendable, CaseIterable {
    case proxmox
    case k3sServer = "k3s_server"
    case k3sAgent = "k3s_agent"
    case consulServer = "consul_server"
    case consulClient = "consul_client"
    case mon
    case mgr
    case mds
}
