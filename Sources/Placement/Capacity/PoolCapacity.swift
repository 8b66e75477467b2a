/// One pool's row of `ceph df` (the POOLS section) as Ceph 16.2.15 computes it:
/// `PGMapDigest::dump_pool_stats_full` and `dump_object_stat_sum` (src/mon/PGMap.cc), with
/// per-pool BlueStore statistics when every OSD reports them (`use_per_pool_stats()`), else the
/// logical byte counts (see `init(pool:availability:perPoolStats:perPoolOmapStats:)`).
///
/// - The pool's rule is looked up with `find_rule(crush_rule, type, size)` (`CrushMap.findRule`)
///   and its raw availability is `get_rule_avail` (`RuleAvailability`), 0 when negative.
/// - `raw_used_rate` is `OSDMap::pool_raw_used_rate` (size, or (k+m)/k for erasure code), a
///   `float`, scaled while objects are degraded by `(copies − degraded) / copies`.
/// - MAX AVAIL = `avail / raw_used_rate` in `float` (the raw bytes are rounded to 24 bits of
///   precision first), truncated to an integer; 0 when the rate is 0.
/// - USED = `store_stats.allocated + omap_allocated` (raw bytes: all copies).
/// - %USED = `used / (used + avail)` in `float`, where `avail` is the raw availability; 1.0 if
///   nothing is available but something is used.
/// - STORED = `data_stored / raw_used_rate + omap_allocated / raw_used_rate`, each in `float`
///   and truncated: the user's bytes, approximately.
public struct PoolCapacity: Sendable, Equatable {
    public let poolID: Int64
    public let name: String
    public let pgNum: UInt32
    /// The rule `find_rule` chose (nil: none matches the pool's type and size).
    public let availability: RuleAvailability
    /// `pool_raw_used_rate`, and the rate after the degraded-objects scaling.
    public let rawUsedRate: Float
    public let effectiveRawUsedRate: Float
    /// STORED, and its data and omap parts (`ceph df detail`).
    public let stored: UInt64
    public let storedData: UInt64
    public let storedOmap: UInt64
    /// `stored_raw` (detail JSON): STORED times the effective rate.
    public let storedRaw: UInt64
    public let objects: UInt64
    /// USED (`bytes_used`), its data and omap parts, and `kb_used` (rounded up).
    public let used: UInt64
    public let usedData: UInt64
    public let usedOmap: UInt64
    public let kbUsed: UInt64
    /// %USED as a ratio (`percent_used` in JSON); the table prints `percentUsedText`.
    public let percentUsed: Float
    /// MAX AVAIL in bytes, and `avail_raw` (the rule's raw availability).
    public let maxAvail: UInt64
    public let rawAvailable: UInt64
    public let quotaMaxBytes: UInt64
    public let quotaMaxObjects: UInt64

    /// The OSD that limits MAX AVAIL, if any.
    public var limitingOSD: Int32? { availability.limitingOSD }

    /// The %USED column: `percentify(used * 100)`, "0" below 0.01, else two decimals.
    public var percentUsedText: String { CapacityFormat.percentify(percentUsed * 100) }

    public init(pool: CapacityPool, input: CapacityInput) {
        let rule = input.crush.findRule(
            ruleset: pool.crushRule, poolType: pool.redundancy.poolType, size: pool.redundancy.size)
        self.init(
            pool: pool, availability: RuleAvailability(rule: rule, input: input),
            perPoolStats: input.perPoolStats, perPoolOmapStats: input.perPoolOmapStats)
    }

    /// The row for `pool` given the availability of its rule (computed once per rule, as
    /// `ceph df` caches it in `avail_by_rule`). Without per-pool statistics USED and STORED are
    /// the logical `num_bytes + num_bytes_hit_set_archive` (and `num_omap_bytes` for omap),
    /// not divided by the rate (`pool_stat_t::get_allocated_*_bytes`, `get_user_*_bytes`).
    public init(pool: CapacityPool, availability: RuleAvailability, perPoolStats: Bool = true, perPoolOmapStats: Bool = true) {
        self.poolID = pool.id
        self.name = pool.name
        self.pgNum = pool.pgNum
        self.availability = availability
        self.quotaMaxBytes = pool.quotaMaxBytes
        self.quotaMaxObjects = pool.quotaMaxObjects
        let usage = pool.usage
        let avail = availability.rawAvailableBytes
        self.rawAvailable = avail

        let baseRate = pool.redundancy.rawUsedRate
        self.rawUsedRate = baseRate
        var rate = baseRate
        if usage.objectCopies > 0 {
            let copies = Int64(bitPattern: usage.objectCopies)
            let degraded = Int64(bitPattern: usage.objectsDegraded)
            rate *= Float(copies &- degraded) / Float(copies)
        }
        self.effectiveRawUsedRate = rate

        let legacyBytes = usage.bytes &+ usage.bytesHitSetArchive
        let usedData = perPoolStats ? usage.dataAllocatedRaw : legacyBytes
        let usedOmap = perPoolOmapStats ? usage.omapAllocatedRaw : usage.omapBytes
        let usedBytes = usedData &+ usedOmap
        self.usedData = usedData
        self.usedOmap = usedOmap
        self.used = usedBytes
        self.kbUsed = (usedBytes >> 10) &+ (usedBytes & 1023 == 0 ? 0 : 1)

        var used: Float = 0
        if avail != 0 {
            used = Float(usedBytes)
            used /= used + Float(avail)
        } else if usedBytes != 0 {
            used = 1.0
        }
        self.percentUsed = used
        self.maxAvail = rate != 0 ? cUInt64(Float(avail) / rate) : 0
        // `data_stored` and `omap_allocated` are int64_t in store_statfs_t.
        let storedData: UInt64
        if perPoolStats {
            storedData = rate != 0 ? cUInt64(Float(Int64(bitPattern: usage.dataStoredRaw)) / rate) : 0
        } else {
            storedData = legacyBytes
        }
        let storedOmap: UInt64
        if perPoolOmapStats {
            storedOmap = rate != 0 ? cUInt64(Float(Int64(bitPattern: usage.omapAllocatedRaw)) / rate) : 0
        } else {
            storedOmap = usage.omapBytes
        }
        self.storedData = storedData
        self.storedOmap = storedOmap
        self.stored = storedData &+ storedOmap
        self.storedRaw = cUInt64(Float(self.stored) * rate)
        self.objects = usage.objects
    }

    /// Every pool of `input`, in ascending pool id (the order of the OSD map's pools), the
    /// availability computed once per rule.
    public static func all(_ input: CapacityInput) -> [PoolCapacity] {
        let stats = input.reportedStats()
        var byRule: [Int32: RuleAvailability] = [:]
        var rows: [PoolCapacity] = []
        for pool in input.pools.sorted(by: { $0.id < $1.id }) where pool.id >= 0 {
            let rule = input.crush.findRule(
                ruleset: pool.crushRule, poolType: pool.redundancy.poolType, size: pool.redundancy.size)
            let key = rule ?? -1
            let availability: RuleAvailability
            if let cached = byRule[key] {
                availability = cached
            } else {
                availability = RuleAvailability(rule: rule, input: input, stats: stats)
                byRule[key] = availability
            }
            rows.append(PoolCapacity(
                pool: pool, availability: availability, perPoolStats: input.perPoolStats,
                perPoolOmapStats: input.perPoolOmapStats))
        }
        return rows
    }
}

extension PoolCapacity {
    /// `PGMapDigest::get_pool_free_space`: what `statfs` on a pool (CephFS `df`, librados)
    /// reports as free: the rule's raw availability divided by `pool_raw_used_rate` — without
    /// the degraded scaling — converted through `float` and truncated.
    public static func freeSpace(pool: CapacityPool, input: CapacityInput) -> Int64 {
        let rule = input.crush.findRule(
            ruleset: pool.crushRule, poolType: pool.redundancy.poolType, size: pool.redundancy.size)
        let avail = RuleAvailability(rule: rule, input: input).rawAvailableBytes
        let rate = pool.redundancy.rawUsedRate
        return cInt64(Double(Float(Int64(avail)) / rate))
    }
}
