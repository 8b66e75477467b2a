/// One OSD as Ceph's capacity figures see it: its state in the OSD map and the `statfs` it
/// reports (`osd_stat_t::statfs`, a `store_statfs_t`). Plain values, so it can be filled from
/// the OSD map model, from `ceph osd df -f json` (`kb`, `kb_avail`, … times 1024) or by hand.
public struct CapacityOSD: Sendable, Equatable {
    public var id: Int32
    /// The OSD exists in the OSD map. A nonexistent OSD has no stats at all.
    public var exists: Bool
    public var isUp: Bool
    /// The OSD map's reweight in 16.16 fixed point: `0x10000` is 1.0, 0 is "out".
    public var reweight: UInt32
    /// `statfs.total`: the device size in bytes.
    public var totalBytes: UInt64
    /// `statfs.available`: free bytes.
    public var availableBytes: UInt64
    /// `statfs.allocated`, `omap_allocated`, `internal_metadata` (the DATA, OMAP and META
    /// columns of `ceph osd df`); informational.
    public var dataBytes: UInt64
    public var omapBytes: UInt64
    public var metaBytes: UInt64
    /// The OSD's crush weight in 16.16 fixed point (the WEIGHT column), if known; otherwise
    /// its weight in the first bucket of the crush map that lists it.
    public var crushWeight: UInt32?
    /// PGs mapped to the OSD (`PGMap::get_num_pg_by_osd`, the PGS column): up or acting
    /// replicas, as the PG mapping reports them.
    public var pgCount: Int

    /// An OSD with `usedBytes` of `totalBytes` used (`statfs.available = total - used`).
    public init(
        id: Int32, totalBytes: UInt64, usedBytes: UInt64, reweight: UInt32 = 0x10000,
        isUp: Bool = true, exists: Bool = true, pgCount: Int = 0,
        dataBytes: UInt64 = 0, omapBytes: UInt64 = 0, metaBytes: UInt64 = 0, crushWeight: UInt32? = nil
    ) {
        self.crushWeight = crushWeight
        self.id = id
        self.exists = exists
        self.isUp = isUp
        self.reweight = reweight
        self.totalBytes = totalBytes
        self.availableBytes = totalBytes >= usedBytes ? totalBytes - usedBytes : 0
        self.dataBytes = dataBytes
        self.omapBytes = omapBytes
        self.metaBytes = metaBytes
        self.pgCount = pgCount
    }

    /// In the OSD map's sense: a reweight other than 0 (`OSDMap::is_in`).
    public var isIn: Bool { reweight != 0 }
    /// `get_weightf`: the reweight as a `float`.
    public var reweightF: Float { Float(reweight) / Float(0x10000) }
    /// `statfs.get_used_raw()`: `total - available`.
    public var usedRawBytes: UInt64 { totalBytes &- availableBytes }

    /// The stats the monitor's PGMap holds for this OSD, or nil when it holds none.
    /// The mgr replaces what an out OSD reports by an empty `osd_stat_t`
    /// (`ClusterState::ingest_pgstats`, and `PGMapUpdater::check_osd_map` zeroes an OSD when it
    /// is marked out), and drops a nonexistent OSD: so an out OSD counts with size 0 everywhere.
    var reportedStats: OSDStatFS? {
        guard exists else { return nil }
        guard isIn else { return OSDStatFS(total: 0, available: 0, allocated: 0, omap: 0, meta: 0) }
        return OSDStatFS(
            total: totalBytes, available: availableBytes, allocated: dataBytes, omap: omapBytes,
            meta: metaBytes)
    }
}

/// The part of `store_statfs_t` the capacity figures read, with its KiB helpers.
struct OSDStatFS: Sendable, Equatable {
    var total: UInt64
    var available: UInt64
    var allocated: UInt64
    var omap: UInt64
    var meta: UInt64

    var kb: UInt64 { total >> 10 }
    var kbAvail: UInt64 { available >> 10 }
    var usedRaw: UInt64 { total &- available }
    var kbUsedRaw: UInt64 { usedRaw >> 10 }
}
