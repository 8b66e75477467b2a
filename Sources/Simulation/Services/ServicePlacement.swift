/// How one service is laid out on the fleet and how many host failures it survives: the hosts
/// that run it, the hosts that use it, how it stays available, and `tolerates`, the largest
/// number of hosts that may fail, whichever they are, with the service still serving.
///
/// The counts follow the quorum rules of each service: a majority of n voters survives
/// (n - 1) / 2 losses (monitors, etcd, Consul); active/standby daemons survive all but one,
/// and no more than the monitors do; corosync with a QDevice survives n / 2 node losses with
/// ffsplit (half the nodes plus the QDevice's vote still make a majority of n + 1) and one
/// loss with lms (the QDevice carries n - 1 votes, so losing it and a node leaves n - 1 of
/// the n needed); a single broker, Home Assistant or sqlite server survives none.
public struct ServicePlacement: Sendable, Equatable, Codable {
    public var service: CollectiveService
    /// Hosts running the service: voters, or daemons in the order the active one is picked.
    public var members: [String]
    /// Hosts that use it and must reach it (agents, clients, sensor hosts).
    public var clients: [String]
    /// The Proxmox QDevice's host.
    public var arbiter: String?
    /// How it stays available, in words.
    public var model: String
    /// Host failures it survives, whichever hosts fail.
    public var tolerates: Int
    /// Votes needed of those expected, for services that keep a quorum.
    public var votes: VoteCount?
}

extension ServiceLayout {
    /// The layout of every configured service, in `CollectiveService` order.
    public var placements: [ServicePlacement] {
        let monitorTolerance = Quorum.failuresTolerated(voters: monitors.count)
        func majority(_ n: Int) -> VoteCount { VoteCount(present: n, needed: n / 2 + 1, expected: n) }
        return configured.map { service -> ServicePlacement in
            switch service {
            case .cephMonitors:
                return ServicePlacement(
                    service: service, members: monitors, clients: [],
                    model: "Paxos majority of \(monitors.count) monitor\(monitors.count == 1 ? "" : "s")",
                    tolerates: monitorTolerance, votes: majority(monitors.count))
            case .cephManagers, .cephMetadataServers:
                let daemons = service == .cephManagers ? managers : metadataServers
                return ServicePlacement(
                    service: service, members: daemons, clients: [],
                    model: "1 active + \(daemons.count - 1) standby, needs the monitor quorum",
                    tolerates: min(daemons.count - 1, monitorTolerance))
            case .proxmox:
                let cluster = services.proxmox!
                let n = cluster.nodes.count
                guard let qdevice = cluster.qdevice else {
                    return ServicePlacement(
                        service: service, members: cluster.nodes, clients: [],
                        model: "votequorum: \(n) node vote\(n == 1 ? "" : "s"), majority",
                        tolerates: Quorum.failuresTolerated(voters: n), votes: majority(n))
                }
                let device = QDeviceVote(nodes: cluster.nodes)
                let expected = n + device.votes
                return ServicePlacement(
                    service: service, members: cluster.nodes, clients: [], arbiter: qdevice,
                    model: "votequorum: \(n) node votes + QDevice on \(qdevice) (\(device.algorithm.rawValue), \(device.votes) vote\(device.votes == 1 ? "" : "s"))",
                    tolerates: device.algorithm == .ffsplit ? n / 2 : (n >= 3 ? 1 : 0),
                    votes: VoteCount(present: expected, needed: expected / 2 + 1, expected: expected))
            case .kubernetes:
                let k3s = services.k3s!
                let s = k3s.servers.count
                switch k3s.datastore {
                case .sqlite:
                    return ServicePlacement(
                        service: service, members: k3s.servers, clients: k3s.agents,
                        model: "single server (sqlite datastore)", tolerates: 0)
                case .etcd:
                    return ServicePlacement(
                        service: service, members: k3s.servers, clients: k3s.agents,
                        model: "embedded etcd: Raft majority of \(s) servers",
                        tolerates: Quorum.failuresTolerated(voters: s), votes: majority(s))
                case .external:
                    return ServicePlacement(
                        service: service, members: k3s.servers, clients: k3s.agents,
                        model: "any of \(s) server\(s == 1 ? "" : "s") (external datastore)", tolerates: max(s - 1, 0))
                }
            case .consul:
                let consul = services.consul!
                let s = consul.servers.count
                return ServicePlacement(
                    service: service, members: consul.servers, clients: consul.clients,
                    model: s == 1 ? "single server (Raft of one)" : "Raft majority of \(s) servers",
                    tolerates: Quorum.failuresTolerated(voters: s), votes: majority(s))
            case .mqtt:
                return ServicePlacement(
                    service: service, members: [services.mqtt!.host], clients: brokerClients,
                    model: "single broker (mosquitto has no clustering)", tolerates: 0)
            case .homeAssistant:
                return ServicePlacement(
                    service: service, members: [services.homeAssistant!.host], clients: [],
                    model: "single instance", tolerates: 0)
            case .sensorAutomations:
                let path = [services.mqtt.map { "broker on \($0.host)" }, "Home Assistant on \(services.homeAssistant!.host)"]
                return ServicePlacement(
                    service: service, members: sensorHosts, clients: [],
                    model: "sensors → " + path.compactMap { $0 }.joined(separator: " → "), tolerates: 0)
            }
        }
    }
}
