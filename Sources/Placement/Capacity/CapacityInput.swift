public import CRUSH

/// Everything the capacity figures read: the crush map, the OSDs with their stats, the pools
/// with their usage, and the full ratios.
public struct CapacityInput: Sendable {
    public var crush: CrushMap
    public var osds: [CapacityOSD]
    public var pools: [CapacityPool]
    public var ratios: FullRatios
    /// `PGMap::use_per_pool_stats()` and `use_per_pool_omap_stats()`: every OSD reports
    /// per-pool BlueStore statistics (BlueStore made by Nautilus or later). When false, `ceph df`
    /// falls back to the logical `num_bytes` / `num_omap_bytes` for USED and STORED.
    public var perPoolStats: Bool
    public var perPoolOmapStats: Bool

    public init(
        crush: CrushMap, osds: [CapacityOSD], pools: [CapacityPool] = [], ratios: FullRatios = FullRatios(),
        perPoolStats: Bool = true, perPoolOmapStats: Bool = true
    ) {
        self.crush = crush
        self.osds = osds
        self.pools = pools
        self.ratios = ratios
        self.perPoolStats = perPoolStats
        self.perPoolOmapStats = perPoolOmapStats
    }

    /// The stats the PGMap holds per OSD id (see `CapacityOSD.reportedStats`); a later entry
    /// for the same id replaces an earlier one.
    func reportedStats() -> [Int32: OSDStatFS] {
        var stats: [Int32: OSDStatFS] = [:]
        for osd in osds {
            if let s = osd.reportedStats { stats[osd.id] = s } else { stats[osd.id] = nil }
        }
        return stats
    }
}
