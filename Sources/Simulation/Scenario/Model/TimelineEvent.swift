/// Something that happens to the collective at a moment of simulated time.
public struct TimelineEvent: Sendable, Equatable {
    /// Time since the start of the simulation.
    public var at: Duration
    public var action: EventAction
    /// The operator's words for the timeline ("the HDD in drone2 dies").
    public var note: String?
    /// Where the event is written (`- at:` line), for reports.
    public var location: SourceLocation

    public init(at: Duration, action: EventAction, note: String? = nil, location: SourceLocation = .unknown) {
        self.at = at
        self.action = action
        self.note = note
        self.location = location
    }
}

/// What an event does. Names follow the file's `event:` values.
public enum EventAction: Sendable, Equatable {
    /// `fail_disk`: the disk (its OSD) dies.
    case failDisk(DiskReference)
    /// `restore_disk`: the disk comes back with its data (log-based recovery), or, `replaced`,
    /// a new empty disk of the same size takes its place (a full backfill).
    case restoreDisk(DiskReference, replaced: Bool)
    /// `fail_host`: the host stops (power, kernel panic): all its OSDs and daemons go.
    case failHost(String)
    case restoreHost(String)
    /// `fail_rack`: every host in the rack stops (power strip, top-of-rack switch dead).
    case failRack(String)
    case restoreRack(String)
    /// `fail_link`: the host's or rack's network link goes down; the machines keep running.
    case failLink(LinkTarget)
    case restoreLink(LinkTarget)
    /// `partition`: the network splits into these groups of hosts (hosts not listed stay with
    /// the first group).
    case partition([[String]])
    /// `heal_partition`: the network is whole again.
    case healPartition
    /// `fail_queen` / `restore_queen`: the host with role queen.
    case failQueen
    case restoreQueen
    /// `add_host`: a new machine is assimilated: its disks become OSDs and it joins the listed
    /// services.
    case addHost(Host, joins: [ServiceMembership])
    /// `remove_host`: the host and its OSDs leave the cluster (purged).
    case removeHost(String)
    /// `drain_host`: the host's OSDs are weighted to 0 so their data moves off.
    case drainHost(String)
    /// `reweight`: `ceph osd reweight` (override, 0…1) or `ceph osd crush reweight`.
    case reweight(DiskReference, Reweight)
    /// `set_pool`: `ceph osd pool set` size, min_size or pg_num.
    case setPool(String, PoolChange)
    /// `grow`: this much data is written to the pool.
    case grow(String, by: ByteSize)
    /// `sensor_alarm`: the sensor raises its alarm; Home Assistant drains what it guards.
    case sensorAlarm(String)
}

/// A disk named as `host/disk` or `osd.N` in the file, resolved to both.
public struct DiskReference: Sendable, Equatable {
    public var host: String
    public var disk: String
    /// The OSD id when the disk belongs to the fleet at time 0.
    public var osd: Int32?

    public init(host: String, disk: String, osd: Int32? = nil) {
        self.host = host
        self.disk = disk
        self.osd = osd
    }
}

/// The network link an event cuts or restores.
public enum LinkTarget: Sendable, Equatable {
    case host(String)
    case rack(String)
}

/// How a `reweight` event changes an OSD's weight.
public enum Reweight: Sendable, Equatable {
    /// `ceph osd reweight`: the override weight, 0…1.
    case override(Double)
    /// `ceph osd crush reweight`: the CRUSH weight, 16.16 fixed point in TiB.
    case crushWeight(UInt32)
}

/// What a `set_pool` event changes.
public struct PoolChange: Sendable, Equatable {
    public var size: Int?
    public var minSize: Int?
    public var pgNum: UInt32?

    public init(size: Int? = nil, minSize: Int? = nil, pgNum: UInt32? = nil) {
        self.size = size
        self.minSize = minSize
        self.pgNum = pgNum
    }
}
