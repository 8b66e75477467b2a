internal import CRUSH

/// The state one PG takes when OSDs fail, as the simulator decides it: the same peering verdict
/// (`PoolPGs.evaluate`) that `collective simulate` applies to every PG after an event, given from
/// outside the simulation — the PG's current holders (the acting set of a clean PG), its up set
/// in the map with the failed OSDs down, and which OSDs are up.
///
/// One rule is added for a PG that holds no objects: Ceph counts degraded *objects*
/// (`PeeringState::update_calc_stats`), so an empty PG that lost a copy is `undersized` but not
/// `degraded`. The simulator never meets an empty PG (it spreads a pool's data over all PGs).
public enum OSDFailurePrediction {
    /// The predicted state of one PG.
    /// - Parameters:
    ///   - erasureDataChunks: k for an erasure-coded pool (holders and up are then per shard,
    ///     `CRUSH_ITEM_NONE` for a hole), nil for a replicated one.
    ///   - holders: the OSDs that hold complete copies (shards) now, at most `size` of them.
    ///   - up: the PG's up set once the OSDs are down (or out).
    ///   - osdUp: for each OSD id, whether it is up.
    ///   - objects: the PG's object count (`pg dump` `num_objects`), nil if unknown.
    public static func state(
        size: Int, minSize: Int, erasureDataChunks: Int?, holders: [Int32], up: [Int32], osdUp: [Bool],
        objects: Int? = nil
    ) -> PGState {
        let kind: PoolKind = erasureDataChunks.map { .erasure(k: $0, m: max(size - $0, 0)) } ?? .replicated
        let spec = PoolSpec(
            id: 0, name: "", kind: kind, size: size, minSize: minSize, pgNum: 1, rule: "", ruleID: 0)
        var pgs = PoolPGs(spec: spec)
        for (slot, osd) in holders.prefix(size).enumerated() { pgs.holders[slot] = osd }
        var upSlots = Array(up.prefix(size))
        if erasureDataChunks != nil {
            while upSlots.count < size { upSlots.append(crushItemNone) }
        }
        var state = pgs.evaluate(0, up: upSlots[...], osdUp: osdUp).state
        if objects == 0 { state.remove(.degraded) }
        return state
    }

    /// `CRUSH_ITEM_NONE`, the hole in an erasure-coded PG's up set.
    public static var noOSD: Int32 { crushItemNone }
}
