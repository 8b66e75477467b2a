/// The cluster at one moment as `ceph status` would summarise it: map epoch, monitor quorum,
/// OSDs up and in, PGs by state, degraded and misplaced data, recovery in progress, health.
/// Objects are counted at 4 MiB (the default object size of RBD and CephFS).
public struct CephStatus: Sendable, Equatable {
    /// The OSD map epoch (1 at the start; each published change adds one).
    public var epoch: UInt32
    public var monQuorum: Quorum
    public var osds: Int
    public var osdsUp: Int
    public var osdsIn: Int
    public var pgs: Int
    /// PG counts by state, most common first (then by name), as `ceph status` lists them.
    public var pgStates: [PGStateCount]
    /// PGs not active (peered, down, incomplete): no I/O to them.
    public var inactivePGs: Int
    public var degradedPGs: Int
    public var undersizedPGs: Int
    /// PGs whose every copy (or more than m shards) is gone for good: data loss.
    public var lostPGs: Int
    /// Pools with at least one inactive PG, by name.
    public var inactivePools: [String]
    public var degradedBytes: UInt64
    public var misplacedBytes: UInt64
    public var degradedObjects: UInt64
    public var misplacedObjects: UInt64
    /// Object copies (or shards) the pools should have.
    public var objectCopies: UInt64
    /// PGs recovering or backfilling now, and waiting for their turn.
    public var recoveringPGs: Int
    public var waitingPGs: Int
    /// Bytes written by recovery and backfill since the start of the run.
    public var bytesMoved: UInt64
    /// User data in the pools (Σ STORED).
    public var storedBytes: UInt64
    public var health: HealthReport

    /// Every PG active+clean.
    public var isActiveClean: Bool {
        pgStates.count == 1 && pgStates[0].state == [.active, .clean]
    }
}

/// How many PGs are in one state.
public struct PGStateCount: Sendable, Equatable {
    public var state: PGState
    public var count: Int
}
