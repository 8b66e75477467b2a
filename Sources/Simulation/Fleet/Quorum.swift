/// Majority quorum over voting members, as Paxos (Ceph monitors), Raft (Consul servers, etcd)
/// and corosync's votequorum without extra votes decide it: a group of members that can talk
/// holds quorum when it has more than half of all configured votes.
public struct Quorum: Sendable, Equatable {
    /// The members that form the quorum, in member order; empty when no group has a majority.
    public var members: [String]
    /// Votes present in the largest group that can talk, and votes needed.
    public var votes: Int
    public var needed: Int
    public var total: Int

    public var isQuorate: Bool { votes >= needed && !members.isEmpty }

    /// The quorum among `voters` (member → votes, 1 each by default) given who can talk.
    public static func majority(
        of voters: [String], votes: [String: Int] = [:], components: [[String]]
    ) -> Quorum {
        let total = voters.reduce(0) { $0 + (votes[$1] ?? 1) }
        let needed = total / 2 + 1
        var best: [String] = []
        var bestVotes = 0
        for component in components {
            let present = voters.filter { component.contains($0) }
            let count = present.reduce(0) { $0 + (votes[$1] ?? 1) }
            if count > bestVotes {
                best = present
                bestVotes = count
            }
        }
        let quorate = bestVotes >= needed
        return Quorum(members: quorate ? best : [], votes: bestVotes, needed: needed, total: total)
    }

    /// How many members may fail while a majority remains (`(n - 1) / 2` for n equal votes).
    public static func failuresTolerated(voters: Int) -> Int {
        max(voters - 1, 0) / 2
    }
}
