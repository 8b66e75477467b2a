/// Low-level edits of a `CrushMap` that follow Ceph's C builder (`crush_add_bucket`,
/// `crush_add_rule`, `crush_finalize` in builder.c) and the name helpers of `CrushWrapper`,
/// so that maps built here have the same array sizes, ids and names as crushtool's.
extension CrushMap {
    /// The most buckets (`max_buckets`) this implementation will allocate.
    static let bucketSlotLimit = 1 << 16
    /// The most rules (`max_rules`) this implementation will allocate.
    static let ruleSlotLimit = 1 << 16

    /// Puts `bucket` at its id's slot as `crush_add_bucket` does: the bucket array (whose length
    /// is `max_buckets`) grows to 8 slots, then doubles, until the slot exists. Returns false,
    /// changing nothing, if the slot is taken (`-EEXIST`) or the id is not a bucket id this
    /// implementation stores (-1 down to -65536). A bucket id of 0 asks for `nextBucketID()`.
    @discardableResult
    public mutating func addBucket(_ bucket: Bucket) -> Bool {
        var bucket = bucket
        if bucket.id == 0 { bucket.id = nextBucketID() }
        let index = Int(-1 - Int64(bucket.id))
        guard index >= 0 && index < Self.bucketSlotLimit else { return false }
        while index >= buckets.count {
            let newCount = buckets.isEmpty ? 8 : buckets.count * 2
            buckets.append(contentsOf: repeatElement(nil, count: newCount - buckets.count))
        }
        if buckets[index] != nil { return false }
        buckets[index] = bucket
        return true
    }

    /// `crush_get_next_bucket_id`: the id of the first empty bucket slot (or of the slot just
    /// past the array).
    public func nextBucketID() -> Int32 {
        Int32(-1 - (buckets.firstIndex { $0 == nil } ?? buckets.count))
    }

    /// `CrushWrapper::is_valid_crush_name`: non-empty, only `[A-Za-z0-9_.-]`.
    static func isValidCrushName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        return name.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
        }
    }

    /// `CrushWrapper::is_shadow_item`: the item has a name and it is not a valid crush name
    /// (shadow buckets are named `parent~class`).
    func isShadowItem(_ id: Int32) -> Bool {
        guard let name = itemNames[id] else { return false }
        return !Self.isValidCrushName(name)
    }

    /// `name_rmap`: name → id, built from `name_map` in id order (a later id wins a shared name).
    func itemIDsByName() -> [String: Int32] {
        var result: [String: Int32] = [:]
        for id in itemNames.keys.sorted() {
            result[itemNames[id]!] = id
        }
        return result
    }

    /// The id of device class `name`, creating it as `get_or_create_class_id` does (the first
    /// class is 0, then one past the largest id).
    public mutating func classID(orCreate name: String) -> Int32 {
        if let id = classNames.first(where: { $0.value == name })?.key { return id }
        let id: Int32 = (classNames.keys.max()).map { $0 &+ 1 } ?? 0
        classNames[id] = name
        return id
    }

    /// `find_roots`: ids of buckets that no bucket contains, ascending.
    func rootBucketIDs() -> [Int32] {
        var contained = Set<Int32>()
        for bucket in buckets {
            guard let bucket else { continue }
            for item in bucket.items { contained.insert(item) }
        }
        return buckets.compactMap { $0?.id }.filter { !contained.contains($0) }.sorted()
    }
}
