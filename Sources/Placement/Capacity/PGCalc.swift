import CRUSH

/// The classic PG calculator (ceph.com/pgcalc, kept in Ceph's docs as
/// doc/rados/operations/pgcalc): a pool's PG count from the cluster's OSD count and the
/// share of the data the pool is expected to hold.
///
/// 1. `value = target PGs per OSD × OSDs × %data / size` (size: replicas, or k + m);
/// 2. if `value < OSDs / size` it becomes `OSDs / size`, so every OSD holds at least one PG
///    of the pool;
/// 3. it is rounded to a power of two: the power at or below it, unless that is more than
///    25% below the value, then the next power up.
///
/// The target is 100 PGs per OSD for a cluster that will not grow, 200 if it may double,
/// 300 if it may triple.
public struct PGCalcAdvice: Sendable, Equatable {
    /// The value of step 1, and after the floor of step 2.
    public let rawValue: Double
    public let flooredValue: Double
    public let pgNum: Int
    /// How the result was reached, for a person.
    public let reason: String

    public init(osds: Int, size: Int, dataPercent: Double, targetPGsPerOSD: Int = 100) {
        let size = max(size, 1)
        let raw = Double(targetPGsPerOSD) * Double(osds) * (dataPercent / 100.0) / Double(size)
        let floor = Double(osds) / Double(size)
        let value = raw < floor ? floor : raw
        self.rawValue = raw
        self.flooredValue = value
        var lower = 1
        while Double(lower) * 2 <= value { lower *= 2 }
        let roundedUp = Double(lower) < value * 0.75
        self.pgNum = roundedUp ? lower * 2 : lower
        var reason = "\(targetPGsPerOSD) PGs per OSD × \(osds) OSDs × \(DecimalFormat.general(dataPercent))% of the data"
            + " / size \(size) = \(DecimalFormat.general(raw))"
        if raw < floor {
            reason += ", raised to OSDs / size = \(DecimalFormat.general(floor)) so every OSD gets a PG"
        }
        if value <= 1 {
            reason += "; 1 PG"
        } else if roundedUp {
            reason += "; \(lower) would be more than 25% below it, so the next power of two, \(lower * 2)"
        } else {
            reason += "; nearest power of two not more than 25% below it: \(lower)"
        }
        self.reason = reason
    }
}
