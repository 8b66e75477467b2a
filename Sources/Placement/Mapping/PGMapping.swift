/// Where one PG lives, as `OSDMap::pg_to_raw_osds` and `OSDMap::pg_to_up_acting_osds` report
/// it: the raw set CRUSH computed (nonexistent OSDs removed), the up set (after upmaps, with
/// down OSDs removed, primary affinity applied) and the acting set (pg_temp / primary_temp
/// if any, else the up set), each with its primary (-1 if none).
///
/// For erasure-coded pools a position that has no OSD holds `crushItemNone` (2147483647).
/// `PlacementMapper.map(_:into:)` refills an existing value without allocating once its
/// arrays have grown to the pool size.
public struct PGMapping: Sendable, Equatable {
    public var raw: [Int32]
    public var rawPrimary: Int32
    public var up: [Int32]
    public var upPrimary: Int32
    public var acting: [Int32]
    public var actingPrimary: Int32

    public init(
        raw: [Int32] = [], rawPrimary: Int32 = -1, up: [Int32] = [], upPrimary: Int32 = -1,
        acting: [Int32] = [], actingPrimary: Int32 = -1
    ) {
        self.raw = raw
        self.rawPrimary = rawPrimary
        self.up = up
        self.upPrimary = upPrimary
        self.acting = acting
        self.actingPrimary = actingPrimary
    }
}
