import CRUSH

/// What changes between two OSD maps: for every PG both place (same pool id, seed below both
/// pg_nums), which shards of its up set move from which OSD to which. In an erasure pool shard
/// i moves when position i changes; in a replicated pool the OSDs that leave the set are paired,
/// in order, with those that join it. Moves are summed into from→to matrices by OSD and by host
/// (a host as each map's CRUSH hierarchy places the OSD), with bytes when pool sizes are known.
public struct MapComparison: Sendable, Encodable {
    /// Shards (and bytes) moving from one OSD or host to another; `crushItemNone` (an empty
    /// position of an erasure PG) is named `none`.
    public struct Flow: Sendable, Equatable, Encodable {
        public var from: String
        public var to: String
        public var shards: Int
        public var bytes: Double?
    }

    /// PGs compared.
    public let pgs: Int
    /// PGs whose up set differs.
    public let pgsRemapped: Int
    /// Shards that move.
    public let shardsMoved: Int
    /// Bytes that move, when pool sizes are known for every pool with moves.
    public let bytesMoved: Double?
    /// PGs of pools only one map has, or above the smaller pg_num: not compared.
    public let pgsNotCompared: Int
    /// Ordered by from, then to (OSDs by id, hosts by name).
    public let byOSD: [Flow]
    public let byHost: [Flow]

    public init(before: OSDMap, after: OSDMap, pools only: Set<Int64>? = nil, storedBytes: [Int64: UInt64] = [:]) {
        let a = PlacementMapper(before)
        let b = PlacementMapper(after)
        let ancestryA = CrushAncestry(before.crush)
        let ancestryB = CrushAncestry(after.crush)
        var osdFlows: [Pair: (Int, Double?)] = [:]
        var hostFlows: [NamePair: (Int, Double?)] = [:]
        var pgs = 0, remapped = 0, moved = 0, notCompared = 0
        var bytesMoved: Double? = 0
        let ids = Set(before.pools.keys).union(after.pools.keys).filter { only?.contains($0) ?? true }.sorted()
        var ma = PGMapping(), mb = PGMapping()
        for id in ids {
            guard let pa = before.pools[id], let pb = after.pools[id] else {
                notCompared += Int(before.pools[id]?.pgNum ?? after.pools[id]?.pgNum ?? 0)
                continue
            }
            let common = min(pa.pgNum, pb.pgNum)
            notCompared += Int(max(pa.pgNum, pb.pgNum) - common)
            let shardBytes = storedBytes[id].map { pb.shardBytes(stored: $0) }
            for seed in 0..<common {
                let pg = PGID(pool: id, seed: seed)
                a.map(pg, into: &ma)
                b.map(pg, into: &mb)
                pgs += 1
                let pairs = Self.moves(ma.up, mb.up, positional: !pb.canShiftOSDs)
                if pairs.isEmpty { continue }
                remapped += 1
                moved += pairs.count
                if shardBytes == nil { bytesMoved = nil }
                for (from, to) in pairs {
                    let key = Pair(from: from, to: to)
                    let old = osdFlows[key] ?? (0, 0)
                    osdFlows[key] = (old.0 + 1, shardBytes.map { (old.1 ?? 0) + $0 })
                    let hostKey = NamePair(
                        from: Self.hostName(from, ancestryA), to: Self.hostName(to, ancestryB))
                    let oldHost = hostFlows[hostKey] ?? (0, 0)
                    hostFlows[hostKey] = (oldHost.0 + 1, shardBytes.map { (oldHost.1 ?? 0) + $0 })
                }
                if let shardBytes, let sum = bytesMoved { bytesMoved = sum + shardBytes * Double(pairs.count) }
            }
        }
        self.pgs = pgs
        self.pgsRemapped = remapped
        self.shardsMoved = moved
        self.bytesMoved = bytesMoved
        self.pgsNotCompared = notCompared
        byOSD = osdFlows.keys.sorted().map { key in
            Flow(from: Self.osdName(key.from), to: Self.osdName(key.to), shards: osdFlows[key]!.0, bytes: osdFlows[key]!.1)
        }
        byHost = hostFlows.keys.sorted().map { key in
            Flow(from: key.from, to: key.to, shards: hostFlows[key]!.0, bytes: hostFlows[key]!.1)
        }
    }

    /// The (from, to) shard moves between up sets `a` and `b`.
    static func moves(_ a: [Int32], _ b: [Int32], positional: Bool) -> [(Int32, Int32)] {
        if positional {
            var pairs: [(Int32, Int32)] = []
            for i in 0..<max(a.count, b.count) {
                let x = i < a.count ? a[i] : crushItemNone
                let y = i < b.count ? b[i] : crushItemNone
                if x != y && y != crushItemNone { pairs.append((x, y)) }
            }
            return pairs
        }
        let leaving = a.filter { !b.contains($0) }
        let joining = b.filter { !a.contains($0) }
        return joining.enumerated().map { i, to in (i < leaving.count ? leaving[i] : crushItemNone, to) }
    }

    private struct Pair: Hashable, Comparable {
        var from: Int32
        var to: Int32
        static func < (x: Pair, y: Pair) -> Bool { (x.from, x.to) < (y.from, y.to) }
    }

    private struct NamePair: Hashable, Comparable {
        var from: String
        var to: String
        static func < (x: NamePair, y: NamePair) -> Bool { (x.from, x.to) < (y.from, y.to) }
    }

    static func osdName(_ osd: Int32) -> String { osd == crushItemNone ? "none" : "osd.\(osd)" }

    static func hostName(_ osd: Int32, _ ancestry: CrushAncestry) -> String {
        guard osd != crushItemNone else { return "none" }
        guard let host = ancestry.crush.typeID(named: "host"), let bucket = ancestry.ancestor(of: osd, type: host) else {
            return "osd.\(osd)"
        }
        return ancestry.name(of: bucket)
    }
}
