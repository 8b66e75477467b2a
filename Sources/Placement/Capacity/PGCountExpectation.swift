public import CRUSH

/// What a pool's PG count should look like on a set of weighted OSDs if placement were an
/// ideal weighted random draw: each of `pgs × size` replicas lands on OSD i with probability
/// equal to its share of the rule's weight (`RuleOSDWeights`), so its count is binomial with
/// mean `n·pᵢ` and standard deviation `sqrt(n·pᵢ·(1 − pᵢ))`. CRUSH never puts two replicas
/// of a PG on one OSD, which makes real spreads a little tighter; osdmaptool's "expected" is
/// the equal-weights case of `rootMeanSquareDeviation`.
public struct PGCountExpectation: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var osd: Int32
        public var share: Double
        public var expectedCount: Double
        public var standardDeviation: Double
    }

    public let placements: UInt64
    public let entries: [Entry]

    /// For `pgs` PGs of `size` replicas over OSDs with these shares (normalised here to sum 1;
    /// OSDs with share 0 are left out).
    public init(pgs: UInt64, size: Int, shares: [(osd: Int32, share: Double)]) {
        let n = pgs &* UInt64(max(size, 0))
        self.placements = n
        let sum = shares.reduce(0.0) { $0 + max($1.share, 0) }
        var entries: [Entry] = []
        for (osd, share) in shares where share > 0 && sum > 0 {
            let p = share / sum
            entries.append(Entry(
                osd: osd, share: p, expectedCount: Double(n) * p,
                standardDeviation: (Double(n) * p * (1 - p)).squareRoot()))
        }
        self.entries = entries.sorted { $0.osd < $1.osd }
    }

    /// For a pool placed by crush rule `rule`, with the rule's weight map as the shares and
    /// the OSDs that are out (in `osds`) left out, as osdmaptool leaves them out.
    public init(pgs: UInt64, size: Int, rule: Int32, crush: CrushMap, osds: [CapacityOSD] = []) throws(CapacityError) {
        let weights = try RuleOSDWeights(rule: rule, in: crush)
        let out = Set(osds.filter { !$0.isIn || !$0.exists }.map(\.id))
        self.init(
            pgs: pgs, size: size,
            shares: weights.entries.filter { !out.contains($0.osd) }.map { ($0.osd, Double($0.fraction)) })
    }

    /// `sqrt(mean over OSDs of n·pᵢ·(1 − pᵢ))`: the typical deviation of an OSD's count from
    /// its own expectation; equals osdmaptool's expected stddev when all shares are equal.
    public var rootMeanSquareDeviation: Double {
        guard !entries.isEmpty else { return 0 }
        let meanVariance = entries.reduce(0.0) { $0 + $1.standardDeviation * $1.standardDeviation }
            / Double(entries.count)
        return meanVariance.squareRoot()
    }
}
