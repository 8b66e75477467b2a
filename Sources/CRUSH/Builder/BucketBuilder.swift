/// Builds and edits buckets exactly as Ceph's builder.c does: `crush_make_bucket` and the
/// per-algorithm `crush_make_*_bucket`, `crush_bucket_add_item`, `crush_bucket_remove_item`
/// and `crush_bucket_adjust_item_weight`.
///
/// Weights are 16.16 fixed point and all sums wrap at 32 bits like the C `__u32` fields;
/// callers that must refuse overflow (crushtool does) check with
/// `BucketBuilder.additionOverflows` first.
public enum BucketBuilder {
    /// A bucket holding `items` with `weights` (`crush_make_bucket`).
    ///
    /// - uniform: every item gets `weights[0]` (the C code ignores the other weights);
    /// - list: `sumWeights[i]` is the running total;
    /// - tree: leaves at odd node numbers, each interior node holds its subtree's weight;
    /// - straw: straw lengths from `crush_calc_straw` for `strawCalcVersion`;
    /// - straw2: the weights as given.
    /// `weights` shorter than `items` count as zero for the missing entries.
    public static func make(
        id: Int32, type: UInt16, algorithm: BucketAlgorithm, hash: UInt8 = 0,
        items: [Int32], weights: [UInt32], strawCalcVersion: UInt8
    ) -> Bucket {
        let size = items.count
        let w = (0..<size).map { $0 < weights.count ? weights[$0] : 0 }
        var bucket = Bucket(id: id, type: type, algorithm: algorithm, hash: hash, items: items)
        switch algorithm {
        case .uniform:
            let itemWeight = size > 0 ? w[0] : 0
            bucket.uniformItemWeight = itemWeight
            bucket.itemWeights = Array(repeating: itemWeight, count: size)
            bucket.weight = UInt32(truncatingIfNeeded: size) &* itemWeight
        case .list:
            var sum: UInt32 = 0
            bucket.itemWeights = w
            bucket.sumWeights = w.map { sum &+= $0; return sum }
            bucket.weight = sum
        case .tree:
            bucket.nodeWeights = treeNodeWeights(w)
            bucket.weight = w.reduce(0, &+)
        case .straw:
            bucket.itemWeights = w
            bucket.weight = w.reduce(0, &+)
            bucket.straws = StrawLengths.compute(weights: w, strawCalcVersion: strawCalcVersion)
        case .straw2:
            bucket.itemWeights = w
            bucket.weight = w.reduce(0, &+)
        }
        return bucket
    }

    /// The straw lengths `crush_calc_straw` gives these item weights.
    public static func straws(itemWeights: [UInt32], strawCalcVersion: UInt8) -> [UInt32] {
        StrawLengths.compute(weights: itemWeights, strawCalcVersion: strawCalcVersion)
    }

    /// `crush_addition_is_unsafe`: would `a + b` overflow a `__u32`?
    public static func additionOverflows(_ a: UInt32, _ b: UInt32) -> Bool {
        UInt32.max - b < a
    }

    /// `crush_multiplication_is_unsafe`: would `a * b` overflow a `__u32`? (Ceph counts a zero
    /// `b` as unsafe unless `a` is zero too, which is why an empty uniform bucket can be made.)
    public static func multiplicationOverflows(_ a: UInt32, _ b: UInt32) -> Bool {
        if a == 0 { return false }
        if b == 0 { return true }
        return UInt32.max / b < a
    }

    // MARK: - Editing

    /// Appends `item` with `weight` (`crush_bucket_add_item`). A uniform bucket only takes an
    /// item whose weight is its `item_weight` (so an empty one, made with item weight 0, takes
    /// only weightless items); a straw bucket gets its straws recomputed; a tree bucket grows
    /// its implicit tree.
    public static func addItem(
        _ item: Int32, weight: UInt32, to bucket: inout Bucket, strawCalcVersion: UInt8
    ) throws(BucketEditError) {
        if bucket.algorithm == .uniform && weight != bucket.uniformItemWeight {
            throw .uniformWeightMismatch(bucket: bucket.id, item: item, weight: weight, itemWeight: bucket.uniformItemWeight)
        }
        guard !additionOverflows(bucket.weight, weight) else {
            throw .weightOverflow(bucket: bucket.id, item: item)
        }
        switch bucket.algorithm {
        case .uniform:
            bucket.items.append(item)
            bucket.itemWeights.append(bucket.uniformItemWeight)
        case .list:
            let previous = bucket.sumWeights.last ?? 0
            bucket.items.append(item)
            bucket.itemWeights.append(weight)
            bucket.sumWeights.append(previous &+ weight)
        case .tree:
            let newSize = bucket.items.count + 1
            let depth = TreeBucketLayout.depth(forSize: newSize)
            let numNodes = 1 << depth
            if bucket.nodeWeights.count < numNodes {
                bucket.nodeWeights.append(contentsOf: repeatElement(0, count: numNodes - bucket.nodeWeights.count))
            } else if bucket.nodeWeights.count > numNodes {
                bucket.nodeWeights.removeLast(bucket.nodeWeights.count - numNodes)
            }
            var node = TreeBucketLayout.node(ofLeaf: newSize - 1)
            bucket.nodeWeights[node] = weight
            // When the tree just got deeper, the new root starts with the old tree's weight.
            let root = numNodes / 2
            if depth >= 2 && node - 1 == root {
                bucket.nodeWeights[root] = bucket.nodeWeights[root / 2]
            }
            for _ in 1..<max(depth, 1) {
                node = treeParent(node)
                bucket.nodeWeights[node] &+= weight
            }
            bucket.items.append(item)
        case .straw:
            bucket.items.append(item)
            bucket.itemWeights.append(weight)
            bucket.straws = StrawLengths.compute(weights: bucket.itemWeights, strawCalcVersion: strawCalcVersion)
        case .straw2:
            bucket.items.append(item)
            bucket.itemWeights.append(weight)
        }
        bucket.weight &+= weight
    }

    /// Removes `item` (`crush_bucket_remove_item`). A tree bucket keeps the slot (item id 0,
    /// leaf weight 0) and only drops trailing empty leaves, as Ceph does; the other algorithms
    /// close the gap.
    public static func removeItem(
        _ item: Int32, from bucket: inout Bucket, strawCalcVersion: UInt8
    ) throws(BucketEditError) {
        guard let i = bucket.items.firstIndex(of: item) else {
            throw .itemNotFound(bucket: bucket.id, item: item)
        }
        func subtractFromTotal(_ w: UInt32) {
            bucket.weight = w < bucket.weight ? bucket.weight - w : 0
        }
        switch bucket.algorithm {
        case .uniform:
            bucket.items.remove(at: i)
            bucket.itemWeights.removeLast()
            subtractFromTotal(bucket.uniformItemWeight)
        case .list:
            let w = bucket.itemWeights[i]
            for j in (i + 1)..<bucket.items.count {
                bucket.sumWeights[j] &-= w
            }
            bucket.items.remove(at: i)
            bucket.itemWeights.remove(at: i)
            bucket.sumWeights.remove(at: i)
            subtractFromTotal(w)
        case .tree:
            let oldSize = bucket.items.count
            let depth = TreeBucketLayout.depth(forSize: oldSize)
            var node = TreeBucketLayout.node(ofLeaf: i)
            let w = bucket.nodeWeights[node]
            bucket.items[i] = 0
            bucket.nodeWeights[node] = 0
            for _ in 1..<max(depth, 1) {
                node = treeParent(node)
                bucket.nodeWeights[node] &-= w
            }
            subtractFromTotal(w)
            var newSize = oldSize
            while newSize > 0 && bucket.nodeWeights[TreeBucketLayout.node(ofLeaf: newSize - 1)] == 0 {
                newSize -= 1
            }
            if newSize != oldSize {
                bucket.items.removeLast(oldSize - newSize)
                let newDepth = TreeBucketLayout.depth(forSize: newSize)
                if newDepth != depth {
                    let numNodes = 1 << newDepth
                    if bucket.nodeWeights.count > numNodes {
                        bucket.nodeWeights.removeLast(bucket.nodeWeights.count - numNodes)
                    }
                }
            }
        case .straw:
            let w = bucket.itemWeights[i]
            bucket.items.remove(at: i)
            bucket.itemWeights.remove(at: i)
            subtractFromTotal(w)
            bucket.straws = StrawLengths.compute(weights: bucket.itemWeights, strawCalcVersion: strawCalcVersion)
        case .straw2:
            let w = bucket.itemWeights[i]
            bucket.items.remove(at: i)
            bucket.itemWeights.remove(at: i)
            subtractFromTotal(w)
        }
    }

    /// Sets `item`'s weight (`crush_bucket_adjust_item_weight`) and returns the change in the
    /// bucket's weight (0 if the item is absent). In a uniform bucket every item changes.
    @discardableResult
    public static func adjustItemWeight(
        _ item: Int32, to weight: UInt32, in bucket: inout Bucket, strawCalcVersion: UInt8
    ) -> Int32 {
        if bucket.algorithm == .uniform {
            let size = UInt32(truncatingIfNeeded: bucket.items.count)
            let diff = (weight &- bucket.uniformItemWeight) &* size
            bucket.uniformItemWeight = weight
            bucket.itemWeights = Array(repeating: weight, count: bucket.items.count)
            bucket.weight = weight &* size
            return Int32(bitPattern: diff)
        }
        guard let i = bucket.items.firstIndex(of: item) else { return 0 }
        let diff: UInt32
        switch bucket.algorithm {
        case .uniform:
            return 0
        case .list:
            diff = weight &- bucket.itemWeights[i]
            bucket.itemWeights[i] = weight
            for j in i..<bucket.items.count {
                bucket.sumWeights[j] &+= diff
            }
        case .tree:
            let depth = TreeBucketLayout.depth(forSize: bucket.items.count)
            var node = TreeBucketLayout.node(ofLeaf: i)
            diff = weight &- bucket.nodeWeights[node]
            bucket.nodeWeights[node] = weight
            for _ in 1..<max(depth, 1) {
                node = treeParent(node)
                bucket.nodeWeights[node] &+= diff
            }
        case .straw:
            diff = weight &- bucket.itemWeights[i]
            bucket.itemWeights[i] = weight
            bucket.straws = StrawLengths.compute(weights: bucket.itemWeights, strawCalcVersion: strawCalcVersion)
        case .straw2:
            diff = weight &- bucket.itemWeights[i]
            bucket.itemWeights[i] = weight
        }
        bucket.weight &+= diff
        return Int32(bitPattern: diff)
    }

    // MARK: - Tree layout

    /// Node weights of a tree bucket built in one go (`crush_make_tree_bucket`).
    static func treeNodeWeights(_ weights: [UInt32]) -> [UInt32] {
        let size = weights.count
        guard size > 0 else { return [] }
        let depth = TreeBucketLayout.depth(forSize: size)
        var nodes = [UInt32](repeating: 0, count: 1 << depth)
        for (i, w) in weights.enumerated() {
            var node = TreeBucketLayout.node(ofLeaf: i)
            nodes[node] = w
            for _ in 1..<depth {
                node = treeParent(node)
                nodes[node] &+= w
            }
        }
        return nodes
    }

    /// The parent of `node` in the implicit tree (`parent` in builder.c).
    static func treeParent(_ node: Int) -> Int {
        var h = 0
        var n = node
        while n & 1 == 0 && n != 0 {
            h += 1
            n >>= 1
        }
        if node & (1 << (h + 1)) != 0 {
            return node - (1 << h)
        } else {
            return node + (1 << h)
        }
    }
}
