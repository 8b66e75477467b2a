/// The state of one service at one moment, with the reason in an operator's words and the facts
/// behind it as data: who serves, the vote count when the service keeps a quorum, and which
/// dependent hosts cannot use it.
public struct ServiceStatus: Sendable, Equatable, Codable {
    public var service: CollectiveService
    public var state: ServiceState
    /// The hosts configured for the service (monmap, cluster nodes, servers, or its one host).
    public var members: [String]
    /// The members serving now: the quorum, or the active daemon first.
    public var serving: [String]
    /// Running members ready to take over (manager and MDS standbys).
    public var standby: [String]
    /// The quorum arithmetic, for services that keep one.
    public var votes: VoteCount?
    /// Running hosts that depend on the service (agents, clients, sensor hosts) and cannot reach it.
    public var cutOff: [String]
    /// One line: what works, what does not, and why.
    public var summary: String
    /// What that means for the collective, a sentence each.
    public var consequences: [String]

    public init(
        service: CollectiveService, state: ServiceState, members: [String], serving: [String] = [],
        standby: [String] = [], votes: VoteCount? = nil, cutOff: [String] = [], summary: String,
        consequences: [String] = []
    ) {
        self.service = service
        self.state = state
        self.members = members
        self.serving = serving
        self.standby = standby
        self.votes = votes
        self.cutOff = cutOff
        self.summary = summary
        self.consequences = consequences
    }

    /// `service: state: summary`, as a timeline prints it.
    public var line: String {
        "\(service.rawValue): \(state.rawValue): \(summary)"
    }
}

/// Votes present in the best partition, votes needed for quorum, and votes expected in all.
public struct VoteCount: Sendable, Equatable, Codable {
    public var present: Int
    public var needed: Int
    public var expected: Int

    public init(present: Int, needed: Int, expected: Int) {
        self.present = present
        self.needed = needed
        self.expected = expected
    }

    public init(_ quorum: Quorum) {
        self.init(present: quorum.votes, needed: quorum.needed, expected: quorum.total)
    }

    public var isQuorate: Bool { present >= needed }

    /// "3 of 4 votes, 3 needed".
    public var description: String {
        "\(present) of \(expected) vote\(expected == 1 ? "" : "s"), \(needed) needed"
    }
}
