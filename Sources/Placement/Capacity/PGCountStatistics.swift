import CRUSH

/// The spread of PG counts over OSDs that `osdmaptool --test-map-pgs` prints
/// (src/tools/osdmaptool.cc, Ceph 16.2.15):
///
/// - the OSDs counted are those that are in and have a crush weight > 0;
/// - `avg` is the integer mean `total / in` (total = every replica counted on those OSDs);
/// - `stddev = sqrt(Σ (avg − count)² / in)`, around the integer mean;
/// - `expected = sqrt(total / in × (1 − 1 / in))`: the standard deviation of a binomial count
///   with `total` trials and probability `1 / in`, i.e. what a uniformly random placement on
///   equally weighted OSDs gives. It ignores the weights.
///
/// The line is ` avg A stddev D (D/Ax) (expected E E/Ax))`, numbers in C++'s default `%g`.
public struct PGCountStatistics: Sendable, Equatable {
    /// The PG count of each counted OSD (in, crush weight > 0), in OSD id order.
    public let counts: [Int]
    public let total: UInt64
    public let average: UInt64
    public let standardDeviation: Double
    public let expectedStandardDeviation: Double

    public init(counts: [Int]) {
        self.counts = counts
        let total = counts.reduce(UInt64(0)) { $0 &+ UInt64(truncatingIfNeeded: $1) }
        let n = counts.count
        self.total = total
        let avg = n > 0 ? total / UInt64(n) : 0
        self.average = avg
        var dev = 0.0
        for c in counts {
            // (avg − count[i]) is computed in uint64_t; its square is the true square mod 2^64.
            let d = avg &- UInt64(truncatingIfNeeded: c)
            dev += Double(d &* d)
        }
        dev /= Double(n)
        self.standardDeviation = dev.squareRoot()
        self.expectedStandardDeviation = (Double(total) / Double(n) * (1.0 - (1.0 / Double(n)))).squareRoot()
    }

    /// The statistics line as osdmaptool prints it (with its leading space).
    public var osdmaptoolLine: String {
        let avg = Double(average)
        return " avg \(average) stddev \(DecimalFormat.general(standardDeviation))"
            + " (\(DecimalFormat.general(standardDeviation / avg))x)"
            + " (expected \(DecimalFormat.general(expectedStandardDeviation))"
            + " \(DecimalFormat.general(expectedStandardDeviation / avg))x))"
    }

    /// `OSDMap::summarize_mapping_stats`' "expected baseline" (printed by the balancer and
    /// `osdmaptool --upmap`): `sqrt(avg_pg × (1 − 1/num_up_in))` with `avg_pg` the `float` mean
    /// of PG replicas per up-and-in OSD, the result a `float`.
    public static func expectedBaseline(totalReplicas: UInt64, upInOSDs: Int) -> Float {
        let avg = Float(totalReplicas) / Float(upInOSDs)
        return Float((Double(avg) * (1.0 - (1.0 / Double(upInOSDs)))).squareRoot())
    }
}
