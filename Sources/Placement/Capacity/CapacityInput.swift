public import CRUSH

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
    /// PGs mapped to the OSD (`PGMap::get_num_pg_by_osd`, the PGS column): up or acting
    /// replicas, as the PG mapping reports them.
    public var pgCount: Int

    /// An OSD with `usedBytes` of `totalBytes` used (`statfs.available = total - used`).
    public init(
        id: Int32, totalBytes: UInt64, usedBytes: UInt64, reweight: UInt32 = 0x10000,
        isUp: Bool = true, exists: Bool = true, pgCount: Int = 0,
        dataBytes: UInt64 = 0, omapBytes: UInt64 = 0, metaBytes: UInt64 = 0
    ) {
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

/// How a pool keeps its data: `size` copies, or `k` data and `m` coding chunks.
public enum CapacityRedundancy: Sendable, Equatable {
    case replicated(size: Int)
    case erasure(k: Int, m: Int)

    /// `pg_pool_t::get_size()`: replicas, or `k + m` chunks.
    public var size: Int {
        switch self {
        case .replicated(let size): size
        case .erasure(let k, let m): k + m
        }
    }

    /// `pg_pool_t::TYPE_REPLICATED` (1) or `TYPE_ERASURE` (3), as crush rules name them.
    public var poolType: UInt8 {
        switch self {
        case .replicated: Rule.typeReplicated
        case .erasure: Rule.typeErasure
        }
    }

    /// `OSDMap::pool_raw_used_rate` (src/osd/OSDMap.cc): raw bytes written per byte stored,
    /// as a `float`: the size of a replicated pool, `(float)(k + m) / k` for an erasure pool,
    /// 0 when `k` is 0 (Ceph returns 0 for a profile without k and m).
    public var rawUsedRate: Float {
        switch self {
        case .replicated(let size): Float(size)
        case .erasure(let k, let m): k == 0 ? 0 : Float(k + m) / Float(k)
        }
    }
}

/// A pool's usage as the PGMap sums it over its PGs (`pool_stat_t`): the BlueStore per-pool
/// `store_stats`, summed over every OSD that holds a copy or chunk, so in raw bytes, and the
/// object counts of `stats.sum`.
public struct CapacityPoolUsage: Sendable, Equatable {
    /// `store_stats.data_stored`: user bytes, counted once per copy or chunk.
    public var dataStoredRaw: UInt64
    /// `store_stats.allocated`: bytes allocated on disk for the data (USED before omap).
    public var dataAllocatedRaw: UInt64
    /// `store_stats.omap_allocated`.
    public var omapAllocatedRaw: UInt64
    /// `stats.sum.num_bytes`, `num_bytes_hit_set_archive` and `num_omap_bytes`: the logical
    /// counts Ceph shows instead when not every OSD reports per-pool statistics (FileStore,
    /// MemStore, or OSDs made before Nautilus).
    public var bytes: UInt64
    public var bytesHitSetArchive: UInt64
    public var omapBytes: UInt64
    /// `stats.sum.num_objects`.
    public var objects: UInt64
    /// `stats.sum.num_object_copies` and `num_objects_degraded`; while some copies are
    /// missing Ceph scales the raw used rate by `(copies - degraded) / copies`.
    public var objectCopies: UInt64
    public var objectsDegraded: UInt64

    public init(
        dataStoredRaw: UInt64 = 0, dataAllocatedRaw: UInt64 = 0, omapAllocatedRaw: UInt64 = 0,
        objects: UInt64 = 0, objectCopies: UInt64 = 0, objectsDegraded: UInt64 = 0,
        bytes: UInt64 = 0, bytesHitSetArchive: UInt64 = 0, omapBytes: UInt64 = 0
    ) {
        self.dataStoredRaw = dataStoredRaw
        self.dataAllocatedRaw = dataAllocatedRaw
        self.omapAllocatedRaw = omapAllocatedRaw
        self.bytes = bytes
        self.bytesHitSetArchive = bytesHitSetArchive
        self.omapBytes = omapBytes
        self.objects = objects
        self.objectCopies = objectCopies
        self.objectsDegraded = objectsDegraded
    }

    /// A healthy pool holding `bytes` of user data in `objects` objects, every copy in place and
    /// allocated byte for byte: raw bytes are `bytes × size`, or `bytes × (k + m) / k`
    /// (rounded down) for an erasure pool.
    public static func logical(bytes: UInt64, objects: UInt64 = 0, redundancy: CapacityRedundancy) -> Self {
        let raw: UInt64
        switch redundancy {
        case .replicated(let size):
            raw = bytes.multipliedReportingOverflow(by: UInt64(max(size, 0))).partialValue
        case .erasure(let k, let m):
            raw = k <= 0 ? 0 : UInt64((Double(bytes) * Double(k + m) / Double(k)).rounded(.down))
        }
        return Self(
            dataStoredRaw: raw, dataAllocatedRaw: raw, objects: objects,
            objectCopies: objects &* UInt64(max(redundancy.size, 0)), bytes: bytes)
    }
}

/// How the PG autoscaler treats a pool (`pg_autoscale_mode`).
public enum AutoscaleMode: String, Sendable, Equatable {
    case on, warn, off
}

/// One pool: the fields of `pg_pool_t` and its options that the capacity figures and the PG
/// advice read. Plain values, to be filled from the OSD map model or from `ceph osd pool ls
/// detail` / `ceph df detail`.
public struct CapacityPool: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var redundancy: CapacityRedundancy
    /// `crush_rule` (a ruleset in Pacific; equal to the rule id in maps made since Luminous).
    public var crushRule: Int32
    public var pgNum: UInt32
    /// `pg_num_target` (what `ceph osd pool set … pg_num` last asked for); defaults to pg_num.
    public var pgNumTarget: UInt32
    public var usage: CapacityPoolUsage
    /// Quotas (0: none).
    public var quotaMaxBytes: UInt64
    public var quotaMaxObjects: UInt64
    /// Autoscaler options: `target_size_ratio`, `target_size_bytes`, `pg_autoscale_bias`,
    /// `pg_num_min`, `pg_num_max` (nil: unset), the `bulk` flag and the mode.
    public var targetSizeRatio: Double
    public var targetSizeBytes: UInt64
    public var autoscaleBias: Double
    public var pgNumMin: Int?
    public var pgNumMax: Int?
    public var bulk: Bool
    public var autoscaleMode: AutoscaleMode

    public init(
        id: Int64, name: String, redundancy: CapacityRedundancy, crushRule: Int32,
        pgNum: UInt32 = 32, pgNumTarget: UInt32? = nil, usage: CapacityPoolUsage = CapacityPoolUsage(),
        quotaMaxBytes: UInt64 = 0, quotaMaxObjects: UInt64 = 0,
        targetSizeRatio: Double = 0, targetSizeBytes: UInt64 = 0, autoscaleBias: Double = 1,
        pgNumMin: Int? = nil, pgNumMax: Int? = nil, bulk: Bool = false,
        autoscaleMode: AutoscaleMode = .on
    ) {
        self.id = id
        self.name = name
        self.redundancy = redundancy
        self.crushRule = crushRule
        self.pgNum = pgNum
        self.pgNumTarget = pgNumTarget ?? pgNum
        self.usage = usage
        self.quotaMaxBytes = quotaMaxBytes
        self.quotaMaxObjects = quotaMaxObjects
        self.targetSizeRatio = targetSizeRatio
        self.targetSizeBytes = targetSizeBytes
        self.autoscaleBias = autoscaleBias
        self.pgNumMin = pgNumMin
        self.pgNumMax = pgNumMax
        self.bulk = bulk
        self.autoscaleMode = autoscaleMode
    }
}

/// The OSD map's fullness thresholds, kept as `float` as the OSD map keeps them. Defaults are
/// the monitor options `mon_osd_full_ratio` 0.95, `mon_osd_backfillfull_ratio` 0.90 and
/// `mon_osd_nearfull_ratio` 0.85, plus the OSD's `osd_failsafe_full_ratio` 0.97.
public struct FullRatios: Sendable, Equatable {
    public var full: Float
    public var backfillFull: Float
    public var nearFull: Float
    public var failsafeFull: Float

    public init(full: Float = 0.95, backfillFull: Float = 0.90, nearFull: Float = 0.85, failsafeFull: Float = 0.97) {
        self.full = full
        self.backfillFull = backfillFull
        self.nearFull = nearFull
        self.failsafeFull = failsafeFull
    }
}

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
