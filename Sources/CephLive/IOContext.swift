#if Live
import CCeph
#if canImport(Glibc)
import Glibc
#endif

/// An I/O context on one pool (`rados_ioctx_t`): objects, and the pool that librbd works in.
/// It keeps its `Rados` alive and is destroyed (`rados_ioctx_destroy`) when the object goes.
public final class IOContext: @unchecked Sendable {
    let handle: rados_ioctx_t
    public let rados: Rados
    public let pool: String

    /// The corresponding C function is `rados_ioctx_create`.
    init(rados: Rados, pool: String) throws(CephError) {
        var h: rados_ioctx_t?
        var code = rados_ioctx_create(rados.handle, pool, &h)
        if code == -ENOENT {
            // A pool made since this client last saw the OSD map: fetch the latest and look again.
            try CephError.check(rados_wait_for_latest_osdmap(rados.handle), "fetch the latest OSD map")
            code = rados_ioctx_create(rados.handle, pool, &h)
        }
        try CephError.check(code, "open pool", pool)
        guard let h else { throw CephError("open pool", pool, errno: .invalidArgument) }
        self.handle = h
        self.rados = rados
        self.pool = pool
    }

    deinit { rados_ioctx_destroy(handle) }

    /// Size and modification time of an object.
    public struct ObjectStat: Sendable, Equatable {
        public var size: UInt64
        public var modified: Int
    }

    /// Replaces an object's data. The corresponding C function is `rados_write_full`.
    public func write(object: String, _ data: [UInt8]) throws(CephError) {
        let code = data.withUnsafeBytes { raw in
            rados_write_full(handle, object, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
        }
        try CephError.check(code, "write object", "\(object) in pool \(pool)")
    }

    /// An object's size and mtime. The corresponding C function is `rados_stat`.
    public func stat(object: String) throws(CephError) -> ObjectStat {
        var size: UInt64 = 0
        var mtime = time_t(0)
        try CephError.check(rados_stat(handle, object, &size, &mtime), "stat object", "\(object) in pool \(pool)")
        return ObjectStat(size: size, modified: Int(mtime))
    }

    /// An object's whole data. The corresponding C functions are `rados_stat` and `rados_read`.
    public func read(object: String) throws(CephError) -> [UInt8] {
        let size = Int(try stat(object: object).size)
        var data = [UInt8](repeating: 0, count: size)
        var got: Int32 = 0
        if size > 0 {
            got = data.withUnsafeMutableBytes { raw in
                rados_read(handle, object, raw.baseAddress!.assumingMemoryBound(to: CChar.self), size, 0)
            }
            try CephError.check(got, "read object", "\(object) in pool \(pool)")
        }
        return Array(data.prefix(Int(got)))
    }

    /// Deletes an object. The corresponding C function is `rados_remove`.
    public func remove(object: String) throws(CephError) {
        try CephError.check(rados_remove(handle, object), "remove object", "\(object) in pool \(pool)")
    }
}
#endif
