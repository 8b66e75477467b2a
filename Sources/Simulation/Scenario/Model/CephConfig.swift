/// The Ceph options the simulation follows, by their `ceph config` names, with Pacific's
/// (16.2.15) defaults.
public struct CephConfig: Sendable, Equatable {
    /// `osd_max_backfills`: concurrent backfills per OSD (default 1).
    public var osdMaxBackfills: Int
    /// `osd_recovery_max_active`: concurrent recovery ops per OSD; 0 (the default) means the
    /// per-class values below.
    public var osdRecoveryMaxActive: Int
    /// `osd_recovery_max_active_hdd` (default 3).
    public var osdRecoveryMaxActiveHDD: Int
    /// `osd_recovery_max_active_ssd` (default 10).
    public var osdRecoveryMaxActiveSSD: Int
    /// The rate one OSD recovers or backfills at, by device class (a model parameter, not a
    /// Ceph option).
    public var osdRecoveryBandwidth: RecoveryBandwidth
    /// `osd_heartbeat_grace`: how long peers wait before reporting an OSD down (default 20 s).
    public var osdHeartbeatGrace: Duration
    /// `mon_osd_down_out_interval`: how long a down OSD stays in (default 600 s).
    public var monOSDDownOutInterval: Duration
    /// `mon_osd_down_out_subtree_limit`: a whole down subtree of this CRUSH type or larger is
    /// not marked out automatically (default `rack`).
    public var monOSDDownOutSubtreeLimit: String
    /// `mon_osd_full_ratio` (default 0.95): writes stop.
    public var fullRatio: Double
    /// `mon_osd_backfillfull_ratio` (default 0.90): backfill into the OSD stops.
    public var backfillfullRatio: Double
    /// `mon_osd_nearfull_ratio` (default 0.85): health warning.
    public var nearfullRatio: Double
    /// `osd_memory_target` (default 4 GiB): RAM each OSD daemon uses, reserved on its host.
    public var osdMemoryTarget: ByteSize

    public init(
        osdMaxBackfills: Int = 1, osdRecoveryMaxActive: Int = 0, osdRecoveryMaxActiveHDD: Int = 3,
        osdRecoveryMaxActiveSSD: Int = 10, osdRecoveryBandwidth: RecoveryBandwidth = .default,
        osdHeartbeatGrace: Duration = .seconds(20), monOSDDownOutInterval: Duration = .seconds(600),
        monOSDDownOutSubtreeLimit: String = "rack", fullRatio: Double = 0.95,
        backfillfullRatio: Double = 0.90, nearfullRatio: Double = 0.85,
        osdMemoryTarget: ByteSize = ByteSize(bytes: 4 << 30)
    ) {
        self.osdMaxBackfills = osdMaxBackfills
        self.osdRecoveryMaxActive = osdRecoveryMaxActive
        self.osdRecoveryMaxActiveHDD = osdRecoveryMaxActiveHDD
        self.osdRecoveryMaxActiveSSD = osdRecoveryMaxActiveSSD
        self.osdRecoveryBandwidth = osdRecoveryBandwidth
        self.osdHeartbeatGrace = osdHeartbeatGrace
        self.monOSDDownOutInterval = monOSDDownOutInterval
        self.monOSDDownOutSubtreeLimit = monOSDDownOutSubtreeLimit
        self.fullRatio = fullRatio
        self.backfillfullRatio = backfillfullRatio
        self.nearfullRatio = nearfullRatio
        self.osdMemoryTarget = osdMemoryTarget
    }

    /// `osd_recovery_max_active` as an OSD of this class applies it.
    public func recoveryMaxActive(forClass deviceClass: String) -> Int {
        if osdRecoveryMaxActive > 0 { return osdRecoveryMaxActive }
        return deviceClass == "hdd" ? osdRecoveryMaxActiveHDD : osdRecoveryMaxActiveSSD
    }
}

/// Per-OSD recovery bandwidth: one rate for every class, or rates by device class with a
/// fallback.
public struct RecoveryBandwidth: Sendable, Equatable {
    /// For classes without their own rate.
    public var fallback: Bandwidth
    public var byClass: [String: Bandwidth]

    public init(fallback: Bandwidth, byClass: [String: Bandwidth] = [:]) {
        self.fallback = fallback
        self.byClass = byClass
    }

    /// hdd 100 MB/s, ssd 400 MB/s, nvme 1 GB/s: what a single OSD of each kind sustains for
    /// recovery in a small cluster.
    public static let `default` = RecoveryBandwidth(
        fallback: .bytesPerSecond(100_000_000),
        byClass: ["hdd": .bytesPerSecond(100_000_000), "ssd": .bytesPerSecond(400_000_000), "nvme": .bytesPerSecond(1_000_000_000)])

    public func forClass(_ deviceClass: String) -> Bandwidth {
        byClass[deviceClass] ?? fallback
    }
}
