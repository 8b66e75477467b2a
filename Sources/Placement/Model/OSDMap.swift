import CRUSH

/// The cluster map a client places data with (Ceph's `OSDMap`, the part of it that
/// `OSDMap::encode` puts in its "client-usable data" section): the pools, the OSD slots with
/// their state, reweight and primary affinity, the explicit remappings (`pg_upmap`,
/// `pg_upmap_items`) and temporary overrides (`pg_temp`, `primary_temp`), and the CRUSH map.
///
/// Loaded from a binary map (`ceph osd getmap`, `osdmaptool`) with `OSDMap(binary:)` or from
/// `ceph osd dump -f json` plus a crush map with `OSDMap(dumpJSON:crush:)`; PGs and objects
/// are placed with `PlacementMapper`.
public struct OSDMap: Sendable, Equatable {
    public var epoch: UInt32
    /// The cluster id, as `ceph fsid` prints it.
    public var fsid: String
    /// `CEPH_OSDMAP_*` flags (noout, noup, …).
    public var flags: UInt32
    /// The largest pool id ever used.
    public var poolMax: Int32
    /// Pools by id.
    public var pools: [Int64: Pool]
    /// OSD slots `0..<maxOSD`.
    public var osds: [OSD]
    /// PG → the acting set to use instead of the computed one while data moves.
    public var pgTemp: [PGID: [Int32]]
    /// PG → the acting primary to use instead of the computed one.
    public var primaryTemp: [PGID: Int32]
    /// PG → the raw set to use instead of CRUSH's (`ceph osd pg-upmap`).
    public var pgUpmap: [PGID: [Int32]]
    /// PG → OSD replacements applied to the raw set (`ceph osd pg-upmap-items`).
    public var pgUpmapItems: [PGID: [UpmapItem]]
    /// Erasure-code profiles by name.
    public var erasureCodeProfiles: [String: [String: String]]
    public var crushVersion: UInt32
    /// The CRUSH map, as Ceph holds it after decoding (see `CrushMap.normalizedAsCephDecodes`).
    public var crush: CrushMap

    public init(
        epoch: UInt32 = 1, fsid: String = "00000000-0000-0000-0000-000000000000", flags: UInt32 = 0,
        poolMax: Int32 = 0, pools: [Int64: Pool] = [:], osds: [OSD] = [],
        pgTemp: [PGID: [Int32]] = [:], primaryTemp: [PGID: Int32] = [:],
        pgUpmap: [PGID: [Int32]] = [:], pgUpmapItems: [PGID: [UpmapItem]] = [:],
        erasureCodeProfiles: [String: [String: String]] = [:], crushVersion: UInt32 = 1,
        crush: CrushMap
    ) {
        self.epoch = epoch
        self.fsid = fsid
        self.flags = flags
        self.poolMax = poolMax
        self.pools = pools
        self.osds = osds
        self.pgTemp = pgTemp
        self.primaryTemp = primaryTemp
        self.pgUpmap = pgUpmap
        self.pgUpmapItems = pgUpmapItems
        self.erasureCodeProfiles = erasureCodeProfiles
        self.crushVersion = crushVersion
        self.crush = crush
    }

    /// `max_osd`: the number of OSD slots.
    public var maxOSD: Int32 { Int32(truncatingIfNeeded: osds.count) }

    /// The pools in id order.
    public var sortedPools: [Pool] {
        pools.keys.sorted().map { pools[$0]! }
    }

    /// The pool named `name`, if any (the lowest id if several share it).
    public func pool(named name: String) -> Pool? {
        sortedPools.first { $0.name == name }
    }

    /// `exists(osd)`.
    @inline(__always)
    public func exists(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < osds.count && osds[Int(osd)].exists
    }

    /// `is_up(osd)`.
    @inline(__always)
    public func isUp(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < osds.count && osds[Int(osd)].isUp
    }

    /// `is_in(osd)`.
    @inline(__always)
    public func isIn(_ osd: Int32) -> Bool {
        osd >= 0 && Int(osd) < osds.count && osds[Int(osd)].isIn
    }

    /// `set_weight`: a non-zero reweight also marks the slot as existing, as in Ceph.
    public mutating func setWeight(_ osd: Int32, _ weight: UInt32) {
        guard osd >= 0, Int(osd) < osds.count else { return }
        osds[Int(osd)].weight = weight
        if weight != 0 { osds[Int(osd)].state.insert(.exists) }
    }

    /// `object_locator_to_pg` for an object without a locator key or forced hash: the raw PG
    /// of `name` (in `namespace`) in pool `pool`, or nil if there is no such pool. Fold it with
    /// `Pool.rawPGToPG` to get the PG that holds the object.
    public func rawPG(object name: String, namespace: String = "", pool: Int64) -> PGID? {
        guard let p = pools[pool] else { return nil }
        return PGID(pool: pool, seed: p.hashKey(name, namespace: namespace))
    }

    /// The PG that holds object `name` (`object_locator_to_pg` then `raw_pg_to_pg`).
    public func pg(object name: String, namespace: String = "", pool: Int64) -> PGID? {
        guard let p = pools[pool], let raw = rawPG(object: name, namespace: namespace, pool: pool) else {
            return nil
        }
        return p.rawPGToPG(raw)
    }
}
