#if Live
import CCeph

/// An open RBD image (`rbd_image_t`): size, snapshots, usage. Closed (`rbd_close`) when the
/// object goes; it keeps its pool's `IOContext` alive.
public final class RBDImage: @unchecked Sendable {
    let handle: rbd_image_t
    public let io: IOContext
    public let name: String

    /// Opens `name` in `io`'s pool. The corresponding C function is `rbd_open`.
    init(io: IOContext, name: String) throws(CephError) {
        var h: rbd_image_t?
        try CephError.check(rbd_open(io.handle, name, &h, nil), "open image", "\(name) in pool \(io.pool)")
        guard let h else { throw CephError("open image", "\(name) in pool \(io.pool)", errno: .invalidArgument) }
        self.handle = h
        self.io = io
        self.name = name
    }

    deinit { rbd_close(handle) }

    var target: String { "\(name) in pool \(io.pool)" }

    /// What `rbd info` shows of an image.
    public struct Info: Sendable, Equatable {
        public var size: UInt64
        public var objectSize: UInt64
        public var objectCount: UInt64
        public var order: Int
        public var features: UInt64
    }

    /// The corresponding C functions are `rbd_stat` and `rbd_get_features`.
    public func info() throws(CephError) -> Info {
        var raw = rbd_image_info_t()
        try CephError.check(rbd_stat(handle, &raw, MemoryLayout<rbd_image_info_t>.size), "stat image", target)
        var features: UInt64 = 0
        try CephError.check(rbd_get_features(handle, &features), "read the features of image", target)
        return Info(size: raw.size, objectSize: raw.obj_size, objectCount: raw.num_objs, order: Int(raw.order), features: features)
    }

    /// The corresponding C function is `rbd_resize`. Shrinking discards data past the new end.
    public func resize(to bytes: UInt64) throws(CephError) {
        try CephError.check(rbd_resize(handle, bytes), "resize image", target)
    }

    /// One snapshot as `rbd snap ls` lists it.
    public struct Snapshot: Sendable, Equatable {
        public var id: UInt64
        public var name: String
        public var size: UInt64
        public var isProtected: Bool
    }

    /// The image's snapshots in id order. The corresponding C functions are `rbd_snap_list`,
    /// `rbd_snap_list_end` and `rbd_snap_is_protected`.
    public func snapshots() throws(CephError) -> [Snapshot] {
        var max: Int32 = 16
        while true {
            var infos = [rbd_snap_info_t](repeating: rbd_snap_info_t(), count: Int(max) + 1)
            let code = rbd_snap_list(handle, &infos, &max)
            if code == -ERANGE { continue }
            try CephError.check(code, "list the snapshots of image", target)
            var list: [Snapshot] = []
            for info in infos.prefix(Int(code)) {
                list.append(Snapshot(id: info.id, name: info.name.map { String(cString: $0) } ?? "", size: info.size, isProtected: false))
            }
            rbd_snap_list_end(&infos)
            for i in list.indices {
                var flag: Int32 = 0
                try CephError.check(rbd_snap_is_protected(handle, list[i].name, &flag), "read the protection of snapshot", "\(name)@\(list[i].name) in pool \(io.pool)")
                list[i].isProtected = flag != 0
            }
            return list.sorted { $0.id < $1.id }
        }
    }

    /// The corresponding C function is `rbd_snap_create`.
    public func createSnapshot(_ snap: String) throws(CephError) {
        try CephError.check(rbd_snap_create(handle, snap), "create snapshot", "\(name)@\(snap) in pool \(io.pool)")
    }

    /// The corresponding C function is `rbd_snap_remove`; a protected snapshot is refused (EBUSY).
    public func removeSnapshot(_ snap: String) throws(CephError) {
        try CephError.check(rbd_snap_remove(handle, snap), "remove snapshot", "\(name)@\(snap) in pool \(io.pool)")
    }

    /// The corresponding C function is `rbd_snap_protect`.
    public func protectSnapshot(_ snap: String) throws(CephError) {
        try CephError.check(rbd_snap_protect(handle, snap), "protect snapshot", "\(name)@\(snap) in pool \(io.pool)")
    }

    /// The corresponding C function is `rbd_snap_unprotect`.
    public func unprotectSnapshot(_ snap: String) throws(CephError) {
        try CephError.check(rbd_snap_unprotect(handle, snap), "unprotect snapshot", "\(name)@\(snap) in pool \(io.pool)")
    }

    /// Bytes of the image that hold data (`rbd du`'s USED without fast-diff: whole objects that
    /// exist). The corresponding C function is `rbd_diff_iterate2` (whole-object mode).
    public func usedBytes() throws(CephError) -> UInt64 {
        let size = try info().size
        final class Sum { var bytes: UInt64 = 0 }
        let sum = Sum()
        let context = Unmanaged.passUnretained(sum).toOpaque()
        let code = rbd_diff_iterate2(handle, nil, 0, size, 0, 1, { _, length, exists, arg in
            guard let arg else { return 0 }
            if exists != 0 { Unmanaged<Sum>.fromOpaque(arg).takeUnretainedValue().bytes += UInt64(length) }
            return 0
        }, context)
        try CephError.check(code, "measure the usage of image", target)
        return withExtendedLifetime(sum) { sum.bytes }
    }

    /// Writes bytes at an offset. The corresponding C function is `rbd_write`.
    public func write(_ data: [UInt8], at offset: UInt64) throws(CephError) {
        let code = data.withUnsafeBytes { raw in
            rbd_write(handle, offset, raw.count, raw.baseAddress?.assumingMemoryBound(to: CChar.self))
        }
        try CephError.check(code, "write to image", target)
    }
}

#if canImport(Glibc)
import Glibc
#endif
#endif
