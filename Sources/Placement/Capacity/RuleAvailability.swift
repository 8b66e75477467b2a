/// How many raw bytes can still be written through a crush rule before its first OSD reaches
/// the full ratio: Ceph 16.2.15's `PGMap::get_rule_avail` (src/mon/PGMap.cc), the number
/// `ceph df` divides by the raw used rate to print MAX AVAIL.
///
/// For every OSD of the rule's weight map (`RuleOSDWeights`), in ascending id order:
/// - an OSD without stats (nonexistent) is skipped; so is one whose stats say size 0 (an out
///   OSD, whose stats the mgr zeroes) or whose weight fraction is 0;
/// - `unusable = kb × (1 − full_ratio)` and `avail = max(0, kb_avail − unusable) × 1024`, in
///   `double`, with `kb = total >> 10`, `kb_avail = available >> 10` and the full ratio a
///   `float` (0.95f, so `1 − full_ratio` is 0.050000011920928955);
/// - `proj = (int64_t)(avail / fraction)`: the raw bytes the whole rule could take when this
///   OSD fills;
/// - the smallest `proj` wins (the first OSD wins a tie) and names the limiting OSD.
/// With no OSD left the result is 0; a missing rule also gives 0 (Ceph's negative error
/// becomes 0 in `ceph df`).
public struct RuleAvailability: Sendable, Equatable {
    /// Why an OSD of the weight map did not take part.
    public enum Skip: Sendable, Equatable {
        /// No stats: the OSD does not exist in the OSD map.
        case noStats
        /// Stats of size 0: the OSD is out (or reports an empty device).
        case zeroSize
        /// Its weight fraction is 0.
        case zeroWeight
    }

    /// One OSD's part in the computation.
    public struct Projection: Sendable, Equatable {
        public var osd: Int32
        public var fraction: Float
        /// `avail` above: the bytes the OSD can take before reaching the full ratio.
        public var availableBytes: Double
        /// `proj`: raw bytes the rule could take when this OSD fills; nil if skipped.
        public var projectedRawBytes: Int64?
        public var skipped: Skip?
    }

    /// The rule id looked at (nil: no rule, e.g. `find_rule` found none).
    public let rule: Int32?
    /// The weight map, or the reason it could not be built.
    public let weights: Result<RuleOSDWeights, CapacityError>?
    public let projections: [Projection]
    /// `get_rule_avail` as `ceph df` uses it: negative values (errors, no OSD) become 0.
    public let rawAvailableBytes: UInt64
    /// The OSD whose projection is the minimum.
    public let limitingOSD: Int32?

    /// A known raw availability, e.g. `avail_raw` from `ceph df detail -f json` (live mode) or
    /// the `avail` Ceph's own tests pass to `dump_object_stat_sum`.
    public init(rawAvailableBytes: UInt64, limitingOSD: Int32? = nil) {
        self.rule = nil
        self.weights = nil
        self.projections = []
        self.rawAvailableBytes = rawAvailableBytes
        self.limitingOSD = limitingOSD
    }

    /// Computes it for rule id `rule` (nil gives 0, as Ceph's -1 does).
    public init(rule: Int32?, input: CapacityInput) {
        self.init(rule: rule, input: input, stats: input.reportedStats())
    }

    init(rule: Int32?, input: CapacityInput, stats: [Int32: OSDStatFS]) {
        self.rule = rule
        guard let rule else {
            self.weights = nil
            self.projections = []
            self.rawAvailableBytes = 0
            self.limitingOSD = nil
            return
        }
        let weights: RuleOSDWeights
        do {
            weights = try RuleOSDWeights(rule: rule, in: input.crush)
        } catch {
            self.weights = .failure(error)
            self.projections = []
            self.rawAvailableBytes = 0
            self.limitingOSD = nil
            return
        }
        self.weights = .success(weights)
        let unusableShare = 1.0 - Double(input.ratios.full)
        var minimum: Int64 = -1
        var limiting: Int32?
        var projections: [Projection] = []
        for entry in weights.entries {
            guard let stat = stats[entry.osd] else {
                projections.append(Projection(
                    osd: entry.osd, fraction: entry.fraction, availableBytes: 0, projectedRawBytes: nil,
                    skipped: .noStats))
                continue
            }
            if stat.total == 0 || entry.fraction == 0 {
                projections.append(Projection(
                    osd: entry.osd, fraction: entry.fraction, availableBytes: 0, projectedRawBytes: nil,
                    skipped: stat.total == 0 ? .zeroSize : .zeroWeight))
                continue
            }
            let unusable = Double(stat.kb) * unusableShare
            var avail = Swift.max(0.0, Double(stat.kbAvail) - unusable)
            avail *= 1024.0
            let proj = cInt64(avail / Double(entry.fraction))
            projections.append(Projection(
                osd: entry.osd, fraction: entry.fraction, availableBytes: avail, projectedRawBytes: proj,
                skipped: nil))
            if minimum < 0 || proj < minimum {
                minimum = proj
                limiting = entry.osd
            }
        }
        self.projections = projections
        self.rawAvailableBytes = minimum < 0 ? 0 : UInt64(minimum)
        self.limitingOSD = minimum < 0 ? nil : limiting
    }
}
