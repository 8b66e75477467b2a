/// `ceph_stable_mod` (Ceph's include/rados.h): maps a hash onto `b` buckets so that growing
/// `b` towards the next power of two (`bmask + 1`) splits buckets one at a time instead of
/// reshuffling all of them. Used for object → PG and PG → placement seed.
@inline(__always)
public func cephStableMod(_ x: UInt32, _ b: UInt32, _ bmask: UInt32) -> UInt32 {
    if x & bmask < b {
        return x & bmask
    } else {
        return x & (bmask >> 1)
    }
}

/// The mask `pg_pool_t::calc_pg_masks` derives from a PG count: one less than the smallest
/// power of two that is at least `count`.
public func cephPGMask(_ count: UInt32) -> UInt32 {
    guard count > 1 else { return 0 }
    var bits = 0
    var v = count - 1
    while v != 0 {
        bits += 1
        v >>= 1
    }
    return bits >= 32 ? UInt32.max : (UInt32(1) << UInt32(bits)) - 1
}
