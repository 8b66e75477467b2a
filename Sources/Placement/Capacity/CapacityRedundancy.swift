import CRUSH

/// How a pool keeps its data: `size` copies, or `k` data and `m` coding chunks.
public enum CapacityRedundancy: Sendable, Equatable {
    case replicated(size: Int)
    case erasure(k: Int, m: Int)

    /// `pg_pool_t::get_size()`: replicas, or `k + m` chunks.
    public var size: Int {
        switch self {
        case .replicated(let size): size
        case .erasure(let k, let m): k + m
        }
    }

    /// `pg_pool_t::TYPE_REPLICATED` (1) or `TYPE_ERASURE` (3), as crush rules name them.
    public var poolType: UInt8 {
        switch self {
        case .replicated: Rule.typeReplicated
        case .erasure: Rule.typeErasure
        }
    }

    /// `OSDMap::pool_raw_used_rate` (src/osd/OSDMap.cc): raw bytes written per byte stored,
    /// as a `float`: the size of a replicated pool, `(float)(k + m) / k` for an erasure pool,
    /// 0 when `k` is 0 (Ceph returns 0 for a profile without k and m).
    public var rawUsedRate: Float {
        switch self {
        case .replicated(let size): Float(size)
        case .erasure(let k, let m): k == 0 ? 0 : Float(k + m) / Float(k)
        }
    }
}
