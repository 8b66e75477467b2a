/// The collective after everything that happened at one moment of simulated time: what
/// happened (`events`), which hosts run and can talk (`connectivity`, the input of every
/// quorum question), and the Ceph cluster's state. The engine hands each step to its observer
/// as it goes; services, scheduling and reports turn steps into their own timelines.
public struct SimulationStep: Sendable, Equatable {
    /// Time since the start.
    public var time: Duration
    /// What happened at this moment, in order.
    public var events: [ClusterEvent]
    public var connectivity: FleetConnectivity
    /// Hosts of the fleet at this moment (assimilated ones included, removed ones gone), in
    /// fleet order.
    public var hosts: [String]
    /// The groups of running hosts that can talk to each other (`connectivity.components` over
    /// the fleet of this moment).
    public var networkGroups: [[String]]
    public var ceph: CephStatus
    /// The services (`ServiceLayout`) whose state or reason changed at this moment: every
    /// configured service at the first step, then only changes (they follow connectivity and
    /// assimilation).
    public var services: [ServiceStatus] = []
}

/// Something that happened to the cluster: a timeline event from the file, or what Ceph did
/// about it.
public enum ClusterEvent: Sendable, Equatable {
    /// The timeline's event (its index in `Scenario.timeline`).
    case timeline(index: Int, TimelineEvent)
    /// The monitors marked these OSDs down (heartbeat grace expired).
    case markedDown([Int32])
    /// The monitors marked these OSDs out (down for `mon_osd_down_out_interval`): their data
    /// is rebuilt elsewhere.
    case markedOut([Int32])
    /// Down OSDs that stay in: their whole subtree of type ≥ `mon_osd_down_out_subtree_limit`
    /// is down, or too few OSDs would stay in (`mon_osd_min_in_ratio`).
    case keptIn([Int32], reason: String)
    /// OSDs back up (booted), and OSDs marked in again after being marked out automatically.
    case markedUp([Int32])
    case markedIn([Int32])
    /// New OSDs (assimilation), and OSDs purged with their host.
    case created([Int32])
    case purged([Int32])
    /// A replaced disk's OSD starts empty; every copy it held is gone.
    case replaced(Int32)
    /// CRUSH weight set to 0 on these OSDs (drain): their data moves off.
    case drained([Int32])
    /// Something the model does not do, and why.
    case unsupported(String)
    /// A `sensor_alarm` that reached no automation (`ServiceLayout.alarmBlocker`): nothing is
    /// drained.
    case alarmUnheard(sensor: String, reason: String)
}
