import Simulation

extension ScenarioReport {
    /// Services and single points of failure: where each service runs and how many host
    /// failures it tolerates (whichever hosts), the hosts whose failure alone stops a service
    /// with why, and what each host's and each rack's failure stops or degrades
    /// (`ServiceLayout`, as `collective scenario services` shows it).
    public func servicesSection() -> ReportSection {
        var layout = ReportTable(
            caption: "Service layout",
            columns: [
                .init("SERVICE", key: "service"), .init("TOLERATES", key: "tolerates", alignment: .right, unit: "hosts"),
                .init("RUNS ON", key: "runs_on"), .init("USED BY", key: "used_by"), .init("MODEL", key: "model"),
            ])
        for p in services.placements {
            var runsOn = p.members.joined(separator: ", ")
            if let arbiter = p.arbiter { runsOn += " + QDevice " + arbiter }
            layout.rows.append([
                ReportTable.Cell(p.service.title), .integer(p.tolerates), ReportTable.Cell(runsOn),
                ReportTable.Cell(p.clients.isEmpty ? "-" : p.clients.joined(separator: ", ")), ReportTable.Cell(p.model),
            ])
        }
        let impacts = services.failureImpacts()
        let spofs = services.singlePointsOfFailure()
        var spofTable = ReportTable(
            caption: "Single points of failure",
            columns: [.init("HOST", key: "host"), .init("SERVICE", key: "service"), .init("WHY", key: "why")])
        for s in spofs {
            spofTable.rows.append([ReportTable.Cell(s.host), ReportTable.Cell(s.service.title), ReportTable.Cell(s.reason)])
        }
        var impactTable = ReportTable(
            caption: "If one fails",
            columns: [.init("FAILS", key: "fails"), .init("HOSTS", key: "hosts"), .init("STOPS", key: "stops"), .init("DEGRADES", key: "degrades")])
        for i in impacts {
            impactTable.rows.append([
                ReportTable.Cell((i.scope == .rack ? "rack " : "") + i.name), ReportFigures.names(i.hosts),
                ReportTable.Cell(i.failed.isEmpty ? "-" : i.failed.map(\.service.rawValue).joined(separator: ", ")),
                ReportTable.Cell(i.degraded.isEmpty ? "-" : i.degraded.map(\.rawValue).joined(separator: ", ")),
            ])
        }
        var blocks: [ReportBlock] = [
            .paragraph("TOLERATES is the largest number of hosts that may fail, whichever they are, with the service still serving."),
            .table(layout),
        ]
        if spofs.isEmpty {
            blocks.append(.paragraph("No single host's failure stops a service."))
        } else {
            let hosts = spofs.map(\.host).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            blocks.append(.paragraph(hosts.map { host in
                "\(host) is a single point of failure for " + spofs.filter { $0.host == host }.map(\.service.title).joined(separator: ", ") + "."
            }.joined(separator: " ")))
            blocks.append(.table(spofTable))
        }
        blocks.append(.table(impactTable))
        blocks.append(.findings(spofFindings(spofs)))
        return ReportSection(id: "services", title: "Services and single points of failure", blocks: blocks)
    }

    /// One recommendation per single point of failure: how to remove it, with the host and the
    /// reason the service stops.
    func spofFindings(_ spofs: [SinglePointOfFailure]) -> [Finding] {
        guard !spofs.isEmpty else {
            return [Finding(.ok, code: "NO_SPOF", message: "No single host's failure stops a service.", trigger: "every service tolerates 1 host failure or more")]
        }
        let placements = services.placements
        return spofs.map { s in
            let tolerates = placements.first { $0.service == s.service }.map { "tolerates \($0.tolerates), \($0.model)" } ?? ""
            return Finding(
                .warning, code: "SPOF_" + String(s.service.rawValue.uppercased().map { $0 == "-" ? "_" : $0 }),
                message: "\(s.host) is a single point of failure for \(s.service.title): " + remedy(s.service),
                trigger: "\(s.host) fails → \(s.service.rawValue) down: \(s.reason) (\(tolerates))")
        }
    }

    /// How to remove a single point of failure of `service`.
    func remedy(_ service: CollectiveService) -> String {
        switch service {
        case .cephMonitors: "run 3 or 5 monitors on different hosts (ceph orch apply mon), so a majority survives one or two failures."
        case .cephManagers: "run a standby manager on another host (ceph orch apply mgr 2)."
        case .cephMetadataServers: "run a standby MDS on another host (ceph orch apply mds with 2 daemons)."
        case .proxmox: "add nodes or a QDevice (pvecm qdevice setup) so corosync keeps a majority."
        case .kubernetes: "run 3 K3s servers on embedded etcd (k3s server --cluster-init on the first, --server on two more), so the API survives one server's loss."
        case .consul: "run 3 Consul servers (bootstrap_expect = 3) on different hosts, so Raft keeps a majority without one."
        case .mqtt: "mosquitto does not cluster: run the broker as an HA VM or a K3s Deployment on shared storage so it restarts elsewhere, or bridge a second broker and point the sensors at both."
        case .homeAssistant: "run Home Assistant as a Proxmox HA VM (or a K3s pod on shared storage) so it restarts on another host."
        case .sensorAutomations: "remove the broker's and Home Assistant's single points of failure; the automations follow them."
        }
    }
}
