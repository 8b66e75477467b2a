/// Where each service of the collective runs: the Ceph daemons of `CephSettings` (monitors,
/// managers, metadata servers) and the services of `Services`, on the fleet's hosts. From it
/// come the services' health under any connectivity (`health(under:)`), the failures each
/// service tolerates (`placements`) and the single points of failure (`failureImpacts()`).
///
/// Pure: it holds no clock and no state besides the layout; the simulator asks it at each
/// moment with the connectivity of that moment, and tells it when a host is assimilated.
public struct ServiceLayout: Sendable, Equatable {
    /// The hosts, for racks and reachability.
    public private(set) var fleet: Fleet
    /// Hosts running `ceph-mon` (the monmap), `ceph-mgr` (the first is preferred as active) and
    /// `ceph-mds` (the first is preferred as active; one active MDS, `max_mds` 1).
    public private(set) var monitors: [String]
    public private(set) var managers: [String]
    public private(set) var metadataServers: [String]
    public private(set) var services: Services
    /// The QDevice taken out while the Proxmox node count is odd (see `assimilate`).
    private var retiredQDevice: String?

    public init(fleet: Fleet, ceph: CephSettings, services: Services) {
        self.fleet = fleet
        self.monitors = ceph.mons
        self.managers = ceph.mgrs
        self.metadataServers = ceph.mds
        self.services = services
    }

    public init(_ scenario: Scenario) {
        self.init(fleet: scenario.fleet, ceph: scenario.ceph, services: scenario.services)
    }

    /// The services configured, in `CollectiveService` order. Sensor automations exist when
    /// Home Assistant runs and some host carries a sensor.
    public var configured: [CollectiveService] {
        CollectiveService.allCases.filter { service in
            switch service {
            case .cephMonitors: !monitors.isEmpty
            case .cephManagers: !managers.isEmpty
            case .cephMetadataServers: !metadataServers.isEmpty
            case .proxmox: services.proxmox != nil
            case .kubernetes: services.k3s != nil
            case .consul: services.consul != nil
            case .mqtt: services.mqtt != nil
            case .homeAssistant: services.homeAssistant != nil
            case .sensorAutomations: services.homeAssistant != nil && !sensorHosts.isEmpty
            }
        }
    }

    /// Hosts that carry sensors, in fleet order.
    var sensorHosts: [String] {
        fleet.hosts.filter { !$0.sensors.isEmpty }.map(\.name)
    }

    /// A host joins the fleet (`add_host`) and takes the listed roles. A role in a service the
    /// layout does not have starts it (a first Proxmox node, a first K3s server on sqlite, a
    /// first Consul server); agents and clients of a missing service are ignored.
    ///
    /// A Proxmox node joins as Proxmox's documentation has it done with a QDevice: the QDevice
    /// is removed first, and set up again (ffsplit) once the node count is even; with an odd
    /// count the cluster runs without it.
    public mutating func assimilate(_ host: Host, joining roles: [ServiceMembership]) {
        if fleet.host(named: host.name) == nil { fleet.hosts.append(host) }
        let name = host.name
        func add(_ list: inout [String]) { if !list.contains(name) { list.append(name) } }
        for role in roles {
            switch role {
            case .mon: add(&monitors)
            case .mgr: add(&managers)
            case .mds: add(&metadataServers)
            case .proxmox:
                if services.proxmox == nil { services.proxmox = ProxmoxCluster(nodes: []) }
                add(&services.proxmox!.nodes)
                if services.proxmox!.nodes.count % 2 == 1, let qdevice = services.proxmox!.qdevice {
                    retiredQDevice = qdevice
                    services.proxmox!.qdevice = nil
                } else if services.proxmox!.nodes.count % 2 == 0, let qdevice = retiredQDevice {
                    services.proxmox!.qdevice = qdevice
                    retiredQDevice = nil
                }
            case .k3sServer:
                if services.k3s == nil { services.k3s = K3sCluster(servers: []) }
                services.k3s!.agents.removeAll { $0 == name }
                add(&services.k3s!.servers)
            case .k3sAgent:
                if services.k3s != nil, !services.k3s!.servers.contains(name) { add(&services.k3s!.agents) }
            case .consulServer:
                if services.consul == nil { services.consul = ConsulCluster(servers: []) }
                services.consul!.clients.removeAll { $0 == name }
                add(&services.consul!.servers)
            case .consulClient:
                if services.consul != nil, !services.consul!.servers.contains(name) { add(&services.consul!.clients) }
            }
        }
    }

    /// Every configured service's status when `connectivity` says who runs and who can talk.
    public func health(under connectivity: FleetConnectivity) -> ServiceHealth {
        let net = Reachability(fleet: fleet, connectivity: connectivity)
        let mon = monitorStatus(net)
        var statuses: [ServiceStatus] = []
        for service in configured {
            switch service {
            case .cephMonitors: statuses.append(mon)
            case .cephManagers: statuses.append(managerStatus(net, monitors: mon))
            case .cephMetadataServers: statuses.append(metadataServerStatus(net, monitors: mon))
            case .proxmox: statuses.append(proxmoxStatus(net))
            case .kubernetes: statuses.append(kubernetesStatus(net))
            case .consul: statuses.append(consulStatus(net))
            case .mqtt: statuses.append(brokerStatus(net))
            case .homeAssistant: statuses.append(homeAssistantStatus(net))
            case .sensorAutomations: statuses.append(automationStatus(net))
            }
        }
        return ServiceHealth(statuses: statuses)
    }
}

/// Who runs and who can talk, asked by host name: the connectivity's components, indexed.
struct Reachability {
    let components: [[String]]
    private let componentOf: [String: Int]

    init(fleet: Fleet, connectivity: FleetConnectivity) {
        components = connectivity.components(of: fleet)
        var index: [String: Int] = [:]
        for (i, component) in components.enumerated() {
            for host in component { index[host] = i }
        }
        componentOf = index
    }

    func isRunning(_ host: String) -> Bool { componentOf[host] != nil }

    /// The index in `components` of the group `host` talks in; nil when it is not running.
    func component(of host: String) -> Int? { componentOf[host] }

    func canReach(_ a: String, _ b: String) -> Bool {
        guard let ca = componentOf[a], let cb = componentOf[b] else { return false }
        return ca == cb
    }

    /// Whether `host` can reach any of `hosts`.
    func canReachAny(_ host: String, _ hosts: [String]) -> Bool {
        hosts.contains { canReach(host, $0) }
    }

    /// Why `host` is not with the others: "queen down" or "drone2 cut off".
    func absence(_ host: String) -> String {
        isRunning(host) ? "\(host) cut off" : "\(host) down"
    }

    /// The absences of `hosts`, joined: "queen down, drone3 cut off".
    func absences(_ hosts: [String]) -> String {
        hosts.map(absence).joined(separator: ", ")
    }
}

/// "queen", "queen and drone1", "queen, drone1 and drone2".
func namesList(_ names: [String]) -> String {
    switch names.count {
    case 0: "none"
    case 1: names[0]
    default: names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}

extension ServiceStatus {
    /// Members that do not serve: the service is degraded and the summary says why each is away.
    mutating func noteAway(_ hosts: [String], _ net: Reachability) {
        guard !hosts.isEmpty else { return }
        state = .degraded
        summary += "; \(net.absences(hosts))"
    }

    /// Running dependents (`role`: agents, clients) that cannot reach the service: it is
    /// degraded, they are listed, and `consequence` (given their names) says what they lose.
    mutating func noteCutOff(_ hosts: [String], role: String, consequence: (String) -> String) {
        guard !hosts.isEmpty else { return }
        state = .degraded
        cutOff = hosts
        summary += "; \(role) cut off: \(namesList(hosts))"
        consequences.append(consequence(namesList(hosts)))
    }
}
