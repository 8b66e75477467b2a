#if Live
public import Simulation

/// One change `collective live apply` makes to a cluster so that it holds a `StoragePlan`.
public enum ApplyAction: Sendable, Equatable, CustomStringConvertible {
    /// `ceph osd crush rule create-replicated NAME default DOMAIN [CLASS]`.
    case createReplicatedRule(name: String, failureDomain: String, deviceClass: String?)
    /// `ceph osd erasure-code-profile set NAME k= m= crush-failure-domain= [crush-device-class=]`.
    case createErasureProfile(name: String, k: Int, m: Int, failureDomain: String, deviceClass: String?)
    /// `ceph osd crush rule create-erasure NAME PROFILE`.
    case createErasureRule(name: String, profile: String)
    /// `ceph osd pool create` (with its rule and, for erasure pools, its profile).
    case createPool(PlannedPool)
    /// `ceph osd pool set POOL VAR VAL`.
    case setPool(pool: String, variable: String, value: String)
    /// `ceph osd pool application enable POOL APP`.
    case enableApplication(pool: String, application: String)
    /// `rbd_pool_init`: pools holding RBD images.
    case initializeRBD(pool: String)
    /// `rbd create` (thin).
    case createImage(pool: String, name: String, sizeBytes: UInt64)
    /// `rbd resize` to a larger size (never smaller).
    case growImage(pool: String, name: String, fromBytes: UInt64, toBytes: UInt64)
    /// `ceph fs add_data_pool FS POOL`: a pool a directory's layout names.
    case addDataPool(fileSystem: String, pool: String)
    /// mkdir in a CephFS, with its quota.
    case makeDirectory(fileSystem: String, path: String, quotaBytes: UInt64?)
    /// `ceph.quota.max_bytes` on an existing directory.
    case setDirectoryQuota(fileSystem: String, path: String, quotaBytes: UInt64)
    /// `ceph.dir.layout.pool` on a directory: files made in it from now on go to the pool
    /// (files already there stay where they are).
    case setDirectoryLayout(fileSystem: String, path: String, pool: String)

    public var description: String {
        switch self {
        case .createReplicatedRule(let name, let domain, let cls):
            "create crush rule \(name) (replicated, failure domain \(domain)\(cls.map { ", class \($0)" } ?? ""))"
        case .createErasureProfile(let name, let k, let m, let domain, let cls):
            "create erasure-code profile \(name) (k=\(k) m=\(m), failure domain \(domain)\(cls.map { ", class \($0)" } ?? ""))"
        case .createErasureRule(let name, let profile):
            "create crush rule \(name) (erasure, from profile \(profile))"
        case .createPool(let p):
            p.type == "erasure"
                ? "create pool \(p.name) (erasure k=\(p.k ?? 0) m=\(p.m ?? 0), pg_num \(p.pgNum), rule \(p.rule))"
                : "create pool \(p.name) (replicated size \(p.size) min_size \(p.minSize), pg_num \(p.pgNum), rule \(p.rule))"
        case .setPool(let pool, let variable, let value): "set pool \(pool) \(variable) \(value)"
        case .enableApplication(let pool, let app): "enable application \(app) on pool \(pool)"
        case .initializeRBD(let pool): "initialize RBD in pool \(pool)"
        case .createImage(let pool, let name, let size): "create image \(pool)/\(name) (\(size) bytes)"
        case .growImage(let pool, let name, let from, let to): "grow image \(pool)/\(name) from \(from) to \(to) bytes"
        case .makeDirectory(let fs, let path, let quota):
            "create directory \(path) in \(fs)" + (quota.map { " (quota \($0) bytes)" } ?? "")
        case .setDirectoryQuota(let fs, let path, let quota): "set quota of \(path) in \(fs) to \(quota) bytes"
        case .addDataPool(let fs, let pool): "add data pool \(pool) to file system \(fs)"
        case .setDirectoryLayout(let fs, let path, let pool): "lay out new files of \(path) in \(fs) in pool \(pool) (ceph.dir.layout.pool)"
        }
    }
}
#endif
