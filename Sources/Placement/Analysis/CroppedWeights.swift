import CRUSH

/// The weight a pool can actually use when one failure domain is bigger than the others can
/// absorb (python-crush's "cropped weight"). A PG puts at most one shard in each failure
/// domain, so with `size` shards a domain can take at most a share 1 of the PGs, however much
/// weight it has. Shares are handed out in proportion to weight; a domain whose share would
/// pass 1 is capped at 1 and the rest shared out again among the others, until none passes 1
/// (water-filling). A capped domain's usable weight is what it would need, at the uncapped
/// domains' rate, to get exactly its share; the rest of its weight cannot be used, and its
/// OSDs keep their proportions of what it can use.
///
/// The textbook case: a Queen host with 10 TiB and two Drones with 2 TiB each in a size-3 pool
/// over hosts. Each host holds one shard of every PG, so the Queen can fill only 2 TiB; 8 TiB
/// are cropped.
public struct CroppedWeights: Sendable, Equatable, Encodable {
    /// One failure domain (a host, a rack, an OSD …).
    public struct Domain: Sendable, Equatable, Encodable {
        public var id: Int32
        public var name: String
        /// The sum of its OSDs' weights in the pool's rule (crush weight times reweight).
        public var weight: Double
        /// The weight it can fill.
        public var usableWeight: Double
        /// The share of the pool's PGs it holds a shard of (at most 1).
        public var pgShare: Double
    }

    /// One OSD with its usable weight.
    public struct Device: Sendable, Equatable, Encodable {
        public var osd: Int32
        public var domain: Int32
        public var weight: Double
        public var usableWeight: Double
    }

    /// Shards per PG.
    public let size: Int
    /// The failure domain's type name (`host`).
    public let domainType: String
    /// Ascending by id.
    public let domains: [Domain]
    /// Ascending by OSD id.
    public let devices: [Device]

    /// The weight no PG can use, in crush weight units (TiB by convention).
    public var unusableWeight: Double {
        domains.reduce(0) { $0 + ($1.weight - $1.usableWeight) }
    }

    /// The cropped weights of `placement`'s pool over its rule's failure domain; nil when the
    /// pool has no rule.
    public init?(_ placement: PoolPlacement, crush: CrushMap) {
        guard let failureDomain = placement.failureDomain else { return nil }
        let ancestry = CrushAncestry(crush)
        let domainOf = placement.devices.map { ancestry.ancestor(of: $0.osd, type: failureDomain.type) ?? $0.osd }
        var weightOf: [Int32: Double] = [:]
        for (device, domain) in zip(placement.devices, domainOf) { weightOf[domain, default: 0] += device.weight }
        let ids = weightOf.keys.sorted()
        let fill = Self.waterFill(ids.map { weightOf[$0]! }, replicas: Int(placement.pool.size))
        var domains: [Domain] = []
        var scale: [Int32: Double] = [:]
        for (i, id) in ids.enumerated() {
            let weight = weightOf[id]!
            domains.append(Domain(
                id: id, name: ancestry.name(of: id), weight: weight, usableWeight: fill.usable[i], pgShare: fill.shares[i]))
            scale[id] = weight > 0 ? fill.usable[i] / weight : 0
        }
        self.size = Int(placement.pool.size)
        self.domainType = ancestry.typeName(failureDomain.type)
        self.domains = domains
        self.devices = zip(placement.devices, domainOf).map { device, domain in
            Device(osd: device.osd, domain: domain, weight: device.weight, usableWeight: device.weight * scale[domain]!)
        }
    }

    /// Water-fills `replicas` shares over `weights`: each share at most 1, the uncapped ones in
    /// proportion to weight. Returns the shares and each item's usable weight (its weight when
    /// uncapped; share over the uncapped rate when capped). With fewer items than replicas (or
    /// when every item ends capped) the rate is set by the smallest item, which each PG fills
    /// as fully as the others.
    static func waterFill(_ weights: [Double], replicas: Int) -> (shares: [Double], usable: [Double]) {
        var capped = Array(repeating: false, count: weights.count)
        var rate = 0.0
        while true {
            let open = weights.indices.filter { !capped[$0] && weights[$0] > 0 }
            let left = Double(replicas - capped.filter { $0 }.count)
            let openWeight = open.reduce(0.0) { $0 + weights[$1] }
            if open.isEmpty || left <= 0 || openWeight <= 0 {
                // Every domain holds a shard of every PG: the smallest one sets the pace.
                let smallest = weights.indices.filter { weights[$0] > 0 }.map { weights[$0] }.min() ?? 0
                rate = smallest > 0 ? 1 / smallest : 0
                break
            }
            rate = left / openWeight
            let over = open.filter { weights[$0] * rate > 1 }
            if over.isEmpty { break }
            for i in over { capped[i] = true }
        }
        var shares: [Double] = []
        var usable: [Double] = []
        for i in weights.indices {
            let share = weights[i] <= 0 ? 0 : capped[i] ? 1.0 : min(1.0, weights[i] * rate)
            shares.append(share)
            usable.append(weights[i] <= 0 ? 0 : capped[i] ? (rate > 0 ? min(weights[i], 1 / rate) : 0) : weights[i])
        }
        return (shares, usable)
    }
}
