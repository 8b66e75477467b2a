/// The Ceph storage a scenario's workloads need, as `collective live apply` creates it on a
/// real cluster: the pools (with the CRUSH rules they imply), one RBD image per VM disk and per
/// Kubernetes volume claim, and CephFS directories with quotas. Made by `Scenario.storagePlan()`;
/// written as JSON (schema version `StoragePlan.formatVersion`) in the `storage` member of
/// `collective plan -f json`.
///
/// Names follow the tools that would otherwise create the images: Proxmox names a VM's disks
/// `vm-<vmid>-disk-<n>` (n from 0 in the VM's disk order); claims get a statically provisioned
/// ceph-csi image `k8s-<namespace>-<claim>` where the claim is named as Kubernetes names it
/// (`<volume>-<statefulset>-<ordinal>` for a StatefulSet's claim templates,
/// `<deployment>-<volume>` for a Deployment's or a Pod's claim).
public struct StoragePlan: Sendable, Equatable, Codable {
    /// The version of this JSON shape; readers refuse versions they do not know.
    public static let formatVersion = 1

    public var version: Int
    public var pools: [PlannedPool]
    public var images: [PlannedImage]
    public var directories: [PlannedDirectory]

    public init(pools: [PlannedPool] = [], images: [PlannedImage] = [], directories: [PlannedDirectory] = []) {
        self.version = Self.formatVersion
        self.pools = pools
        self.images = images
        self.directories = directories
    }
}

/// A pool to create (`ceph osd pool create`) and set up (`size`, `min_size`, application).
public struct PlannedPool: Sendable, Equatable, Codable {
    public var name: String
    /// `replicated` or `erasure`.
    public var type: String
    /// Copies, or k + m shards.
    public var size: Int
    public var minSize: Int
    public var pgNum: UInt32
    /// Erasure pools: data and coding chunks, and the profile's name.
    public var k: Int?
    public var m: Int?
    public var erasureCodeProfile: String?
    /// The CRUSH rule to create or reuse: its name, the device class it takes (nil: any) and
    /// the failure domain.
    public var rule: String
    public var deviceClass: String?
    public var failureDomain: String
    public var application: String?
    /// EC pools holding RBD data or CephFS files need `allow_ec_overwrites`.
    public var allowECOverwrites: Bool

    public init(
        name: String, type: String, size: Int, minSize: Int, pgNum: UInt32, k: Int? = nil, m: Int? = nil,
        erasureCodeProfile: String? = nil, rule: String, deviceClass: String? = nil,
        failureDomain: String = "host", application: String? = nil, allowECOverwrites: Bool = false
    ) {
        self.name = name
        self.type = type
        self.size = size
        self.minSize = minSize
        self.pgNum = pgNum
        self.k = k
        self.m = m
        self.erasureCodeProfile = erasureCodeProfile
        self.rule = rule
        self.deviceClass = deviceClass
        self.failureDomain = failureDomain
        self.application = application
        self.allowECOverwrites = allowECOverwrites
    }
}

/// An RBD image to create (thin: nothing is written).
public struct PlannedImage: Sendable, Equatable, Codable {
    public var pool: String
    public var name: String
    public var sizeBytes: UInt64
    /// Who uses it: `vm/<vmid>` or `pvc/<namespace>/<claim>`.
    public var owner: String

    public init(pool: String, name: String, sizeBytes: UInt64, owner: String) {
        self.pool = pool
        self.name = name
        self.sizeBytes = sizeBytes
        self.owner = owner
    }
}

/// A CephFS directory to create, with an optional `ceph.quota.max_bytes` and an optional data
/// pool for the files made in it (`ceph.dir.layout.pool`; the pool must be one of the file
/// system's data pools).
public struct PlannedDirectory: Sendable, Equatable, Codable {
    public var fileSystem: String
    public var path: String
    public var quotaBytes: UInt64?
    public var layoutPool: String?

    public init(fileSystem: String, path: String, quotaBytes: UInt64? = nil, layoutPool: String? = nil) {
        self.fileSystem = fileSystem
        self.path = path
        self.quotaBytes = quotaBytes
        self.layoutPool = layoutPool
    }
}
