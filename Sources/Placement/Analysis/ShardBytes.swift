/// How a pool's stored bytes spread over its PGs and shards, taking PGs to be of equal size
/// (Ceph's hashing gives that for pools with many objects): the model every byte figure of the
/// analysis, the capacity input of a simulated cluster and the simulator share.
extension Pool {
    /// Bytes one shard of one PG holds on average when the pool stores `stored` bytes (before
    /// replication, `ceph df`'s STORED): `stored / pg_num` in a replicated pool, that over k in
    /// an erasure pool (over `size` when the map lacks the profile's k).
    public func shardBytes(stored: UInt64) -> Double {
        let perPG = Double(stored) / Double(max(1, pgNum))
        switch kind {
        case .erasure: return perPG / Double(erasureK ?? Int(size))
        default: return perPG
        }
    }

    /// Bytes of PG `seed` when the pool stores `stored` bytes: `stored / pg_num`, the first
    /// `stored % pg_num` PGs one more, so the PGs add up to `stored` exactly.
    @inline(__always)
    public func pgBytes(stored: UInt64, seed: UInt32) -> UInt64 {
        guard pgNum > 0 else { return 0 }
        let n = UInt64(pgNum)
        return stored / n + (UInt64(seed) < stored % n ? 1 : 0)
    }

    /// Bytes one OSD of a PG of `bytes` holds: all of them (replicated), or a k-th shard rounded
    /// up (erasure; over `size` when the map lacks the profile's k).
    @inline(__always)
    public func shardBytes(ofPG bytes: UInt64) -> UInt64 {
        guard kind == .erasure else { return bytes }
        let k = UInt64(max(1, erasureK ?? Int(size)))
        return (bytes + k - 1) / k
    }
}
