#if Live
import CCeph

/// The RBD images of one pool (librbd's pool-level calls on an `IOContext`).
public struct RBDPool: Sendable {
    public let io: IOContext

    public init(_ io: IOContext) { self.io = io }

    /// Image names, sorted. The corresponding C functions are `rbd_list2` and
    /// `rbd_image_spec_list_cleanup`.
    public func imageNames() throws(CephError) -> [String] {
        var max = 64
        while true {
            var specs = [rbd_image_spec_t](repeating: rbd_image_spec_t(), count: max)
            let code = rbd_list2(io.handle, &specs, &max)
            if code == -ERANGE { continue }
            try CephError.check(code, "list images in pool", io.pool)
            let names = specs.prefix(max).map { $0.name.map { String(cString: $0) } ?? "" }
            rbd_image_spec_list_cleanup(&specs, max)
            return names.sorted()
        }
    }

    /// Creates an image with the cluster's default features and object size.
    /// The corresponding C function is `rbd_create4`.
    public func create(_ name: String, size: UInt64) throws(CephError) {
        var options: rbd_image_options_t?
        rbd_image_options_create(&options)
        defer { rbd_image_options_destroy(options) }
        try CephError.check(rbd_create4(io.handle, name, size, options), "create image", "\(name) in pool \(io.pool)")
    }

    /// Opens an image.
    public func open(_ name: String) throws(CephError) -> RBDImage {
        try RBDImage(io: io, name: name)
    }

    /// Removes an image; librbd refuses one with snapshots (ENOTEMPTY) or with watchers (EBUSY).
    /// The corresponding C function is `rbd_remove`.
    public func remove(_ name: String) throws(CephError) {
        try CephError.check(rbd_remove(io.handle, name), "remove image", "\(name) in pool \(io.pool)")
    }

    /// Clones `parent@snapshot` of `parentPool` into `name` in this pool.
    /// The corresponding C function is `rbd_clone3`.
    public func clone(_ name: String, from parent: String, snapshot: String, in parentPool: IOContext) throws(CephError) {
        var options: rbd_image_options_t?
        rbd_image_options_create(&options)
        defer { rbd_image_options_destroy(options) }
        try CephError.check(
            rbd_clone3(parentPool.handle, parent, snapshot, io.handle, name, options),
            "clone image", "\(parentPool.pool)/\(parent)@\(snapshot) to \(name) in pool \(io.pool)")
    }

    /// Prepares the pool for RBD (`rbd pool init`). The corresponding C function is `rbd_pool_init`.
    public func initialize() throws(CephError) {
        try CephError.check(rbd_pool_init(io.handle, false), "initialize RBD in pool", io.pool)
    }
}

#if canImport(Glibc)
import Glibc
#endif
#endif
