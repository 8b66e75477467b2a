#if Live
/// How a client finds and authenticates to a cluster, with Ceph's own conventions: a config
/// file (`-c`, else `$CEPH_CONF`, else Ceph's default search), an entity name (`--id admin` or
/// `--name client.admin`), an optional keyring path, and one timeout in seconds that bounds
/// connecting (`client_mount_timeout`) and every mon and OSD operation
/// (`rados_mon_op_timeout`, `rados_osd_op_timeout`), so no call blocks forever.
public struct ClientConfig: Sendable, Equatable {
    /// The config file; nil: `$CEPH_CONF`, then `/etc/ceph/ceph.conf`, `~/.ceph/config`, `./ceph.conf`.
    public var confPath: String?
    /// The entity name, e.g. "client.admin".
    public var name: String
    /// A keyring file; nil: the `keyring` option of the config file.
    public var keyringPath: String?
    /// Seconds; at least 1.
    public var timeoutSeconds: Int

    public init(confPath: String? = nil, name: String = "client.admin", keyringPath: String? = nil, timeoutSeconds: Int = 10) {
        self.confPath = confPath
        self.name = name
        self.keyringPath = keyringPath
        self.timeoutSeconds = max(1, timeoutSeconds)
    }

    /// The id part of the name ("admin" for "client.admin"), as `ceph_create` wants it.
    public var id: String {
        name.hasPrefix("client.") ? String(name.dropFirst("client.".count)) : name
    }

    /// The options set on every handle before connecting, in this order.
    var options: [(String, String)] {
        var list: [(String, String)] = []
        if let keyringPath { list.append(("keyring", keyringPath)) }
        let t = String(timeoutSeconds)
        list.append(("client_mount_timeout", t))
        list.append(("rados_mon_op_timeout", t))
        list.append(("rados_osd_op_timeout", t))
        // Client logs stay off the terminal and out of the cluster's log directory.
        list.append(("log_to_stderr", "false"))
        list.append(("err_to_stderr", "false"))
        return list
    }
}
#endif
