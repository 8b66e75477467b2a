import CRUSH

/// Where each item of a CRUSH map sits in its (non-shadow) hierarchy: the bucket that lists
/// it, and so its ancestor of any type (the host of an OSD, its rack, …). Shadow buckets
/// (`host~ssd`) are left out, so an OSD's host is the bucket operators know by name. An item
/// listed by several buckets keeps the first one in bucket-slot order, as `get_immediate_parent`
/// finds it in Ceph's CrushWrapper.
struct CrushAncestry: Sendable {
    let crush: CrushMap
    private let parent: [Int32: Int32]

    init(_ crush: CrushMap) {
        self.crush = crush
        var parent: [Int32: Int32] = [:]
        for bucket in crush.buckets {
            guard let bucket, !crush.isShadow(bucket.id) else { continue }
            for item in bucket.items where parent[item] == nil {
                parent[item] = bucket.id
            }
        }
        self.parent = parent
    }

    /// The CRUSH type of `item` (0 for devices).
    func type(of item: Int32) -> Int32 {
        item >= 0 ? 0 : Int32(crush.bucket(id: item)?.type ?? 0)
    }

    /// `item` itself if it has type `type`, else its nearest ancestor of that type, or nil.
    func ancestor(of item: Int32, type: Int32) -> Int32? {
        var current: Int32? = item
        var steps = 0
        while let id = current, steps < 1024 {
            if self.type(of: id) == type { return id }
            current = parent[id]
            steps += 1
        }
        return nil
    }

    /// The item's name, or `osd.N` / `bucket-N` when the map has none.
    func name(of item: Int32) -> String {
        if let name = crush.itemNames[item] { return name }
        return item >= 0 ? "osd.\(item)" : "bucket\(item)"
    }

    /// The type's name, or `type N`.
    func typeName(_ type: Int32) -> String {
        crush.typeNames[type] ?? "type \(type)"
    }
}
