/// The K3s control plane, by datastore. With SQLite the one server holds the cluster state: it
/// down means the Kubernetes API down. With embedded etcd the servers form a Raft quorum and the
/// API answers where a majority can talk. With an external database (treated as always
/// available) every running server serves the API. Without the API, running pods keep running
/// but nothing is scheduled, rescheduled or changed; an agent that cannot reach a serving
/// server cannot report, so its node goes NotReady and its pods are evicted once the API
/// decides so.
extension ServiceLayout {
    func kubernetesStatus(_ net: Reachability) -> ServiceStatus {
        let k3s = services.k3s!
        let servers = k3s.servers
        var status = ServiceStatus(service: .kubernetes, state: .up, members: servers, summary: "")
        let apiDown = "The Kubernetes API is down: running pods keep running, but nothing is scheduled or rescheduled (pods of failed nodes stay lost) and kubectl fails."

        switch k3s.datastore {
        case .sqlite:
            guard let server = servers.first else { return status }
            guard net.isRunning(server) else {
                status.state = .down
                status.summary = "\(server) is the only K3s server (sqlite datastore) and it is down: no Kubernetes API"
                status.consequences = [apiDown]
                return status
            }
            status.serving = [server]
            status.summary = "API on \(server) (sqlite: the only server)"
        case .etcd:
            let quorum = Quorum.majority(of: servers, components: net.components)
            status.votes = VoteCount(quorum)
            guard quorum.isQuorate else {
                status.state = .down
                status.summary = "etcd has no quorum: at most \(quorum.votes) of \(servers.count) servers can talk, \(quorum.needed) needed"
                let away = servers.filter { !net.isRunning($0) }
                if !away.isEmpty { status.summary += " (\(net.absences(away)))" }
                status.consequences = [apiDown]
                return status
            }
            status.serving = quorum.members
            status.summary = "API on \(namesList(quorum.members)) (etcd quorum, \(quorum.votes) of \(servers.count), \(quorum.needed) needed)"
            status.noteAway(servers.filter { !quorum.members.contains($0) }, net)
        case .external:
            let running = servers.filter(net.isRunning)
            guard !running.isEmpty else {
                status.state = .down
                status.summary = "every K3s server is down (\(net.absences(servers))): no Kubernetes API"
                status.consequences = [apiDown]
                return status
            }
            status.serving = running
            status.summary = "API on \(namesList(running)) (external datastore)"
            status.noteAway(servers.filter { !net.isRunning($0) }, net)
        }
        let serving = status.serving
        status.noteCutOff(k3s.agents.filter { net.isRunning($0) && !net.canReachAny($0, serving) }, role: "agents") {
            "\($0) cannot reach the API: pods there keep running, but Kubernetes marks the node NotReady and evicts and reschedules its pods elsewhere."
        }
        return status
    }
}
