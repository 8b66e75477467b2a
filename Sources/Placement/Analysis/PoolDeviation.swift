import CRUSH

/// How far each OSD's PG shard count in one pool is from its target, the measure an upmap
/// balancer works on (Ceph's `calc_pg_upmaps` takes count minus target, in PGs). The target of
/// an OSD that is up and in is the pool's `pg_num × size` shards shared in proportion to its
/// usable weight (`CroppedWeights`: its weight in the rule, capped where a failure domain is
/// bigger than a PG can use); OSDs that are down or out have no target. Without cropping this
/// is Ceph's target; with it, a target every OSD can reach.
public struct PoolDeviation: Sendable, Equatable {
    public let pool: Int64
    /// Target shards by OSD id, for the OSDs that are up and in with usable weight.
    public let targets: [Int32: Double]
    /// Shards by OSD id (every OSD that holds one or has a target).
    public let counts: [Int32: Int]

    public init(_ placement: PoolPlacement, map: OSDMap) {
        pool = placement.pool.id
        var usable: [Int32: Double] = [:]
        if let cropped = CroppedWeights(placement, crush: map.crush) {
            for device in cropped.devices where map.isUp(device.osd) && map.isIn(device.osd) && device.usableWeight > 0 {
                usable[device.osd] = device.usableWeight
            }
        }
        let total = usable.values.reduce(0, +)
        var targets: [Int32: Double] = [:]
        for (osd, weight) in usable { targets[osd] = Double(placement.shards) * weight / total }
        var counts: [Int32: Int] = [:]
        for osd in targets.keys { counts[osd] = 0 }
        for up in placement.up {
            for osd in up where osd != crushItemNone && osd >= 0 { counts[osd, default: 0] += 1 }
        }
        self.targets = targets
        self.counts = counts
    }

    /// `count - target` by OSD (target 0 for OSDs without one).
    public var deviations: [Int32: Double] {
        var d: [Int32: Double] = [:]
        for (osd, count) in counts { d[osd] = Double(count) - (targets[osd] ?? 0) }
        return d
    }

    /// The largest |count - target|.
    public var maxDeviation: Double {
        deviations.values.map { abs($0) }.max() ?? 0
    }

    /// The standard deviation of count - target over the OSDs.
    public var standardDeviation: Double {
        let d = deviations
        guard !d.isEmpty else { return 0 }
        let sum = d.keys.sorted().reduce(0.0) { $0 + d[$1]! * d[$1]! }
        return (sum / Double(d.count)).squareRoot()
    }
}
