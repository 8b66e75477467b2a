extension Pool {
    /// Bytes one shard of one PG holds when the pool stores `stored` bytes (before
    /// replication, `ceph df`'s STORED): `stored / pg_num` in a replicated pool, that over k in
    /// an erasure pool (over `size` when the map lacks the profile's k). PGs are taken to be of
    /// equal size.
    public func shardBytes(stored: UInt64) -> Double {
        let perPG = Double(stored) / Double(max(1, pgNum))
        switch kind {
        case .erasure: return perPG / Double(erasureK ?? Int(size))
        default: return perPG
        }
    }
}
