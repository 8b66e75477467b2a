/// Device classes: the per-class "shadow" copies of the hierarchy that `step take X class C`
/// uses, built as Ceph's `CrushWrapper` builds them (`populate_classes`, `device_class_clone`,
/// `trim_roots_with_class`, `cleanup_dead_classes`, `rebuild_roots_with_classes` in
/// src/crush/CrushWrapper.cc).
///
/// For every root that is not itself a shadow, and every class (in class id order), the root is
/// cloned depth first: a clone keeps only the devices of that class (with their weights in the
/// original) and the clones of its child buckets (with the clone's total weight). Clones are
/// named `name~class`, listed in `classBuckets[original][class]`, and put in `deviceClasses`
/// with their class. A clone reuses the id the map had before for that (bucket, class) pair;
/// otherwise it takes the lowest free id that no earlier shadow bucket used.
///
/// To build a map with classes: add the buckets (`BucketBuilder.make`, `addBucket`), name them,
/// give devices their classes (`classID(orCreate:)`, `deviceClasses`), call
/// `rebuildShadowTrees()`, then write rules that take `classBuckets[root][class]`, and
/// `finalize()`.
extension CrushMap {
    /// `rebuild_roots_with_classes`: forget classes no device or rule uses, drop the shadow
    /// trees and build them again, keeping the shadow ids the map had.
    public mutating func rebuildShadowTrees() throws(DeviceClassError) {
        let old = classBuckets
        removeDeadClasses()
        removeShadowTrees()
        classBuckets = [:]
        try populateShadowTrees(reusing: old)
    }

    /// `populate_classes`: clone every non-shadow root for every class. Ids in `old`
    /// (bucket → class → shadow id) are reused; no new shadow takes any of them.
    /// Stops at the first failure, leaving the clones made so far, as Ceph does.
    mutating func populateShadowTrees(reusing old: [Int32: [Int32: Int32]]) throws(DeviceClassError) {
        var usedIDs = Set<Int32>()
        for (_, byClass) in old {
            for (_, id) in byClass { usedIDs.insert(id) }
        }
        var state = CloneState(old: old, usedIDs: usedIDs, idsByName: itemIDsByName())
        let roots = rootBucketIDs().filter { !isShadowItem($0) }
        for root in roots {
            for classID in classNames.keys.sorted() {
                _ = try cloneForClass(root, classID: classID, depth: 0, state: &state)
            }
        }
    }

    /// What one `populate_classes` pass carries from clone to clone.
    private struct CloneState {
        let old: [Int32: [Int32: Int32]]
        let usedIDs: Set<Int32>
        /// `name_rmap`, kept up to date as clones are named.
        var idsByName: [String: Int32]
        /// choose_args index → clone id → the weight sums Ceph carries up to the parent clone.
        var carriedWeights: [Int64: [Int32: [UInt32]]] = [:]
        /// Where the search for a free shadow id resumes. Ceph searches from -1 every time, but
        /// slots only fill up during a pass, so the answer never moves back.
        var freeSearchStart: Int32 = -1
    }

    /// Hierarchies deeper than this are refused rather than cloned recursively.
    static let cloneDepthLimit = 1000

    /// `device_class_clone`: the id of the `classID` copy of bucket `original`, making it
    /// (and its children's copies) if needed.
    private mutating func cloneForClass(
        _ original: Int32, classID: Int32, depth: Int, state: inout CloneState
    ) throws(DeviceClassError) -> Int32 {
        guard depth < Self.cloneDepthLimit else { throw .tooDeep(original) }
        guard let itemName = itemNames[original] else { throw .unnamedBucket(original) }
        guard let className = classNames[classID] else { throw .unknownClass(classID) }
        let copyName = itemName + "~" + className
        if let existing = state.idsByName[copyName] { return existing }
        guard let source = bucket(id: original) else { throw .missingBucket(original) }

        var copy = BucketBuilder.make(
            id: 0, type: source.type, algorithm: source.algorithm, hash: source.hash,
            items: [], weights: [], strawCalcVersion: tunables.strawCalcVersion)
        var originalPositions: [Int] = []
        for position in 0..<source.items.count {
            let item = source.items[position]
            if item >= 0 {
                guard deviceClasses[item] == classID else { continue }
                let weight = source.itemWeight(at: position)
                do {
                    try BucketBuilder.addItem(item, weight: weight, to: &copy, strawCalcVersion: tunables.strawCalcVersion)
                } catch {
                    throw .cannotAddItem(bucket: copyName, item: item, error)
                }
            } else {
                let childCopy = try cloneForClass(item, classID: classID, depth: depth + 1, state: &state)
                guard let child = bucket(id: childCopy) else { throw .missingBucket(childCopy) }
                do {
                    try BucketBuilder.addItem(childCopy, weight: child.weight, to: &copy, strawCalcVersion: tunables.strawCalcVersion)
                } catch {
                    throw .cannotAddItem(bucket: copyName, item: childCopy, error)
                }
            }
            originalPositions.append(position)
        }

        var id: Int32
        if let reused = state.old[original]?[classID] {
            id = reused
            if id == 0 {
                // crush_add_bucket takes id 0 as "the first free slot".
                id = nextBucketID()
            }
        } else {
            id = state.freeSearchStart
            while true {
                let index = Int(-1 - Int64(id))
                let taken = index < buckets.count && buckets[index].map { _ in true } == true
                if !taken && !state.usedIDs.contains(id) { break }
                id -= 1
            }
            state.freeSearchStart = id
        }
        guard id < 0, Int(-1 - Int64(id)) < Self.bucketSlotLimit else { throw .idOutOfRange(id) }
        copy.id = id
        guard addBucket(copy) else { throw .idTaken(id) }
        deviceClasses[id] = classID
        itemNames[id] = copyName
        state.idsByName[copyName] = id
        classBuckets[original, default: [:]][classID] = id

        // choose_args: the clone gets the original's weight-set positions, device weights
        // copied, child clones' weights carried up (Ceph keeps only the last position's sum).
        for index in chooseArgs.keys.sorted() {
            let source = chooseArgs[index]?[original]
            let positions = source?.weightSet.count ?? 0
            guard positions > 0, let source else { continue }
            var weightSet: [[UInt32]] = []
            var sums = [UInt32](repeating: 0, count: positions)
            for s in 0..<positions {
                sums = [UInt32](repeating: 0, count: positions)
                var weights: [UInt32] = []
                for i in 0..<copy.items.count {
                    let item = copy.items[i]
                    let w: UInt32
                    if item >= 0 {
                        let originalPosition = originalPositions[i]
                        w = originalPosition < source.weightSet[s].count ? source.weightSet[s][originalPosition] : 0
                    } else if let carried = state.carriedWeights[index]?[item] {
                        w = s < carried.count ? carried[s] : 0
                    } else {
                        w = 0
                    }
                    weights.append(w)
                    sums[s] &+= w
                }
                weightSet.append(weights)
                state.carriedWeights[index, default: [:]][id] = sums
            }
            chooseArgs[index]?[id] = ChooseArg(ids: [], weightSet: weightSet)
        }
        return id
    }

    /// `trim_roots_with_class`: remove every shadow root and the shadow buckets below it.
    mutating func removeShadowTrees() {
        for root in rootBucketIDs() where isShadowItem(root) {
            removeSubtree(root)
        }
    }

    /// `remove_root`: remove a bucket and, first, every bucket below it (children before
    /// parents, depth first; a bucket reached twice is removed once).
    private mutating func removeSubtree(_ root: Int32) {
        var stack: [(id: Int32, expanded: Bool)] = [(root, false)]
        while let (id, expanded) = stack.popLast() {
            guard let bucket = bucket(id: id) else { continue }
            if !expanded {
                stack.append((id, true))
                for item in bucket.items.reversed() where item < 0 {
                    stack.append((item, false))
                }
                continue
            }
            buckets[Int(-1 - Int64(id))] = nil
            itemNames[id] = nil
            classBuckets[id] = nil
            deviceClasses[id] = nil
        }
        pruneChooseArgs()
    }

    /// `cleanup_dead_classes`: forget classes that no device has and no rule takes.
    mutating func removeDeadClasses() {
        for classID in classNames.keys.sorted() {
            let hasDevice = deviceClasses.contains { $0.key >= 0 && $0.value == classID }
            if hasDevice { continue }
            var taken = false
            for rule in rules {
                guard let rule else { continue }
                for step in rule.steps where step.op == .take {
                    for (_, byClass) in classBuckets where byClass[classID] == step.arg1 {
                        taken = true
                    }
                }
            }
            if !taken { classNames[classID] = nil }
        }
    }

    /// `update_choose_args`: drop choose_args of buckets that are gone or not straw2, and
    /// resize weight sets to their bucket's size.
    mutating func pruneChooseArgs() {
        for index in chooseArgs.keys.sorted() {
            guard var args = chooseArgs[index] else { continue }
            for bucketID in args.keys.sorted() {
                guard let bucket = bucket(id: bucketID), bucket.algorithm == .straw2 else {
                    args[bucketID] = nil
                    continue
                }
                guard var arg = args[bucketID] else { continue }
                for p in 0..<arg.weightSet.count where arg.weightSet[p].count != bucket.items.count {
                    var w = Array(arg.weightSet[p].prefix(bucket.items.count))
                    w.append(contentsOf: repeatElement(0, count: bucket.items.count - w.count))
                    arg.weightSet[p] = w
                }
                args[bucketID] = arg
            }
            chooseArgs[index] = args
        }
    }
}
