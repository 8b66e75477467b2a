/// Why a capacity figure could not be computed from the crush map it was given.
public enum CapacityError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule id names no rule in the crush map (`get_rule_weight_osd_map` returns -ENOENT).
    case noSuchRule(Int32)
    /// A `take` step (or a bucket below it) names a bucket the crush map does not have; Ceph
    /// asserts here, so a map that reaches this is broken.
    case missingBucket(rule: Int32, bucket: Int32)
    /// Walking the hierarchy under a `take` did not end: a bucket contains itself, directly or
    /// further down (Ceph would loop for ever).
    case cyclicHierarchy(rule: Int32, root: Int32)

    public var description: String {
        switch self {
        case .noSuchRule(let rule):
            "crush rule \(rule) does not exist in the crush map"
        case .missingBucket(let rule, let bucket):
            "crush rule \(rule) reaches bucket \(bucket), which the crush map does not define"
        case .cyclicHierarchy(let rule, let root):
            "the hierarchy under bucket \(root) (taken by crush rule \(rule)) contains a cycle"
        }
    }
}
