/// The RAW STORAGE section of `ceph df` (`PGMapDigest::dump_cluster_stats`, src/mon/PGMap.cc):
/// the OSD stats summed per device class and in total. Out OSDs count as zero (their stats are
/// zeroed); an OSD without a device class is only in the total.
public struct RawStorage: Sendable, Equatable {
    /// One line: a class (or "TOTAL").
    public struct Line: Sendable, Equatable {
        public var name: String
        public var size: UInt64
        public var avail: UInt64
        /// USED (`get_used`: total − available − internally reserved; the reserve is not
        /// modelled, so it equals RAW USED here) and RAW USED (`total − available`).
        public var used: UInt64
        public var rawUsed: UInt64
        /// `get_used_raw_ratio`: `(float)raw_used / (float)total`, 0 when total is 0.
        public var rawUsedRatio: Float

        /// The %RAW USED column: `percentify(ratio × 100)`.
        public var rawUsedText: String { CapacityFormat.percentify(Float(Double(rawUsedRatio) * 100.0)) }
    }

    /// Per class, in class-name order (Ceph's `std::map<string, …>`).
    public let classes: [Line]
    public let total: Line

    public init(input: CapacityInput) {
        let stats = input.reportedStats()
        var byClass: [String: (total: UInt64, avail: UInt64)] = [:]
        var sum: (total: UInt64, avail: UInt64) = (0, 0)
        for (id, s) in stats.sorted(by: { $0.key < $1.key }) {
            sum.total &+= s.total
            sum.avail &+= s.available
            if let classID = input.crush.deviceClasses[id], let name = input.crush.classNames[classID] {
                var c = byClass[name] ?? (0, 0)
                c.total &+= s.total
                c.avail &+= s.available
                byClass[name] = c
            }
        }
        func line(_ name: String, _ v: (total: UInt64, avail: UInt64)) -> Line {
            let raw = v.total &- v.avail
            return Line(
                name: name, size: v.total, avail: v.avail, used: raw, rawUsed: raw,
                rawUsedRatio: v.total == 0 ? 0 : Float(raw) / Float(v.total))
        }
        self.classes = byClass.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            .map { line($0, byClass[$0]!) }
        self.total = line("TOTAL", sum)
    }
}
