/// Which corosync partition the QDevice (corosync-qnetd on a machine outside the cluster) gives
/// its votes to, as corosync-qdevice's `net` model decides it.
///
/// Proxmox's `pvecm qdevice setup` picks the algorithm from the node count: `ffsplit` with one
/// vote for an even count, `lms` (last man standing, only with `--force`) with N - 1 votes for
/// an odd one. The rules follow corosync-qnetd's `qnetd-algo-ffsplit.c` and the
/// corosync-qdevice(8) man page, with no heuristics configured and the default
/// `tie_breaker: lowest`; Proxmox numbers nodes in join order, so the lowest node id is the
/// first node of the scenario's list.
///
/// - ffsplit: only partitions with a node connected to qnetd are candidates. One with more than
///   half of the configured nodes wins; one with less never does. At exactly half (a 50:50
///   split, or half the nodes gone), the partition with more nodes connected to qnetd wins, then
///   the one holding the tie-breaker node. A partition below half gets no vote even if it is the
///   only one left.
/// - lms: the partition connected to qnetd with the most nodes wins, ties to the one holding the
///   tie-breaker node, however small it is.
struct QDeviceVote {
    enum Algorithm: String {
        case ffsplit
        case lms
    }

    /// A corosync partition: the cluster nodes that see each other, and how many of them reach qnetd.
    struct Partition {
        var nodes: [String]
        var connectedToQNetd: Int
    }

    let algorithm: Algorithm
    /// The votes the QDevice carries: 1 for ffsplit, N - 1 for lms.
    let votes: Int
    /// The configured nodes in node-id order.
    let configuredNodes: [String]

    init(nodes: [String]) {
        configuredNodes = nodes
        if nodes.count % 2 == 0 {
            algorithm = .ffsplit
            votes = 1
        } else {
            algorithm = .lms
            votes = nodes.count - 1
        }
    }

    /// The index of the partition that gets the vote, or nil.
    func winner(among partitions: [Partition]) -> Int? {
        let half = configuredNodes.count / 2
        var best: Int?
        for (i, candidate) in partitions.enumerated() where candidate.connectedToQNetd > 0 {
            switch algorithm {
            case .ffsplit:
                if configuredNodes.count % 2 != 0 || candidate.nodes.count != half {
                    if candidate.nodes.count > half { best = i }
                    continue
                }
                guard let current = best else { best = i; continue }
                let other = partitions[current]
                if other.nodes.count > half { continue }
                if candidate.connectedToQNetd != other.connectedToQNetd {
                    if candidate.connectedToQNetd > other.connectedToQNetd { best = i }
                } else if holdsTieBreaker(candidate) {
                    best = i
                }
            case .lms:
                guard let current = best else { best = i; continue }
                let other = partitions[current]
                if candidate.nodes.count != other.nodes.count {
                    if candidate.nodes.count > other.nodes.count { best = i }
                } else if holdsTieBreaker(candidate) {
                    best = i
                }
            }
        }
        return best
    }

    /// `tie_breaker: lowest`: the partition with the lowest node id, the first configured node.
    private func holdsTieBreaker(_ partition: Partition) -> Bool {
        guard let lowest = configuredNodes.first else { return false }
        return partition.nodes.contains(lowest)
    }
}
