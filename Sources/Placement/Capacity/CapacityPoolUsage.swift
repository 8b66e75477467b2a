/// A pool's usage as the PGMap sums it over its PGs (`pool_stat_t`): the BlueStore per-pool
/// `store_stats`, summed over every OSD that holds a copy or chunk, so in raw bytes, and the
/// object counts of `stats.sum`.
public struct CapacityPoolUsage: Sendable, Equatable {
    /// `store_stats.data_stored`: user bytes, counted once per copy or chunk.
    public var dataStoredRaw: UInt64
    /// `store_stats.allocated`: bytes allocated on disk for the data (USED before omap).
    public var dataAllocatedRaw: UInt64
    /// `store_stats.omap_allocated`.
    public var omapAllocatedRaw: UInt64
    /// `stats.sum.num_bytes`, `num_bytes_hit_set_archive` and `num_omap_bytes`: the logical
    /// counts Ceph shows instead when not every OSD reports per-pool statistics (FileStore,
    /// MemStore, or OSDs made before Nautilus).
    public var bytes: UInt64
    public var bytesHitSetArchive: UInt64
    public var omapBytes: UInt64
    /// `store_stats.data_compressed_allocated` and `data_compressed_original` (USED COMPR and
    /// UNDER COMPR of `ceph df detail`).
    public var compressedAllocated: UInt64 = 0
    public var compressedOriginal: UInt64 = 0
    /// `stats.sum.num_objects`.
    public var objects: UInt64
    /// `stats.sum.num_object_copies` and `num_objects_degraded`; while some copies are
    /// missing Ceph scales the raw used rate by `(copies - degraded) / copies`.
    public var objectCopies: UInt64
    public var objectsDegraded: UInt64

    public init(
        dataStoredRaw: UInt64 = 0, dataAllocatedRaw: UInt64 = 0, omapAllocatedRaw: UInt64 = 0,
        objects: UInt64 = 0, objectCopies: UInt64 = 0, objectsDegraded: UInt64 = 0,
        bytes: UInt64 = 0, bytesHitSetArchive: UInt64 = 0, omapBytes: UInt64 = 0
    ) {
        self.dataStoredRaw = dataStoredRaw
        self.dataAllocatedRaw = dataAllocatedRaw
        self.omapAllocatedRaw = omapAllocatedRaw
        self.bytes = bytes
        self.bytesHitSetArchive = bytesHitSetArchive
        self.omapBytes = omapBytes
        self.objects = objects
        self.objectCopies = objectCopies
        self.objectsDegraded = objectsDegraded
    }

    /// A healthy pool holding `bytes` of user data in `objects` objects, every copy in place and
    /// allocated byte for byte: raw bytes are `bytes × size`, or `bytes × (k + m) / k`
    /// (rounded down) for an erasure pool.
    public static func logical(bytes: UInt64, objects: UInt64 = 0, redundancy: CapacityRedundancy) -> Self {
        let raw: UInt64
        switch redundancy {
        case .replicated(let size):
            raw = bytes.multipliedReportingOverflow(by: UInt64(max(size, 0))).partialValue
        case .erasure(let k, let m):
            raw = k <= 0 ? 0 : UInt64((Double(bytes) * Double(k + m) / Double(k)).rounded(.down))
        }
        return Self(
            dataStoredRaw: raw, dataAllocatedRaw: raw, objects: objects,
            objectCopies: objects &* UInt64(max(redundancy.size, 0)), bytes: bytes)
    }
}
