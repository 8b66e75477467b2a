/// Per-thread scratch memory for `CrushMapper` (Ceph's `crush_work`): the cached
/// permutations of uniform buckets, the rule's three working vectors, and optionally the
/// histogram of tries that `crushtool --show-choose-tries` prints.
public final class CrushWorkspace {
    let bucketCount: Int
    let permX: UnsafeMutablePointer<UInt32>
    let permN: UnsafeMutablePointer<UInt32>
    let perm: UnsafeMutablePointer<UInt32>
    private(set) var scratch: UnsafeMutablePointer<Int32>
    private var scratchCapacity: Int
    /// `choose_tries`: how many choices needed each number of tries (index = tries).
    public private(set) var chooseTries: [UInt64]
    let histogram: UnsafeMutablePointer<UInt64>
    let histogramSize: Int
    /// Whether `chooseTries` is being counted (`start_choose_profile`).
    public var countsChooseTries = false
    /// Whether mappings note every device whose reweight they consult (`is_out`) in
    /// `reweightChecks`. Off by default; the check costs one predictable branch per device
    /// landed on.
    public var recordsReweightChecks = false
    /// The devices whose reweight `is_out` consulted since `clearReweightChecks()`, in order:
    /// `item` where the device was accepted, `~item` (negative) where it was rejected as out.
    /// Only filled while `recordsReweightChecks` is set.
    public private(set) var reweightChecks: [Int32] = []

    init(bucketCount: Int, totalItems: Int, resultMax: Int, histogramSize: Int) {
        self.bucketCount = bucketCount
        permX = .allocate(capacity: max(bucketCount, 1))
        permN = .allocate(capacity: max(bucketCount, 1))
        permX.initialize(repeating: 0, count: max(bucketCount, 1))
        permN.initialize(repeating: 0, count: max(bucketCount, 1))
        perm = .allocate(capacity: max(totalItems, 1))
        perm.initialize(repeating: 0, count: max(totalItems, 1))
        scratchCapacity = max(resultMax, 1)
        scratch = .allocate(capacity: 3 * scratchCapacity)
        self.histogramSize = histogramSize
        histogram = .allocate(capacity: histogramSize)
        histogram.initialize(repeating: 0, count: histogramSize)
        chooseTries = []
    }

    deinit {
        permX.deallocate()
        permN.deallocate()
        perm.deallocate()
        scratch.deallocate()
        histogram.deallocate()
    }

    /// Makes sure the working vectors hold `resultMax` items each.
    @inline(__always)
    func reserve(resultMax: Int) {
        guard resultMax > scratchCapacity else { return }
        scratch.deallocate()
        scratchCapacity = resultMax
        scratch = .allocate(capacity: 3 * resultMax)
    }

    @inline(__always)
    func recordTries(_ tries: UInt32) {
        if countsChooseTries && Int(tries) < histogramSize { histogram[Int(tries)] += 1 }
    }

    @inline(never)
    func noteReweightCheck(_ item: Int32, rejected: Bool) {
        reweightChecks.append(rejected ? ~item : item)
    }

    /// Empties `reweightChecks`, keeping its storage.
    public func clearReweightChecks() {
        reweightChecks.removeAll(keepingCapacity: true)
    }

    /// The tries histogram counted so far, `histogramSize` entries (choose_total_tries + 1).
    public var chooseTriesHistogram: [UInt64] {
        (0..<histogramSize).map { histogram[$0] }
    }
}

/// A choose_args weight set prepared for mapping (`struct crush_choose_arg_map`): per bucket,
/// optional replacement ids and per-position weights for straw2 buckets.
public final class CrushChooseArgs: @unchecked Sendable {
    struct Tables {
        let bucketCount: Int
        let idsOffset: UnsafeMutablePointer<Int>  // -1: none
        let positions: UnsafeMutablePointer<Int>  // 0: none
        let weightsOffset: UnsafeMutablePointer<Int>
        let size: UnsafeMutablePointer<Int>
        let ids: UnsafeMutablePointer<Int32>
        let weights: UnsafeMutablePointer<UInt32>

        @inline(__always)
        func weights(bucket b: Int, position: Int32) -> UnsafePointer<UInt32>? {
            guard b < bucketCount else { return nil }
            let count = positions[b]
            guard count > 0 else { return nil }
            let p = Int(position) >= count ? count - 1 : Int(position)
            return UnsafePointer(weights + weightsOffset[b] + p * size[b])
        }

        @inline(__always)
        func ids(bucket b: Int) -> UnsafePointer<Int32>? {
            guard b < bucketCount, idsOffset[b] >= 0 else { return nil }
            return UnsafePointer(ids + idsOffset[b])
        }
    }

    let tables: Tables

    /// Prepares `args` (bucket id → argument) for `map`. An argument whose ids or weight rows
    /// do not have one entry per bucket item is ignored, as Ceph's map validation rejects it.
    public init(_ args: [Int32: ChooseArg], map: CrushMap) {
        let count = max(map.buckets.count, 1)
        let idsOffset = UnsafeMutablePointer<Int>.allocate(capacity: count)
        let positions = UnsafeMutablePointer<Int>.allocate(capacity: count)
        let weightsOffset = UnsafeMutablePointer<Int>.allocate(capacity: count)
        let size = UnsafeMutablePointer<Int>.allocate(capacity: count)
        idsOffset.initialize(repeating: -1, count: count)
        positions.initialize(repeating: 0, count: count)
        weightsOffset.initialize(repeating: 0, count: count)
        size.initialize(repeating: 0, count: count)
        var flatIDs: [Int32] = []
        var flatWeights: [UInt32] = []
        for (index, bucket) in map.buckets.enumerated() {
            guard let bucket, let arg = args[bucket.id] else { continue }
            let n = bucket.items.count
            size[index] = n
            if !arg.ids.isEmpty && arg.ids.count == n {
                idsOffset[index] = flatIDs.count
                flatIDs += arg.ids
            }
            if !arg.weightSet.isEmpty && arg.weightSet.allSatisfy({ $0.count == n }) {
                positions[index] = arg.weightSet.count
                weightsOffset[index] = flatWeights.count
                for row in arg.weightSet { flatWeights += row }
            }
        }
        let ids = UnsafeMutablePointer<Int32>.allocate(capacity: max(flatIDs.count, 1))
        ids.initialize(from: flatIDs, count: flatIDs.count)
        let weights = UnsafeMutablePointer<UInt32>.allocate(capacity: max(flatWeights.count, 1))
        weights.initialize(from: flatWeights, count: flatWeights.count)
        tables = Tables(
            bucketCount: map.buckets.count, idsOffset: idsOffset, positions: positions,
            weightsOffset: weightsOffset, size: size, ids: ids, weights: weights)
    }

    deinit {
        tables.idsOffset.deallocate()
        tables.positions.deallocate()
        tables.weightsOffset.deallocate()
        tables.size.deallocate()
        tables.ids.deallocate()
        tables.weights.deallocate()
    }
}
