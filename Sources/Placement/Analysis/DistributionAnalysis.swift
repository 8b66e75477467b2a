import CRUSH

/// How PGs (shards and primaries) and bytes spread over OSDs, hosts and failure domains,
/// against what the CRUSH weights promise. An OSD is promised, in each pool, the share of the
/// pool's `pg_num × size` shards that its weight in the pool's rule (crush weight times
/// reweight, `PoolPlacement.Device.weight`) has among all the OSDs the rule reaches; and the
/// same after cropping (`CroppedWeights`), which is what a size-N pool can actually give it.
/// Bytes follow from each pool's stored bytes when known: each shard holds
/// `Pool.shardBytes(stored:)`.
public struct DistributionAnalysis: Sendable, Encodable {
    /// One OSD, host or failure domain.
    public struct Row: Sendable, Equatable, Encodable {
        public var id: Int32
        public var name: String
        /// The crush weight the analysed pools' rules reach it with (largest over pools).
        public var crushWeight: Double
        /// PG shards on it (up sets).
        public var shards: Int
        /// PGs it is the up primary of (after primary affinity).
        public var primaries: Int
        /// Shards its weight promises.
        public var expected: Double
        /// Shards its usable (cropped) weight promises.
        public var expectedCropped: Double
        /// Bytes its shards hold, when pool sizes are known.
        public var bytes: Double?
        public var expectedBytes: Double?

        /// `shards - expectedCropped`: how far it is from what it can get.
        public var deviation: Double { Double(shards) - expectedCropped }
    }

    /// One pool in the analysis.
    public struct PoolSummary: Sendable, Equatable, Encodable {
        public var id: Int64
        public var name: String
        public var size: Int
        public var pgNum: Int
        public var storedBytes: UInt64?
        /// The rule's failure domain type, nil without a rule.
        public var failureDomain: String?
        /// The cropped weights over that failure domain.
        public var cropped: CroppedWeights?
    }

    /// Rows of one kind of bucket (`host`, or a pool's failure domain type).
    public struct Group: Sendable, Equatable, Encodable {
        public var type: String
        public var rows: [Row]
    }

    public let pools: [PoolSummary]
    /// Every OSD some analysed pool's rule reaches or places a shard on, ascending.
    public let osds: [Row]
    /// Hosts, then each other failure domain type of the pools, rows ascending by name.
    public let groups: [Group]

    /// Analyses `placements` (from `PoolPlacement.all`) of `map`; `storedBytes` by pool id.
    public init(map: OSDMap, placements: [PoolPlacement], storedBytes: [Int64: UInt64] = [:]) {
        let ancestry = CrushAncestry(map.crush)
        var rows: [Int32: Row] = [:]
        func touch(_ osd: Int32) {
            if rows[osd] == nil {
                rows[osd] = Row(
                    id: osd, name: ancestry.name(of: osd), crushWeight: 0, shards: 0, primaries: 0, expected: 0,
                    expectedCropped: 0, bytes: nil, expectedBytes: nil)
            }
        }
        var summaries: [PoolSummary] = []
        var domainTypes: [Int32] = []
        for placement in placements {
            let stored = storedBytes[placement.pool.id]
            let shardBytes = stored.map { placement.pool.shardBytes(stored: $0) }
            let cropped = CroppedWeights(placement, crush: map.crush)
            summaries.append(PoolSummary(
                id: placement.pool.id, name: placement.pool.name, size: Int(placement.pool.size),
                pgNum: Int(placement.pool.pgNum), storedBytes: stored, failureDomain: cropped?.domainType,
                cropped: cropped))
            if let type = placement.failureDomain?.type, !domainTypes.contains(type) { domainTypes.append(type) }
            let total = placement.devices.reduce(0.0) { $0 + $1.weight }
            let usableTotal = cropped?.devices.reduce(0.0) { $0 + $1.usableWeight } ?? 0
            let shards = Double(placement.shards)
            for (i, device) in placement.devices.enumerated() {
                touch(device.osd)
                rows[device.osd]!.crushWeight = max(rows[device.osd]!.crushWeight, device.crushWeight)
                let expected = total > 0 ? shards * device.weight / total : 0
                rows[device.osd]!.expected += expected
                if let cropped, usableTotal > 0 {
                    rows[device.osd]!.expectedCropped += shards * cropped.devices[i].usableWeight / usableTotal
                }
                if let shardBytes { rows[device.osd]!.expectedBytes = (rows[device.osd]!.expectedBytes ?? 0) + expected * shardBytes }
            }
            for (up, primary) in zip(placement.up, placement.upPrimary) {
                for osd in up where osd != crushItemNone && osd >= 0 {
                    touch(osd)
                    rows[osd]!.shards += 1
                    if let shardBytes { rows[osd]!.bytes = (rows[osd]!.bytes ?? 0) + shardBytes }
                }
                if primary >= 0 {
                    touch(primary)
                    rows[primary]!.primaries += 1
                }
            }
        }
        self.pools = summaries
        let osds = rows.keys.sorted().map { rows[$0]! }
        self.osds = osds
        var groupTypes: [Int32] = []
        if let host = map.crush.typeID(named: "host") { groupTypes.append(host) }
        for type in domainTypes where type != 0 && !groupTypes.contains(type) { groupTypes.append(type) }
        self.groups = groupTypes.map { type in
            var grouped: [Int32: Row] = [:]
            for row in osds {
                guard let bucket = ancestry.ancestor(of: row.id, type: type) else { continue }
                var g = grouped[bucket] ?? Row(
                    id: bucket, name: ancestry.name(of: bucket), crushWeight: 0, shards: 0, primaries: 0, expected: 0,
                    expectedCropped: 0, bytes: nil, expectedBytes: nil)
                g.crushWeight += row.crushWeight
                g.shards += row.shards
                g.primaries += row.primaries
                g.expected += row.expected
                g.expectedCropped += row.expectedCropped
                if let b = row.bytes { g.bytes = (g.bytes ?? 0) + b }
                if let b = row.expectedBytes { g.expectedBytes = (g.expectedBytes ?? 0) + b }
                grouped[bucket] = g
            }
            return Group(type: ancestry.typeName(type), rows: grouped.values.sorted { $0.name < $1.name })
        }
    }
}
