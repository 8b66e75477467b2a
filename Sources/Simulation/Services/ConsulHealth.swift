/// Consul: the servers elect a Raft leader when a majority of them can talk; without a leader
/// the catalog and the KV store are unavailable (registrations, health updates, KV writes and
/// consistent reads fail). A client agent needs to reach a server of the leader's side.
extension ServiceLayout {
    func consulStatus(_ net: Reachability) -> ServiceStatus {
        let consul = services.consul!
        let servers = consul.servers
        let quorum = Quorum.majority(of: servers, components: net.components)
        var status = ServiceStatus(
            service: .consul, state: .up, members: servers, serving: quorum.members, votes: VoteCount(quorum), summary: "")
        guard quorum.isQuorate else {
            status.state = .down
            if servers.count == 1 {
                status.summary = "\(servers[0]) is the only Consul server and it is down: no Raft leader"
            } else {
                status.summary = "no Raft leader: at most \(quorum.votes) of \(servers.count) servers can talk, \(quorum.needed) needed"
                let away = servers.filter { !net.isRunning($0) }
                if !away.isEmpty { status.summary += " (\(net.absences(away)))" }
            }
            status.consequences = [
                "The Consul catalog and KV store are unavailable: service registration, health updates, KV writes and consistent reads fail; DNS answers go stale.",
            ]
            return status
        }
        status.summary = servers.count == 1
            ? "leader on \(servers[0]) (the only server)"
            : "leader among \(namesList(quorum.members)) (\(quorum.votes) of \(servers.count), \(quorum.needed) needed)"
        status.noteAway(servers.filter { !quorum.members.contains($0) }, net)
        status.noteCutOff(
            consul.clients.filter { net.isRunning($0) && !net.canReachAny($0, quorum.members) }, role: "clients"
        ) { "\($0) cannot reach a Consul server: their services drop out of discovery." }
        return status
    }
}
