import CRUSH

/// One edit of an `OSDMap` that `IncrementalPlacement.apply(_:)` remaps for: the changes a
/// simulated cluster goes through (the monitor commands named on each case). Weights and
/// affinities are 16.16 fixed point, as the map holds them.
public enum OSDMapChange: Sendable, Equatable {
    /// The OSD stops (`ceph osd down`): its state loses `up`.
    case markDown(Int32)
    /// The OSD boots: its state gains `up`.
    case markUp(Int32)
    /// `ceph osd out`: reweight 0.
    case markOut(Int32)
    /// `ceph osd in`: reweight 1.0 (`CEPH_OSD_IN`).
    case markIn(Int32)
    /// `ceph osd reweight OSD W`: any reweight from 0 to 1.0 (0x10000).
    case reweight(Int32, UInt32)
    /// `ceph osd crush reweight osd.N W`: the device's CRUSH weight in every bucket that holds
    /// it (`CrushMap.adjustItemWeight`), the buckets above following.
    case crushWeight(Int32, UInt32)
    /// `ceph osd primary-affinity OSD A`: from 0 to 1.0 (0x10000).
    case primaryAffinity(Int32, UInt32)
    /// New OSD slots appended to the map (`ceph osd create`), before CRUSH holds them.
    case addOSDs([OSD])
    /// A new CRUSH map (a host with its OSDs added or removed, a rule changed, …).
    case crushMap(CrushMap)
    /// `ceph osd pool set POOL pg_num N` (pgp_num stays, as osdmaptool's `--pg_num`).
    case pgNum(pool: Int64, UInt32)
    /// `ceph osd pool set POOL pgp_num N`.
    case pgpNum(pool: Int64, UInt32)
    /// `ceph osd pool set POOL size N`.
    case poolSize(pool: Int64, UInt8)
    /// `ceph osd pg-upmap-items PGID FROM TO …`: replaces the PG's pairs.
    case setUpmapItems(PGID, [UpmapItem])
    /// `ceph osd rm-pg-upmap-items PGID`.
    case removeUpmapItems(PGID)
}

/// Why `IncrementalPlacement.apply(_:)` refused a change; the map is left as it was.
public enum IncrementalPlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchOSD(Int32, maxOSD: Int32)
    case noSuchPool(Int64)
    case noSuchPG(PGID, pgNum: UInt32)
    case valueOutOfRange(String, value: Int64, range: ClosedRange<Int64>)
    /// The pools would hold this many PGs; PGs are numbered with 32 bits.
    case tooManyPGs(UInt64)

    public var description: String {
        switch self {
        case .noSuchOSD(let osd, let maxOSD):
            "osd.\(osd) does not exist: the map has OSD slots 0 to \(maxOSD - 1); add slots with addOSDs first"
        case .noSuchPool(let pool):
            "pool \(pool) does not exist in the map"
        case .noSuchPG(let pg, let pgNum):
            "pg \(pg) does not exist: its pool has pg_num \(pgNum)"
        case .valueOutOfRange(let what, let value, let range):
            "\(what) \(value) is out of range: it must be from \(range.lowerBound) to \(range.upperBound)"
        case .tooManyPGs(let count):
            "the pools would hold \(count) PGs; incremental placement numbers PGs with 32 bits (fewer than 4294967296)"
        }
    }
}
