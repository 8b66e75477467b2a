/// Why `BucketBuilder` refused an edit (the C functions' `-ERANGE` and `-ENOENT`).
public enum BucketEditError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Adding the item would push the bucket's weight past 0xffffffff.
    case weightOverflow(bucket: Int32, item: Int32)
    /// The item is not in the bucket.
    case itemNotFound(bucket: Int32, item: Int32)
    /// A uniform bucket takes only items of its item weight (`-EINVAL`).
    case uniformWeightMismatch(bucket: Int32, item: Int32, weight: UInt32, itemWeight: UInt32)

    public var description: String {
        switch self {
        case let .weightOverflow(bucket, item):
            "adding item \(item) to bucket \(bucket) would overflow the bucket weight"
        case let .itemNotFound(bucket, item):
            "item \(item) is not in bucket \(bucket)"
        case let .uniformWeightMismatch(bucket, item, weight, itemWeight):
            "uniform bucket \(bucket) holds items of weight \(itemWeight), not \(weight) (item \(item))"
        }
    }
}
