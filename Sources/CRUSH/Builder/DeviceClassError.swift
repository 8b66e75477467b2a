/// Why building shadow trees failed (Ceph's `device_class_clone` error codes).
public enum DeviceClassError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A bucket to clone has no name (`-ECHILD`).
    case unnamedBucket(Int32)
    /// A class id with no name (`-EBADF`).
    case unknownClass(Int32)
    /// A bucket id that is listed but does not exist.
    case missingBucket(Int32)
    /// The builder refused an item; a uniform bucket only takes items of its item weight,
    /// and a fresh clone's item weight is 0 (`-EINVAL` from `crush_add_uniform_bucket_item`).
    case cannotAddItem(bucket: String, item: Int32, BucketEditError)
    /// The id chosen for a shadow bucket already holds a bucket (`-EEXIST`).
    case idTaken(Int32)
    /// The id chosen for a shadow bucket is beyond what this implementation stores.
    case idOutOfRange(Int32)
    /// The hierarchy under this bucket is deeper than `cloneDepthLimit` levels.
    case tooDeep(Int32)

    public var description: String {
        switch self {
        case .unnamedBucket(let id): "bucket \(id) has no name, so it cannot be cloned for a device class"
        case .unknownClass(let id): "device class \(id) has no name"
        case .missingBucket(let id): "bucket \(id) does not exist"
        case let .cannotAddItem(bucket, item, error): "cannot add item \(item) to shadow bucket \(bucket): \(error)"
        case .idTaken(let id): "shadow bucket id \(id) is already used by another bucket"
        case .idOutOfRange(let id): "shadow bucket id \(id) is out of range"
        case .tooDeep(let id): "the hierarchy under bucket \(id) is too deep to clone for device classes"
        }
    }
}
