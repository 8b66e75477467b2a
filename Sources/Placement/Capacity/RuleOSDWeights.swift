public import CRUSH

/// The share of a crush rule's data each OSD is expected to receive, as Ceph 16.2.15's
/// `CrushWrapper::get_rule_weight_osd_map` (src/crush/CrushWrapper.cc) computes it:
///
/// - each `take` step contributes a map that sums to 1: a device taken directly gets 1.0, a
///   bucket is walked breadth first (`_get_take_weight_osd_map`) and every device met gets its
///   crush weight in the bucket that lists it (`crush_get_bucket_item_weight`, the 16.16 value
///   as a `float`, not divided by 0x10000), divided by the sum of the weights met;
/// - the maps of several `take` steps are added, so a rule with two takes sums to 2;
/// - a class take (`take default class hdd`) names the shadow bucket (`default~hdd`), so only
///   devices of that class are met.
///
/// Arithmetic is `float`, summed in Ceph's order, so the fractions are bit-identical. A device
/// listed twice under one take keeps the weight of its last listing but both count in the sum,
/// as in Ceph. Reweights and choose_args weight sets play no part.
public struct RuleOSDWeights: Sendable, Equatable {
    /// One OSD and its fraction of the rule's weight.
    public struct Entry: Sendable, Equatable {
        public var osd: Int32
        public var fraction: Float
        /// The OSD's crush weight (1.0 = 0x10000) in the bucket the rule's take met it in
        /// (the last take that met it); 1.0 for a device a take names directly.
        public var crushWeight: Float
    }

    public let rule: Int32
    /// Ascending by OSD id (the order of Ceph's `std::map<int,float>`).
    public let entries: [Entry]

    /// The weight map of rule `rule` (a rule id, i.e. an index into the crush map's rules).
    public init(rule: Int32, in crush: CrushMap) throws(CapacityError) {
        guard rule >= 0, Int(rule) < crush.rules.count, let crushRule = crush.rules[Int(rule)] else {
            throw .noSuchRule(rule)
        }
        var merged: [Int32: Float] = [:]
        var absolute: [Int32: Float] = [:]
        for step in crushRule.steps where step.op == .take {
            var taken: [Int32: Float] = [:]
            var sum: Float = 0
            let item = step.arg1
            if item >= 0 {
                taken[item] = 1.0
                sum = 1.0
            } else {
                sum += try Self.takeWeights(root: item, rule: rule, crush: crush, into: &taken)
            }
            // `_normalize_weight_map`: iterate in key order, add each weight over the sum.
            for osd in taken.keys.sorted() {
                absolute[osd] = item >= 0 ? 1.0 : taken[osd]! / Float(0x10000)
                let share = taken[osd]! / sum
                if let existing = merged[osd] {
                    merged[osd] = existing + share
                } else {
                    merged[osd] = share
                }
            }
        }
        self.rule = rule
        self.entries = merged.keys.sorted().map { Entry(osd: $0, fraction: merged[$0]!, crushWeight: absolute[$0]!) }
    }

    /// The fraction of `osd`, or nil if the rule never reaches it.
    public func fraction(of osd: Int32) -> Float? {
        entries.first(where: { $0.osd == osd })?.fraction
    }

    /// `_get_take_weight_osd_map`: breadth first from `root`, every device's weight in the
    /// bucket that lists it; returns the `float` sum of the weights met, in visiting order.
    private static func takeWeights(
        root: Int32, rule: Int32, crush: CrushMap, into map: inout [Int32: Float]
    ) throws(CapacityError) -> Float {
        var sum: Float = 0
        var queue: [Int32] = [root]
        var head = 0
        // A bucket may be reached by several paths (each is walked, as in Ceph); a walk longer
        // than this can only come from a cycle.
        let limit = max(1 << 20, crush.buckets.count * 64)
        while head < queue.count {
            if head > limit { throw .cyclicHierarchy(rule: rule, root: root) }
            let id = queue[head]
            head += 1
            guard let bucket = crush.bucket(id: id) else { throw .missingBucket(rule: rule, bucket: id) }
            for position in bucket.items.indices {
                let item = bucket.items[position]
                if item >= 0 {
                    let weight = Float(Int32(bitPattern: bucketItemWeight(bucket, position)))
                    map[item] = weight
                    sum += weight
                } else {
                    queue.append(item)
                }
            }
        }
        return sum
    }

    /// `crush_get_bucket_item_weight` (builder.c), 0 where the bucket's arrays are short.
    static func bucketItemWeight(_ bucket: Bucket, _ position: Int) -> UInt32 {
        switch bucket.algorithm {
        case .uniform:
            return bucket.uniformItemWeight
        case .tree:
            let node = TreeBucketLayout.node(ofLeaf: position)
            return node < bucket.nodeWeights.count ? bucket.nodeWeights[node] : 0
        case .list, .straw, .straw2:
            return position < bucket.itemWeights.count ? bucket.itemWeights[position] : 0
        }
    }
}
