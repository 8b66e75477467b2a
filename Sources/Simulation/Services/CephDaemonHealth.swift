/// The Ceph daemons that keep the cluster itself running. Monitors form a Paxos quorum: a
/// majority of the monmap that can talk (`Quorum.majority`). Managers and metadata servers are
/// active/standby: the monitors make the first running daemon that reaches their quorum active
/// (the file's order stands for the order they would pick in), the others stand by; without a
/// monitor quorum there is no one to pick, so neither serves.
extension ServiceLayout {
    func monitorStatus(_ net: Reachability) -> ServiceStatus {
        let quorum = Quorum.majority(of: monitors, components: net.components)
        let votes = VoteCount(quorum)
        var status = ServiceStatus(
            service: .cephMonitors, state: .up, members: monitors, serving: quorum.members, votes: votes,
            summary: "")
        guard quorum.isQuorate else {
            status.state = .down
            let away = monitors.filter { !net.isRunning($0) }
            status.summary = "no quorum: at most \(quorum.votes) of \(monitors.count) monitors can talk, \(quorum.needed) needed"
                + (away.isEmpty ? "" : " (\(net.absences(away)))")
            status.consequences = [
                "The cluster map cannot change: failed OSDs are not marked down or out and recovery does not start.",
                "Clients cannot connect or authenticate; I/O that needs a new map blocks (VM disks, pod volumes, CephFS).",
            ]
            return status
        }
        let out = monitors.filter { !quorum.members.contains($0) }
        let margin = quorum.votes - quorum.needed
        if out.isEmpty {
            status.summary = "quorum of all \(monitors.count) (\(quorum.needed) needed)"
        } else {
            status.state = .degraded
            status.summary = "quorum \(namesList(quorum.members)) (\(quorum.votes) of \(monitors.count), \(quorum.needed) needed); \(net.absences(out))"
        }
        status.summary += margin == 0
            ? "; one more monitor lost stops the cluster"
            : "; \(margin) more may fail"
        return status
    }

    func managerStatus(_ net: Reachability, monitors mon: ServiceStatus) -> ServiceStatus {
        activeStandby(
            .cephManagers, daemons: managers, net: net, monitors: mon,
            lost: "PG statistics and `ceph status` go stale; the dashboard, the balancer and the PG autoscaler stop. Client I/O continues.")
    }

    func metadataServerStatus(_ net: Reachability, monitors mon: ServiceStatus) -> ServiceStatus {
        activeStandby(
            .cephMetadataServers, daemons: metadataServers, net: net, monitors: mon,
            lost: "CephFS is unavailable: every mount hangs until an MDS is active again.")
    }

    /// A daemon with one active and standbys, picked by the monitor quorum.
    private func activeStandby(
        _ service: CollectiveService, daemons: [String], net: Reachability, monitors mon: ServiceStatus, lost: String
    ) -> ServiceStatus {
        var status = ServiceStatus(service: service, state: .up, members: daemons, summary: "")
        guard mon.state != .down else {
            status.state = .down
            status.summary = "no monitor quorum to make one active"
            status.consequences = [lost]
            return status
        }
        let ready = daemons.filter { net.canReachAny($0, mon.serving) }
        let missing = daemons.filter { !ready.contains($0) }
        guard let active = ready.first else {
            status.state = .down
            status.summary = daemons.count == 1
                ? "the only one, on \(daemons[0]), is lost (\(net.absences(daemons)))"
                : "none of \(daemons.count) can reach the monitors (\(net.absences(daemons)))"
            status.consequences = [lost]
            return status
        }
        status.serving = [active]
        status.standby = Array(ready.dropFirst())
        status.summary = "active on \(active)"
        if active != daemons[0] { status.summary += " (failed over from \(daemons[0]))" }
        status.summary += status.standby.isEmpty
            ? "; no standby" : "; standby on \(namesList(status.standby))"
        status.noteAway(missing, net)
        if status.standby.isEmpty {
            status.consequences = ["If \(active) is lost as well: " + lost]
        }
        return status
    }
}
