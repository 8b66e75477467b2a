import CRUSH

extension CrushMap {
    /// `CrushWrapper::get_item_weight`: the weight (16.16) of `id` in the first bucket, in slot
    /// order, that is `id` or holds it; nil where Ceph returns -ENOENT. Signed as Ceph returns it.
    public func itemWeight(of id: Int32) -> Int32? {
        for bucket in buckets {
            guard let bucket else { continue }
            if bucket.id == id { return Int32(bitPattern: bucket.weight) }
            if let position = bucket.items.firstIndex(of: id) {
                return Int32(bitPattern: bucket.itemWeight(at: position))
            }
        }
        return nil
    }

    /// `CrushWrapper::adjust_item_weight`: sets `id`'s weight in every bucket that holds it
    /// (shadow buckets included) and carries each changed bucket's new total up into the
    /// buckets that hold it. Returns how many buckets held `id` (0 where Ceph says -ENOENT).
    ///
    /// Choose_args weight sets are left as they are (Ceph also rewrites the item's entries in
    /// them); maps with weight sets can therefore differ after this edit.
    @discardableResult
    public mutating func adjustItemWeight(_ id: Int32, to weight: UInt32) -> Int {
        adjustItemWeight(id, to: weight, depth: 0)
    }

    private mutating func adjustItemWeight(_ id: Int32, to weight: UInt32, depth: Int) -> Int {
        // A well-formed hierarchy is acyclic; stop a malformed one instead of recursing forever.
        guard depth <= buckets.count else { return 0 }
        var changed = 0
        for index in buckets.indices {
            guard var bucket = buckets[index], bucket.items.contains(id) else { continue }
            let holds = bucket.items.filter { $0 == id }.count
            for _ in 0..<holds {
                BucketBuilder.adjustItemWeight(
                    id, to: weight, in: &bucket, strawCalcVersion: tunables.strawCalcVersion)
            }
            buckets[index] = bucket
            _ = adjustItemWeight(bucket.id, to: bucket.weight, depth: depth + 1)
            changed += 1
        }
        return changed
    }
}
