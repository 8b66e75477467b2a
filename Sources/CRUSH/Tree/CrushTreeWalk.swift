/// One line of a crush tree listing: an item reached from a root, with the weight its parent
/// gives it (`CrushTreeDumper::Item` in Ceph's CrushTreeDumper.h).
public struct CrushTreeItem: Sendable, Equatable {
    /// Device (>= 0) or bucket (< 0) id.
    public var id: Int32
    /// The bucket this line lists the item under; 0 for a root.
    public var parent: Int32
    /// 0 for a root, one more per level below it.
    public var depth: Int
    /// A root's bucket weight, or the item's weight in its parent, as Ceph's `float`
    /// (16.16 fixed point divided by 0x10000).
    public var weight: Float
}

extension CrushMap {
    /// The items in the order Ceph 16.2.15's `CrushTreeDumper::Dumper` visits them with shadow
    /// trees shown (`dump_tree(…, show_shadow = true)`, as `crushtool --tree` asks):
    /// - roots are the buckets that no bucket contains (`find_roots`), ascending by id, so
    ///   shadow roots (with lower ids) usually come first;
    /// - each bucket is followed by its subtree, depth first;
    /// - a bucket's children are sorted by a key: `<class>_osd.<id as %08d>` for a device
    ///   (class empty if it has none), `_<name>` for a bucket, compared bytewise; so buckets
    ///   come before classless devices, which come before classed ones (for lowercase class
    ///   names). An item listed twice in one bucket appears once, with the weight of its first
    ///   position.
    ///
    /// Where crushtool misbehaves this walk stays finite and defined: a bucket child with no
    /// name sorts as an empty name (crushtool crashes building the key), and a bucket met again
    /// below itself is listed but not expanded (crushtool loops for ever). A hierarchy in which
    /// many paths lead to the same bucket is listed once per path, as crushtool lists it.
    public func crushTreeItems() -> [CrushTreeItem] {
        var items: [CrushTreeItem] = []
        var previousRoot: Int32?
        for root in rootBucketIDs() where root != previousRoot {
            previousRoot = root
            // The pending list of Ceph's dumper: the next item to list is the last one.
            var pending = [CrushTreeItem(id: root, parent: 0, depth: 0, weight: bucketWeightF(root))]
            var path: [Int32] = []
            var onPath = Set<Int32>()
            while let item = pending.popLast() {
                items.append(item)
                while path.count > item.depth { onPath.remove(path.removeLast()) }
                guard item.id < 0, let bucket = bucket(id: item.id), !onPath.contains(item.id) else { continue }
                path.append(item.id)
                onPath.insert(item.id)
                for child in sortedChildren(of: bucket).reversed() {
                    pending.append(CrushTreeItem(
                        id: child.id, parent: item.id, depth: item.depth + 1, weight: child.weight))
                }
            }
        }
        return items
    }

    /// A bucket's items in listing order, each once, with its weight in the bucket.
    private func sortedChildren(of bucket: Bucket) -> [(id: Int32, weight: Float)] {
        var byKey: [[UInt8]: (id: Int32, weight: Float)] = [:]
        // Ceph fills its map from the last position down, so the first position wins a key.
        for position in bucket.items.indices.reversed() {
            let id = bucket.items[position]
            byKey[sortKey(id)] = (id, bucketItemWeightF(bucket, position: position))
        }
        return byKey.keys
            .sorted { $0.lexicographicallyPrecedes($1) }
            .map { byKey[$0]! }
    }

    /// `<class>_osd.%08d` for a device, `_<name>` for a bucket.
    private func sortKey(_ id: Int32) -> [UInt8] {
        if id >= 0 {
            let digits = String(id)
            let padded = String(repeating: "0", count: max(0, 8 - digits.utf8.count)) + digits
            return Array((cItemClass(id) ?? "").utf8) + Array("_osd.\(padded)".utf8)
        }
        return Array("_\(cItemName(id) ?? "")".utf8)
    }

    /// `get_bucket_weightf`: the bucket's weight as a `float`, 0 if there is no such bucket.
    func bucketWeightF(_ id: Int32) -> Float {
        guard let bucket = bucket(id: id) else { return 0 }
        return Float(bucket.weight) / 0x10000
    }

    /// `get_bucket_item_weightf`: the weight of the item at `position` as a `float`. It goes
    /// through `crush_get_bucket_item_weight`, which returns an `int`, so a weight of 0x80000000
    /// or more comes out negative. Positions or tree nodes that the bucket lacks weigh 0.
    func bucketItemWeightF(_ bucket: Bucket, position: Int) -> Float {
        guard position >= 0, position < bucket.items.count else { return 0 }
        let raw: UInt32
        switch bucket.algorithm {
        case .uniform:
            raw = bucket.uniformItemWeight
        case .tree:
            let node = TreeBucketLayout.node(ofLeaf: position)
            raw = node < bucket.nodeWeights.count ? bucket.nodeWeights[node] : 0
        case .list, .straw, .straw2:
            raw = position < bucket.itemWeights.count ? bucket.itemWeights[position] : 0
        }
        return Float(Int32(bitPattern: raw)) / 0x10000
    }
}
