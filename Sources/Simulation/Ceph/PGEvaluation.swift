internal import CRUSH

/// Peering's verdict on one PG, from its up set and where its data is: the state flags, how
/// many copies the acting set lacks or holds in the wrong place, whether the data is gone, and
/// the recovery or backfill it needs. A simplified `PeeringState::choose_acting`: the acting
/// set is the up holders of the data (a `pg_temp` keeps them serving while new up members
/// backfill); the PG is active with at least `min_size` of them, peered (inactive) with fewer
/// but enough to read the data (1 copy, k shards), down when the holders that could serve are
/// down, and incomplete/down with data loss when no complete copy (or fewer than k shards)
/// exists anywhere.
struct PGEvaluation {
    var state: PGState
    var missingCopies: Int
    var misplacedCopies: Int
    var lost: Bool
}

/// Recovery or backfill one PG needs: which OSDs receive data (slots of the PG), which read it,
/// its primary (who holds the local reservation), the bytes each target receives and the
/// priority Ceph gives it (`PeeringState::get_recovery_priority` / `get_backfill_priority`).
struct PGWork: Equatable {
    enum Kind: Equatable { case recovery, backfill }
    var kind: Kind
    var targets: [Int32]
    var targetSlots: [Int]
    var sources: [Int32]
    var primary: Int32
    var bytes: Double
    var priority: Int
}

/// Ceph's recovery priorities (osd_types.h).
enum RecoveryPriority {
    static let recoveryBase = 180
    static let recoveryInactiveBase = 220
    static let backfillBase = 100
    static let backfillDegradedBase = 140
    static let backfillInactiveBase = 220
}

extension PoolPGs {
    /// The acting members of `pg`: holders on OSDs that are up.
    func actingCount(_ pg: Int, osdUp: [Bool]) -> Int {
        var n = 0
        for i in slots(of: pg) where isUp(holders[i], osdUp) { n += 1 }
        return n
    }

    func isUp(_ osd: Int32, _ osdUp: [Bool]) -> Bool {
        osd != crushItemNone && osd >= 0 && Int(osd) < osdUp.count && osdUp[Int(osd)]
    }

    func evaluate(_ pg: Int, up: ArraySlice<Int32>, osdUp: [Bool]) -> PGEvaluation {
        let range = slots(of: pg)
        var acting = 0
        var complete = 0
        var held = 0
        var misplaced = 0
        var lagging = false
        var remapped = false
        for (slot, i) in range.enumerated() {
            let holder = holders[i]
            guard holder != crushItemNone else {
                if erasure, up[up.startIndex + slot] != crushItemNone { remapped = true }
                continue
            }
            held += 1
            guard isUp(holder, osdUp) else {
                if erasure, up[up.startIndex + slot] != crushItemNone { remapped = true }
                continue
            }
            acting += 1
            if lag[i] > 0 { lagging = true } else { complete += 1 }
            let inUp = erasure ? up[up.startIndex + slot] == holder : up.contains(holder)
            if !inUp {
                misplaced += 1
                remapped = true
            }
        }
        if !erasure {
            // Up members that are not acting (backfill targets) make acting differ from up.
            for osd in up where osd != crushItemNone && !holders[range].contains(osd) { remapped = true }
        }
        var state: PGState = []
        let lost = held < readable
        if acting >= minSize && complete >= readable {
            state.insert(.active)
        } else if acting >= readable && complete >= readable {
            state.insert(.peered)
        } else {
            state.insert(.down)
            if erasure && lost { state.insert(.incomplete) }
        }
        if acting < size { state.insert(.undersized) }
        let missing = size - acting
        if missing > 0 || lagging { state.insert(.degraded) }
        // A pg_temp (acting ≠ up) exists only once peering chose an acting set.
        if remapped && !state.contains(.down) { state.insert(.remapped) }
        if state == [.active] { state.insert(.clean) }
        return PGEvaluation(state: state, missingCopies: missing, misplacedCopies: misplaced, lost: lost)
    }

    /// The recovery (missed writes on an acting member) or else the backfill (up members
    /// without the data) `pg` needs, if any and if enough complete copies are up to read from.
    func work(_ pg: Int, up: ArraySlice<Int32>, osdUp: [Bool]) -> PGWork? {
        let range = slots(of: pg)
        var completeHolders: [Int32] = []
        var acting = 0
        for i in range where isUp(holders[i], osdUp) {
            acting += 1
            if lag[i] == 0 { completeHolders.append(holders[i]) }
        }
        guard completeHolders.count >= readable else { return nil }
        let inactive = acting < minSize
        // Recovery first: acting members that missed writes.
        var targets: [Int32] = []
        var targetSlots: [Int] = []
        var bytes: Double = 0
        for (slot, i) in range.enumerated() where isUp(holders[i], osdUp) && lag[i] > 0 {
            targets.append(holders[i])
            targetSlots.append(slot)
            bytes = max(bytes, Double(lag[i]))
        }
        var kind = PGWork.Kind.recovery
        if targets.isEmpty {
            kind = .backfill
            for (slot, osd) in up.enumerated() where osd != crushItemNone {
                let missing = erasure ? holders[range.lowerBound + slot] != osd : !holders[range].contains(osd)
                if missing {
                    targets.append(osd)
                    targetSlots.append(slot)
                }
            }
            bytes = shardBytes
        }
        guard !targets.isEmpty else { return nil }
        let primary = up.first { completeHolders.contains($0) } ?? completeHolders[0]
        let sources: [Int32]
        if erasure {
            // Any k complete shards rebuild the missing ones (a target may serve the shard it
            // already holds).
            sources = Array(completeHolders.prefix(dataChunks))
        } else {
            sources = [primary]
        }
        let priority: Int
        switch kind {
        case .recovery:
            priority = inactive
                ? RecoveryPriority.recoveryInactiveBase + (minSize - acting)
                : RecoveryPriority.recoveryBase
        case .backfill:
            if inactive {
                priority = RecoveryPriority.backfillInactiveBase + (minSize - acting)
            } else if acting < size {
                priority = RecoveryPriority.backfillDegradedBase + (size - acting)
            } else {
                priority = RecoveryPriority.backfillBase
            }
        }
        return PGWork(
            kind: kind, targets: targets, targetSlots: targetSlots, sources: sources, primary: primary,
            bytes: bytes, priority: priority)
    }

    /// Once every up slot holds a complete copy and the PG is not undersized, Ceph removes the
    /// `pg_temp` and deletes the stray copies: the holder slots outside the up set, which the
    /// caller empties.
    func strayIndices(_ pg: Int, up: ArraySlice<Int32>) -> [Int] {
        guard !erasure else { return [] }
        let range = slots(of: pg)
        let upMembers = up.filter { $0 != crushItemNone }
        guard upMembers.count == size else { return [] }
        for osd in upMembers {
            guard let i = range.first(where: { holders[$0] == osd }), lag[i] == 0 else { return [] }
        }
        return range.filter { holders[$0] != crushItemNone && !upMembers.contains(holders[$0]) }
    }
}
