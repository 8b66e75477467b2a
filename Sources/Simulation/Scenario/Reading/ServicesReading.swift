extension ScenarioReader {
    /// `services:` — Proxmox, K3s, Consul, MQTT and Home Assistant, each on named hosts.
    func readServices(_ field: YAMLField) -> Services? {
        guard let m = field.mapping("the services (proxmox, k3s, consul, mqtt, home_assistant)", keys: ScenarioKeys.services) else { return nil }
        var services = Services()
        if let f = m.optional("proxmox") { services.proxmox = readProxmox(f) }
        if let f = m.optional("k3s") { services.k3s = readK3s(f) }
        if let f = m.optional("consul") { services.consul = readConsul(f) }
        if let f = m.optional("mqtt"), let host = readSingleHost(f, what: "the MQTT broker") { services.mqtt = MQTTBroker(host: host) }
        if let f = m.optional("home_assistant"), let host = readSingleHost(f, what: "Home Assistant") {
            services.homeAssistant = HomeAssistant(host: host)
        }
        return services
    }

    private func readProxmox(_ field: YAMLField) -> ProxmoxCluster? {
        guard let m = field.mapping("a Proxmox cluster (nodes, qdevice)", keys: ScenarioKeys.proxmox) else { return nil }
        guard let nodesField = m.required("nodes", "the cluster's nodes"), let nodes = hostList(nodesField) else { return nil }
        if nodes.isEmpty { nodesField.error("a Proxmox cluster needs at least one node") }
        for (i, node) in nodes.enumerated() {
            if let host = hosts.first(where: { $0.host.name == node })?.host, host.architecture == .arm64 {
                let item = nodesField.list("")?[i] ?? nodesField
                item.warning("\(node) is arm64; Proxmox VE runs on amd64 only")
            }
        }
        var qdevice: String?
        if let qField = m.optional("qdevice") {
            qdevice = hostReference(qField)
            if let q = qdevice, nodes.contains(q) {
                qField.error("\(q) is a cluster node; a QDevice runs on a machine outside the cluster")
                qdevice = nil
            }
        }
        if nodes.count % 2 == 0 && qdevice == nil && !nodes.isEmpty {
            nodesField.warning("\(nodes.count) votes and no QDevice: corosync tolerates no more failures than with \(nodes.count - 1) nodes; add a qdevice")
        }
        return ProxmoxCluster(nodes: nodes, qdevice: qdevice)
    }

    private func readK3s(_ field: YAMLField) -> K3sCluster? {
        guard let m = field.mapping("a K3s cluster (servers, agents, datastore)", keys: ScenarioKeys.k3s) else { return nil }
        guard let serversField = m.required("servers", "the control-plane hosts"), let servers = hostList(serversField) else { return nil }
        if servers.isEmpty { serversField.error("a K3s cluster needs at least one server") }
        var agents: [String] = []
        if let agentsField = m.optional("agents"), let list = hostList(agentsField) {
            let items = agentsField.list("") ?? []
            for (i, agent) in list.enumerated() {
                if servers.contains(agent) {
                    (items.indices.contains(i) ? items[i] : agentsField).error("\(agent) is a server already (servers run the agent too)")
                } else {
                    agents.append(agent)
                }
            }
        }
        warnAboutNodeNames(serversField)
        if let agentsField = m.optional("agents") { warnAboutNodeNames(agentsField) }
        let datastore = m.optional("datastore")?.choice(K3sDatastore.self) ?? .sqlite
        if datastore == .sqlite && servers.count > 1 {
            (m.optional("datastore") ?? serversField).error("the sqlite datastore allows one server; use etcd (embedded) for \(servers.count) servers")
        } else if datastore == .etcd && servers.count % 2 == 0 {
            serversField.warning("\(servers.count) etcd members tolerate no more failures than \(servers.count - 1)")
        }
        return K3sCluster(servers: servers, agents: agents, datastore: datastore)
    }

    private func readConsul(_ field: YAMLField) -> ConsulCluster? {
        guard let m = field.mapping("Consul (servers, clients)", keys: ScenarioKeys.consul) else { return nil }
        guard let serversField = m.required("servers", "the Raft servers"), let servers = hostList(serversField) else { return nil }
        if servers.isEmpty { serversField.error("Consul needs at least one server") }
        if servers.count % 2 == 0 && !servers.isEmpty {
            serversField.warning("\(servers.count) Consul servers tolerate no more failures than \(servers.count - 1)")
        }
        var clients: [String] = []
        if let clientsField = m.optional("clients"), let list = hostList(clientsField) {
            let items = clientsField.list("") ?? []
            for (i, client) in list.enumerated() {
                if servers.contains(client) {
                    (items.indices.contains(i) ? items[i] : clientsField).error("\(client) is a Consul server already")
                } else {
                    clients.append(client)
                }
            }
        }
        return ConsulCluster(servers: servers, clients: clients)
    }

    /// Warns about K3s nodes whose host names Kubernetes would refuse (the list is known to hold
    /// host names).
    private func warnAboutNodeNames(_ field: YAMLField) {
        for item in field.list("a list of host names") ?? [] {
            guard let name = item.string("a host name"), !Self.isKubernetesNodeName(name) else { continue }
            item.warning("\(name) is not a valid Kubernetes node name (lowercase letters, digits, '-' and '.')")
        }
    }

    /// A DNS subdomain name, as Kubernetes wants node names.
    static func isKubernetesNodeName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        func alnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) }
        guard alnum(bytes.first!), alnum(bytes.last!) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
    }

    private func readSingleHost(_ field: YAMLField, what: String) -> String? {
        guard let m = field.mapping("\(what) (a mapping with host)", keys: ScenarioKeys.singleHost) else { return nil }
        return m.required("host", "where it runs").flatMap { hostReference($0) }
    }
}
