/// Proxmox VE's cluster quorum: corosync's votequorum with one vote per node and, when the
/// cluster has a QDevice, the votes corosync-qnetd gives one partition (`QDeviceVote`).
/// Expected votes are the nodes' plus the QDevice's; a partition is quorate with more than half.
/// Without quorum `/etc/pve` (pmxcfs) is read-only: guests cannot be started, changed or
/// migrated, and HA cannot recover them; a node running HA guests that loses quorum fences
/// itself (its watchdog resets it) and the quorate side, if any, restarts the guests.
extension ServiceLayout {
    func proxmoxStatus(_ net: Reachability) -> ServiceStatus {
        let cluster = services.proxmox!
        let nodes = cluster.nodes
        let device = cluster.qdevice.map { _ in QDeviceVote(nodes: nodes) }
        let expected = nodes.count + (device?.votes ?? 0)
        let needed = expected / 2 + 1

        // A partition per group of running nodes that can talk, in component order; the nodes
        // that reach qnetd are those in its host's group.
        var byComponent: [Int: [String]] = [:]
        for node in nodes {
            if let c = net.component(of: node) { byComponent[c, default: []].append(node) }
        }
        let qnetdComponent = cluster.qdevice.flatMap(net.component(of:))
        let partitions = byComponent.keys.sorted().map { c in
            QDeviceVote.Partition(nodes: byComponent[c]!, connectedToQNetd: c == qnetdComponent ? byComponent[c]!.count : 0)
        }
        let winner = device?.winner(among: partitions)
        func votes(_ i: Int) -> Int { partitions[i].nodes.count + (i == winner ? device!.votes : 0) }
        let quorate = partitions.indices.first { votes($0) >= needed }
        let best = quorate ?? partitions.indices.max { votes($0) < votes($1) }

        var status = ServiceStatus(
            service: .proxmox, state: .up, members: nodes + (cluster.qdevice.map { [$0] } ?? []),
            votes: VoteCount(present: best.map(votes) ?? 0, needed: needed, expected: expected), summary: "")
        let qdeviceText = cluster.qdevice.map { q in
            device!.votes == 1 ? "QDevice \(q)" : "QDevice \(q) (\(device!.votes) votes, lms)"
        }

        guard let quorate else {
            status.state = .down
            status.summary = "no quorum: at most \(status.votes!.present) of \(expected) votes in one partition, \(needed) needed"
            let away = nodes.filter { !net.isRunning($0) } + (cluster.qdevice.map { [$0] } ?? []).filter { !net.isRunning($0) }
            if !away.isEmpty { status.summary += " (\(net.absences(away)))" }
            status.consequences = [
                "/etc/pve is read-only on every node: no guest can be started, changed or migrated.",
                "HA cannot recover guests; nodes running HA guests fence themselves (watchdog reset) and those guests stop.",
            ]
            return status
        }
        let inQuorum = partitions[quorate].nodes
        status.serving = inQuorum + (quorate == winner ? [cluster.qdevice!] : [])
        status.summary = "quorate: \(namesList(inQuorum))" + (quorate == winner ? " + \(qdeviceText!)" : "")
            + " (\(votes(quorate)) of \(expected) votes, \(needed) needed)"
        let out = nodes.filter { !inQuorum.contains($0) }
        var missing = out
        if let q = cluster.qdevice, quorate != winner { missing.append(q) }
        status.noteAway(missing, net)
        let outRunning = out.filter(net.isRunning)
        if !outRunning.isEmpty {
            status.cutOff = outRunning
            status.consequences.append(
                "\(namesList(outRunning)) \(outRunning.count == 1 ? "is" : "are") out of quorum: /etc/pve is read-only there; HA guests on them are fenced and restarted on the quorate side.")
        }
        let margin = votes(quorate) - needed
        status.summary += margin == 0 ? "; one more vote lost stops the cluster" : "; \(margin) more vote\(margin == 1 ? "" : "s") may be lost"
        return status
    }
}
