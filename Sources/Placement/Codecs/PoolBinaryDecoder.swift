/// Reads one `pg_pool_t` as Ceph 16.2.15's `pg_pool_t::decode` does (osd_types.cc), for the
/// encodings from version 5 (Bobtail) to 30 (Pacific's stretch pools; 29 otherwise): each
/// field is read only from the version that added it, and the fields a client does not need
/// after the application metadata (version 26) are skipped with the structure's length.
///
/// Layout: `u8` type, `u8` size, `u8` crush_rule, `u8` object_hash, `u32` pg_num, `u32`
/// pgp_num, `u32` lpg_num, `u32` lpgp_num, `u32` last_change, `u64` snap_seq, `u32`
/// snap_epoch, snaps (`u32` count × (`u64`, versioned `pool_snap_info_t`)), removed_snaps
/// (`u32` count × 16 bytes), `u64` auid; v4: `u64` flags, `u32` crash_replay_interval; v7:
/// `u8` min_size; v8: `u64` quota_max_bytes, `u64` quota_max_objects; v9: tiers (`u32` count
/// × `u64`), `s64` tier_of, `u8` cache_mode, `s64` read_tier, `s64` write_tier; v10:
/// properties (string → string); v11: versioned hit_set_params, `u32` hit_set_period, `u32`
/// hit_set_count; v12: `u32` stripe_width; v13: `u64` target_max_bytes, `u64`
/// target_max_objects, 4 × `u32` cache settings; v14: erasure_code_profile (string); v15,
/// v16: `u32` each; v17: `u64` expected_num_objects; v19, v20: `u32` each; v21, v22: `u8`
/// each; v23: 2 × `u32`; v24: versioned `pool_opts_t`; v25: `u32`; v26:
/// application_metadata (string → (string → string)).
struct PoolBinaryDecoder {
    var reader: ByteReader
    let id: Int64

    /// The newest `pg_pool_t` encoding Ceph 16.2.15 decodes.
    static let supportedVersion: UInt8 = 30

    mutating func decode() throws(OSDMapBinaryError) -> Pool {
        let name = "pool \(id)"
        guard let version = reader.bytes[reader.offset...].first else {
            throw reader.error(.truncated(needed: 1, remaining: 0), name + " struct_v")
        }
        guard version >= 5 else {
            throw reader.error(.unsupportedVersion(version: version, minimum: 5), name + " struct_v")
        }
        let header = try reader.beginStruct(supported: Self.supportedVersion, name)
        let v = header.version
        let type = try reader.u8(name + " type")
        let size = try reader.u8(name + " size")
        let crushRule = try reader.u8(name + " crush_rule")
        let objectHash = try reader.u8(name + " object_hash")
        let pgNum = try reader.u32(name + " pg_num")
        let pgpNum = try reader.u32(name + " pgp_num")
        try reader.skip(8, name + " lpg_num, lpgp_num")
        _ = try reader.u32(name + " last_change")
        let snapSeq = try reader.u64(name + " snap_seq")
        let snapEpoch = try reader.u32(name + " snap_epoch")
        // Version 5 and later always have the counted snaps (version 3 and later do).
        let snapCount = try reader.count(elementSize: 8 + 6, name + " snaps count")
        for i in 0..<snapCount {
            _ = try reader.u64(name + " snaps[\(i)] id")
            try reader.skipStruct(name + " snaps[\(i)]")
        }
        let removedCount = try reader.count(elementSize: 16, name + " removed_snaps count")
        try reader.skip(removedCount * 16, name + " removed_snaps")
        _ = try reader.u64(name + " auid")
        var flags: UInt64 = 0
        if v >= 4 {
            flags = try reader.u64(name + " flags")
            _ = try reader.u32(name + " crash_replay_interval")
        }
        // The upgrade path for snapshot modes, as pg_pool_t::decode applies it.
        if snapSeq > 0 && snapEpoch > 0 {
            flags |= removedCount == 0 ? Pool.Flags.poolSnaps.rawValue : Pool.Flags.selfManagedSnaps.rawValue
        }
        var minSize = size &- size / 2
        if v >= 7 { minSize = try reader.u8(name + " min_size") }
        if v >= 8 { try reader.skip(16, name + " quota_max_bytes, quota_max_objects") }
        if v >= 9 {
            let tiers = try reader.count(elementSize: 8, name + " tiers count")
            try reader.skip(tiers * 8, name + " tiers")
            try reader.skip(8 + 1 + 8 + 8, name + " tier_of, cache_mode, read_tier, write_tier")
        }
        if v >= 10 {
            let n = try reader.count(elementSize: 8, name + " properties count")
            for i in 0..<n {
                _ = try reader.string(name + " properties[\(i)] key")
                _ = try reader.string(name + " properties[\(i)] value")
            }
        }
        if v >= 11 {
            try reader.skipStruct(name + " hit_set_params")
            try reader.skip(8, name + " hit_set_period, hit_set_count")
        }
        if v >= 12 { try reader.skip(4, name + " stripe_width") }
        if v >= 13 { try reader.skip(16 + 16, name + " cache tiering targets") }
        var profile = ""
        if v >= 14 { profile = try reader.string(name + " erasure_code_profile") }
        if v >= 15 { try reader.skip(4, name + " last_force_op_resend_preluminous") }
        if v >= 16 { try reader.skip(4, name + " min_read_recency_for_promote") }
        if v >= 17 { try reader.skip(8, name + " expected_num_objects") }
        if v >= 19 { try reader.skip(4, name + " cache_target_dirty_high_ratio_micro") }
        if v >= 20 { try reader.skip(4, name + " min_write_recency_for_promote") }
        if v >= 21 { try reader.skip(1, name + " use_gmt_hitset") }
        if v >= 22 { try reader.skip(1, name + " fast_read") }
        if v >= 23 { try reader.skip(8, name + " hit_set_grade_decay_rate, hit_set_search_last_n") }
        if v >= 24 { try reader.skipStruct(name + " opts") }
        if v >= 25 { try reader.skip(4, name + " last_force_op_resend_prenautilus") }
        var applications: [String] = []
        if v >= 26 {
            let n = try reader.count(elementSize: 8, name + " application_metadata count")
            for i in 0..<n {
                applications.append(try reader.string(name + " application_metadata[\(i)] name"))
                let m = try reader.count(elementSize: 8, name + " application_metadata[\(i)] count")
                for j in 0..<m {
                    _ = try reader.string(name + " application_metadata[\(i)][\(j)] key")
                    _ = try reader.string(name + " application_metadata[\(i)][\(j)] value")
                }
            }
        }
        try reader.endStruct(header)
        return Pool(
            id: id, name: "", kind: Pool.Kind(code: type), size: size, minSize: minSize,
            crushRule: Int32(crushRule), objectHash: objectHash, pgNum: pgNum, pgpNum: pgpNum,
            flags: Pool.Flags(rawValue: flags), applications: applications.sorted(),
            erasureCodeProfile: profile)
    }
}
