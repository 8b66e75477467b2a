#if Live
import CCeph
#if canImport(Glibc)
import Glibc
#endif

/// A libcephfs mount (`struct ceph_mount_info *`): directories, quotas (the
/// `ceph.quota.max_bytes` / `ceph.quota.max_files` xattrs) and statfs. Unmounted and released
/// when the object goes. Uses the config's keyring and its timeout as `client_mount_timeout`.
public final class CephFSMount: @unchecked Sendable {
    let handle: OpaquePointer
    public let root: String

    /// The corresponding C functions are `ceph_create`, `ceph_conf_read_file`,
    /// `ceph_conf_set` and `ceph_mount`.
    /// `fileSystem` nil: the cluster's default file system; otherwise selected by name
    /// (`ceph_select_filesystem`).
    public init(_ config: ClientConfig, fileSystem: String? = nil, root: String = "/") throws(CephError) {
        var h: OpaquePointer?
        try CephError.check(ceph_create(&h, config.id), "create a CephFS client handle for", config.name)
        guard let h else { throw CephError("create a CephFS client handle for", config.name, errno: .invalidArgument) }
        do {
            try CephError.check(ceph_conf_read_file(h, config.confPath), "read the config file", config.confPath ?? "(CEPH_CONF or the default search)")
            for (key, value) in config.options {
                try CephError.check(ceph_conf_set(h, key, value), "set option", key)
            }
            if let fileSystem {
                try CephError.check(ceph_select_filesystem(h, fileSystem), "select file system", fileSystem)
            }
            try CephError.check(ceph_mount(h, root), "mount CephFS at", "\(root) as \(config.name) within \(config.timeoutSeconds)s")
        } catch {
            ceph_release(h)
            throw error
        }
        self.handle = h
        self.root = root
    }

    deinit {
        ceph_unmount(handle)
        ceph_release(handle)
    }

    /// Creates a directory and its missing parents; an existing directory is fine.
    /// The corresponding C function is `ceph_mkdirs`.
    public func makeDirectory(_ path: String, mode: UInt32 = 0o755) throws(CephError) {
        let code = ceph_mkdirs(handle, path, mode_t(mode))
        if code == -EEXIST { return }
        try CephError.check(code, "create directory", path)
    }

    /// A directory's quota; 0 means none.
    public struct Quota: Sendable, Equatable {
        public var maxBytes: UInt64
        public var maxFiles: UInt64
        public init(maxBytes: UInt64 = 0, maxFiles: UInt64 = 0) {
            self.maxBytes = maxBytes
            self.maxFiles = maxFiles
        }
    }

    /// The corresponding C function is `ceph_setxattr` on `ceph.quota.max_bytes` and `max_files`.
    public func setQuota(_ path: String, _ quota: Quota) throws(CephError) {
        try setNumber(path, "ceph.quota.max_bytes", quota.maxBytes, "set the byte quota of")
        try setNumber(path, "ceph.quota.max_files", quota.maxFiles, "set the file quota of")
    }

    /// The corresponding C function is `ceph_getxattr`; an unset quota reads as 0.
    public func quota(_ path: String) throws(CephError) -> Quota {
        Quota(
            maxBytes: try number(path, "ceph.quota.max_bytes", "read the byte quota of") ?? 0,
            maxFiles: try number(path, "ceph.quota.max_files", "read the file quota of") ?? 0)
    }

    /// The pool a directory's own layout names (`ceph.dir.layout.pool`), or nil when it has
    /// none (its files follow the nearest parent's layout). The corresponding C function is
    /// `ceph_getxattr`.
    public func layoutPool(_ path: String) throws(CephError) -> String? {
        try text(path, "ceph.dir.layout.pool", "read the layout of")
    }

    /// Sets the pool of a directory's layout: files made in it from now on go there. The pool
    /// must be a data pool of the file system (`ceph fs add_data_pool`), else EINVAL. The
    /// corresponding C function is `ceph_setxattr`.
    public func setLayoutPool(_ path: String, _ pool: String) throws(CephError) {
        let bytes = Array(pool.utf8)
        let code = bytes.withUnsafeBytes { ceph_setxattr(handle, path, "ceph.dir.layout.pool", $0.baseAddress, $0.count, 0) }
        try CephError.check(code, "set the layout pool of", path)
    }

    /// Bytes and files under a directory, recursively (`ceph.dir.rbytes`, `ceph.dir.rfiles`).
    public func recursiveUsage(_ path: String) throws(CephError) -> (bytes: UInt64, files: UInt64) {
        (try number(path, "ceph.dir.rbytes", "read the size of") ?? 0, try number(path, "ceph.dir.rfiles", "read the file count of") ?? 0)
    }

    /// Changes the given parts of a directory's quota and keeps the others; returns the result.
    @discardableResult
    public func updateQuota(_ path: String, maxBytes: UInt64? = nil, maxFiles: UInt64? = nil) throws(CephError) -> Quota {
        var q = try quota(path)
        guard maxBytes != nil || maxFiles != nil else { return q }
        if let maxBytes { q.maxBytes = maxBytes }
        if let maxFiles { q.maxFiles = maxFiles }
        try setQuota(path, q)
        return q
    }

    private func setNumber(_ path: String, _ name: String, _ value: UInt64, _ operation: String) throws(CephError) {
        let text = Array(String(value).utf8)
        let code = text.withUnsafeBytes { ceph_setxattr(handle, path, name, $0.baseAddress, $0.count, 0) }
        try CephError.check(code, operation, path)
    }

    private func number(_ path: String, _ name: String, _ operation: String) throws(CephError) -> UInt64? {
        try text(path, name, operation).flatMap { UInt64($0) }
    }

    /// An xattr's value as text (trimmed), or nil when it is not set.
    private func text(_ path: String, _ name: String, _ operation: String) throws(CephError) -> String? {
        var buffer = [UInt8](repeating: 0, count: 256)
        let code = buffer.withUnsafeMutableBytes { ceph_getxattr(handle, path, name, $0.baseAddress, $0.count) }
        if code == -ENODATA { return nil }
        try CephError.check(code, operation, path)
        return String(decoding: buffer.prefix(Int(code)), as: UTF8.self).trimmingSpaces
    }

    /// Size and free space of the file system. The corresponding C function is `ceph_statfs`.
    public struct Usage: Sendable, Equatable {
        public var totalBytes: UInt64
        public var freeBytes: UInt64
        public var availableBytes: UInt64
        public var files: UInt64
    }

    public func statfs(_ path: String = "/") throws(CephError) -> Usage {
        var s = statvfs()
        try CephError.check(ceph_statfs(handle, path, &s), "read the usage of", path)
        let unit = UInt64(s.f_frsize)
        return Usage(
            totalBytes: UInt64(s.f_blocks) &* unit, freeBytes: UInt64(s.f_bfree) &* unit,
            availableBytes: UInt64(s.f_bavail) &* unit, files: UInt64(s.f_files))
    }

    /// One directory entry.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var isDirectory: Bool
        public init(name: String, isDirectory: Bool) {
            self.name = name
            self.isDirectory = isDirectory
        }
    }

    /// The entries of a directory without "." and "..", sorted by name. The corresponding C
    /// functions are `ceph_opendir`, `ceph_readdir_r` and `ceph_closedir`.
    public func entries(_ path: String) throws(CephError) -> [Entry] {
        var dir: OpaquePointer?
        try CephError.check(ceph_opendir(handle, path, &dir), "open directory", path)
        defer { if let dir { ceph_closedir(handle, dir) } }
        var list: [Entry] = []
        var entry = dirent()
        while true {
            let code = ceph_readdir_r(handle, dir, &entry)
            try CephError.check(code, "read directory", path)
            if code == 0 { break }
            let name = withUnsafeBytes(of: &entry.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            list.append(Entry(name: name, isDirectory: entry.d_type == UInt8(DT_DIR)))
        }
        return list.sorted { $0.name < $1.name }
    }

    /// Writes `bytes` as the whole content of a file, creating it (mode 0644) or truncating it.
    /// The corresponding C functions are `ceph_open`, `ceph_write` and `ceph_close`.
    public func writeFile(_ path: String, _ bytes: [UInt8]) throws(CephError) {
        let fd = try CephError.check(ceph_open(handle, path, O_WRONLY | O_CREAT | O_TRUNC, 0o644), "open file", path)
        defer { ceph_close(handle, fd) }
        let written = bytes.withUnsafeBytes { raw in
            ceph_write(handle, fd, raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int64(raw.count), 0)
        }
        _ = try CephError.check(Int(written), "write file", path)
        guard written == bytes.count else {
            throw CephError("write file", path, errno: CephErrno(rawValue: EIO), detail: "short write: \(written) of \(bytes.count) bytes")
        }
    }

    /// Removes a file. The corresponding C function is `ceph_unlink`.
    public func removeFile(_ path: String) throws(CephError) {
        try CephError.check(ceph_unlink(handle, path), "remove file", path)
    }

    /// Removes an empty directory. The corresponding C function is `ceph_rmdir`.
    public func removeDirectory(_ path: String) throws(CephError) {
        try CephError.check(ceph_rmdir(handle, path), "remove directory", path)
    }
}

extension String {
    var trimmingSpaces: String {
        String(self.drop { $0 == " " || $0 == "\n" || $0 == "\0" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\0" }.reversed())
    }
}
#endif
