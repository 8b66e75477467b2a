#if Live
import CCeph

/// A connection to a cluster through librados (`rados_t`). Connecting sets the config's
/// timeouts first, so an unreachable mon fails with ETIMEDOUT after `timeoutSeconds` instead of
/// hunting for five minutes. The handle is released (`rados_shutdown`) when the object goes.
/// librados handles are thread-safe, hence `@unchecked Sendable`.
public final class Rados: @unchecked Sendable {
    let handle: rados_t
    public let config: ClientConfig

    /// Reads the config, sets the timeouts and connects.
    /// The corresponding C functions are `rados_create2`, `rados_conf_read_file`,
    /// `rados_conf_set` and `rados_connect`.
    public init(_ config: ClientConfig) throws(CephError) {
        self.config = config
        var h: rados_t?
        try CephError.check(rados_create2(&h, "ceph", config.name, 0), "create a client handle for", config.name)
        guard let h else { throw CephError("create a client handle for", config.name, errno: .invalidArgument) }
        do {
            try CephError.check(rados_conf_read_file(h, config.confPath), "read the config file", config.confPath ?? "(CEPH_CONF or the default search)")
            for (key, value) in config.options {
                try CephError.check(rados_conf_set(h, key, value), "set option", key)
            }
            try CephError.check(rados_connect(h), "connect to the cluster as", "\(config.name) within \(config.timeoutSeconds)s")
        } catch {
            rados_shutdown(h)
            throw error
        }
        handle = h
    }

    deinit { rados_shutdown(handle) }

    /// The reply of a mon or mgr command: its output buffer and status text.
    public struct CommandReply: Sendable {
        public var output: [UInt8]
        public var status: String
        public var outputText: String { String(decoding: output, as: UTF8.self) }
    }

    /// Sends a mon command (JSON as the `ceph` CLI sends it). The mon proxies mgr commands such as
    /// `pg dump`. The corresponding C function is `rados_mon_command`.
    public func monCommand(_ json: String, input: [UInt8] = []) throws(CephError) -> CommandReply {
        try command(json, input: input, mgr: false)
    }

    /// Sends a mgr command. The corresponding C function is `rados_mgr_command`.
    public func mgrCommand(_ json: String, input: [UInt8] = []) throws(CephError) -> CommandReply {
        try command(json, input: input, mgr: true)
    }

    private func command(_ json: String, input: [UInt8], mgr: Bool) throws(CephError) -> CommandReply {
        var outbuf: UnsafeMutablePointer<CChar>?
        var outlen = 0
        var outs: UnsafeMutablePointer<CChar>?
        var outslen = 0
        let code: Int32 = json.withCString { cmd in
            var cmds: [UnsafePointer<CChar>?] = [cmd]
            return input.withUnsafeBytes { raw in
                let inbuf = raw.baseAddress?.assumingMemoryBound(to: CChar.self)
                return cmds.withUnsafeMutableBufferPointer { list in
                    mgr
                        ? rados_mgr_command(handle, list.baseAddress, 1, inbuf, raw.count, &outbuf, &outlen, &outs, &outslen)
                        : rados_mon_command(handle, list.baseAddress, 1, inbuf, raw.count, &outbuf, &outlen, &outs, &outslen)
                }
            }
        }
        defer {
            if let outbuf { rados_buffer_free(outbuf) }
            if let outs { rados_buffer_free(outs) }
        }
        let output = outbuf.map { Array(UnsafeRawBufferPointer(start: $0, count: outlen)) } ?? []
        let status = outs.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: outslen), as: UTF8.self) } ?? ""
        if code < 0 {
            throw CephError("run \(mgr ? "mgr" : "mon") command", Self.prefix(of: json), errno: CephErrno(rawValue: code), detail: status)
        }
        return CommandReply(output: output, status: status)
    }

    /// The `prefix` of a command, for messages ("osd pool create"); the JSON never goes into a
    /// message whole (it may carry keys, e.g. `auth add`).
    static func prefix(of json: String) -> String {
        let key = Array("\"prefix\"".utf8)
        let bytes = Array(json.utf8)
        guard bytes.count >= key.count,
            let start = (0...(bytes.count - key.count)).first(where: { bytes[$0..<($0 + key.count)].elementsEqual(key) })
        else { return "(command)" }
        let rest = String(decoding: bytes[(start + key.count)...], as: UTF8.self).drop { $0 == " " || $0 == ":" }
        guard rest.first == "\"" else { return "(command)" }
        return "'" + String(rest.dropFirst().prefix { $0 != "\"" }) + "'"
    }

    /// Names of all pools. The corresponding C function is `rados_pool_list`.
    public func poolNames() throws(CephError) -> [String] {
        var size = 4096
        while true {
            var buffer = [CChar](repeating: 0, count: size)
            let needed = try CephError.check(rados_pool_list(handle, &buffer, size), "list pools")
            if Int(needed) <= size {
                return buffer.prefix(Int(needed)).split(separator: 0).map { String(decoding: $0.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
            }
            size = Int(needed)
        }
    }

    /// The pool's id, or nil when there is none, in the cluster's latest OSD map. The
    /// corresponding C functions are `rados_wait_for_latest_osdmap` and `rados_pool_lookup`.
    public func poolID(_ name: String) throws(CephError) -> Int64? {
        try CephError.check(rados_wait_for_latest_osdmap(handle), "fetch the latest OSD map")
        let id = rados_pool_lookup(handle, name)
        if id == -Int64(ENOENT) { return nil }
        if id < 0 { throw CephError("look up pool", name, errno: CephErrno(rawValue: Int32(truncatingIfNeeded: id))) }
        return id
    }

    /// Opens an I/O context on a pool. The corresponding C function is `rados_ioctx_create`.
    public func ioContext(pool: String) throws(CephError) -> IOContext {
        try IOContext(rados: self, pool: pool)
    }

    /// The cluster's fsid. The corresponding C function is `rados_cluster_fsid`.
    public func fsid() throws(CephError) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        try CephError.check(rados_cluster_fsid(handle, &buffer, buffer.count), "read the cluster fsid")
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

#if canImport(Glibc)
import Glibc
#endif
#endif
