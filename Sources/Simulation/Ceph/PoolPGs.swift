internal import CRUSH

/// Where a pool's data really is, PG by PG, in flat arrays: for each PG slot the OSD that holds
/// a complete copy (replicated pools: the slots form an unordered set of holders) or shard `i`
/// (erasure-coded pools: slot `i` is shard `i`), and how many bytes of writes that holder
/// missed while it was down. The OSD map says where data *should* be (the up set); the
/// difference between the two is what recovery and backfill move.
///
/// A holder on an OSD that is down still holds its data (the disk may come back); a holder
/// disappears when its disk is replaced or its host removed, or when the PG no longer needs
/// it (a stray copy is deleted once the up set holds complete copies, as Ceph deletes a stray
/// PG after it goes clean).
struct PoolPGs {
    let poolID: Int64
    let name: String
    let erasure: Bool
    /// Data chunks: k for erasure-coded pools, 1 for replicated ones.
    let dataChunks: Int
    var size: Int
    var minSize: Int
    var pgNum: Int
    /// `holders[pg * size + slot]`, `crushItemNone` when empty.
    var holders: [Int32]
    /// Bytes the holder in that slot still misses (0: complete), by holder index. `Float`
    /// keeps it small; missed writes need no more than 7 significant digits.
    var lag: MissedBytes
    /// What the PG is doing, from the placement and holders (`evaluate`).
    var baseState: [PGState]
    /// What recovery is doing with it (backfilling, recovery_wait, …).
    var activity: [PGState]
    /// Copies (replicated) or shards (erasure) missing from the acting set, per PG.
    var missingCopies: [UInt8]
    /// Copies or shards present but not where the up set wants them, per PG.
    var misplacedCopies: [UInt8]
    /// Whether every copy of the PG is gone for good.
    var lost: [Bool]

    /// User data in the pool now (`ceph df` STORED), and all bytes ever written since the start.
    var stored: Double
    var written: Double = 0
    /// Bytes per millisecond the pool grows.
    var growthRate: Double

    init(spec: PoolSpec) {
        poolID = spec.id
        name = spec.name
        if case .erasure(let k, _) = spec.kind {
            erasure = true
            dataChunks = k
        } else {
            erasure = false
            dataChunks = 1
        }
        size = spec.size
        minSize = spec.minSize
        pgNum = Int(spec.pgNum)
        stored = Double(spec.stored.bytes)
        growthRate = Double(spec.growthPerDay.bytes) / 86_400_000
        holders = []
        lag = MissedBytes()
        baseState = []
        activity = []
        missingCopies = []
        misplacedCopies = []
        lost = []
        resizeArrays()
    }

    /// Empties every per-PG array to `pgNum` × `size`.
    mutating func resizeArrays() {
        holders = [Int32](repeating: crushItemNone, count: pgNum * size)
        lag = MissedBytes()
        baseState = [PGState](repeating: [], count: pgNum)
        activity = [PGState](repeating: [], count: pgNum)
        missingCopies = [UInt8](repeating: 0, count: pgNum)
        misplacedCopies = [UInt8](repeating: 0, count: pgNum)
        lost = [Bool](repeating: false, count: pgNum)
    }

    /// Bytes of one PG (the pool's data spread evenly over its PGs).
    var pgBytes: Double { pgNum > 0 ? stored / Double(pgNum) : 0 }
    /// Bytes one holder of a PG stores: the whole PG, or one shard of it.
    var shardBytes: Double { pgBytes / Double(dataChunks) }
    /// Holders needed to read the data: 1 copy, or k shards.
    var readable: Int { dataChunks }

    /// The PG's state: the peering verdict with recovery's flags on top (never clean while
    /// recovery has work for it).
    func state(of pg: Int) -> PGState {
        activity[pg].isEmpty ? baseState[pg] : baseState[pg].union(activity[pg]).subtracting(.clean)
    }

    func slots(of pg: Int) -> Range<Int> { (pg * size)..<((pg + 1) * size) }
}
