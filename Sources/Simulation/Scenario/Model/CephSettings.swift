public import CRUSH
public import Placement

/// The Ceph cluster on the fleet: where the daemons run, the pools, the options that govern
/// failure detection and recovery, and where the CRUSH map comes from.
public struct CephSettings: Sendable, Equatable {
    public var crush: CrushSource
    /// Hosts running a monitor (`ceph-mon`), in file order.
    public var mons: [String]
    /// Hosts running a manager (`ceph-mgr`); the first is active.
    public var mgrs: [String]
    /// Hosts running a metadata server (`ceph-mds`) for CephFS.
    public var mds: [String]
    /// Pools in creation order (their ids ascend with it unless set).
    public var pools: [PoolSpec]
    public var filesystems: [FileSystemSpec]
    public var config: CephConfig
    /// The PG upmap exceptions at time 0 (`ceph osd pg-upmap-items`, `ceph osd pg-upmap`), as
    /// the mgr balancer leaves them.
    public var upmaps: [Upmap] = []

    public init(
        crush: CrushSource = .generated(tunables: .jewel), mons: [String], mgrs: [String] = [],
        mds: [String] = [], pools: [PoolSpec] = [], filesystems: [FileSystemSpec] = [],
        config: CephConfig = CephConfig()
    ) {
        self.crush = crush
        self.mons = mons
        self.mgrs = mgrs
        self.mds = mds
        self.pools = pools
        self.filesystems = filesystems
        self.config = config
    }

    public func pool(named name: String) -> PoolSpec? {
        pools.first { $0.name == name }
    }
}

/// A PG upmap exception: pairs that swap an OSD of the PG's CRUSH set for another
/// (`pg_upmap_items`), or the whole set replaced (`pg_upmap`).
public struct Upmap: Sendable, Equatable {
    public enum Change: Sendable, Equatable {
        /// `ceph osd pg-upmap-items PG FROM TO …`.
        case items([UpmapItem])
        /// `ceph osd pg-upmap PG OSD …`.
        case osds([Int32])
    }

    public var pg: PGID
    public var change: Change

    public init(pg: PGID, change: Change) {
        self.pg = pg
        self.change = change
    }
}
