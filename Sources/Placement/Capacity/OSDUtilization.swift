import CRUSH

/// The figures of `ceph osd df` as Ceph 16.2.15 computes them (`OSDUtilizationDumper` in
/// src/osd/OSDMap.cc):
///
/// - per OSD: SIZE, RAW USE and AVAIL are the stats in KiB (`total >> 10`,
///   `(total − available) >> 10`, `available >> 10`) shown in bytes; an out OSD shows zeros
///   (its stats are zeroed, and the dumper zeroes any out OSD);
///   %USE = `100 × kb_used / kb` in `double` (0 when either is 0);
///   VAR = %USE / average utilization (1.0 when the average is 0);
/// - the average utilization sums `kb_used` and `kb` over OSDs that exist and are in
///   (reweight ≠ 0): `100 × Σkb_used / Σkb`, so it is weighted by device size;
/// - MIN/MAX VAR range over OSDs with reweight > 0 (−1, printed "-", when there are none);
/// - STDDEV = `sqrt(Σ reweight × (util − avg)² / Σ reweight)` over OSDs with reweight > 0: the
///   deviation of %USE, weighted by the reweight, not by size;
/// - TOTAL sums every OSD's stats (out OSDs count as zero).
///
/// Ceph visits OSDs in crush-tree order, then those missing from the tree; the sums of the
/// standard deviation follow the order of `input.osds`, so pass them in `ceph osd df` order for
/// results identical to the last bit (any order gives the same two printed decimals).
public struct OSDUtilization: Sendable, Equatable {
    /// One OSD line.
    public struct Row: Sendable, Equatable {
        public var osd: Int32
        /// CLASS and WEIGHT: the device class and crush weight from the crush map.
        public var deviceClass: String
        public var crushWeight: Float
        public var reweight: Float
        /// SIZE, RAW USE, DATA, OMAP, META and AVAIL in bytes (each a KiB count × 1024).
        public var sizeBytes: UInt64
        public var rawUseBytes: UInt64
        public var dataBytes: UInt64
        public var omapBytes: UInt64
        public var metaBytes: UInt64
        public var availBytes: UInt64
        /// %USE (0…100) and VAR.
        public var utilization: Double
        public var variance: Double
        public var pgs: Int
        public var isUp: Bool
        /// What the OSD would report about its fullness (see `OSDFullness`).
        public var fullness: OSDFullness

        public var utilizationText: String { CapacityFormat.lowPrecision(utilization) }
        public var varianceText: String { CapacityFormat.lowPrecision(variance) }
    }

    public let rows: [Row]
    /// The TOTAL line: SIZE, RAW USE, DATA, OMAP, META, AVAIL in bytes.
    public let totalSize: UInt64
    public let totalRawUse: UInt64
    public let totalData: UInt64
    public let totalOmap: UInt64
    public let totalMeta: UInt64
    public let totalAvail: UInt64
    /// The TOTAL line's %USE: the average utilization.
    public let averageUtilization: Double
    /// −1 when no OSD with reweight > 0 was listed.
    public let minVariance: Double
    public let maxVariance: Double
    public let standardDeviation: Double

    /// `MIN/MAX VAR: <min>/<max>  STDDEV: <dev>`, the line under the table.
    public var summaryLine: String {
        "MIN/MAX VAR: \(CapacityFormat.lowPrecision(minVariance))/\(CapacityFormat.lowPrecision(maxVariance))"
            + "  STDDEV: \(CapacityFormat.lowPrecision(standardDeviation))"
    }

    /// The figures for every existing OSD of `input`, or only for the OSDs in `only` (as
    /// `ceph osd df <class|bucket>` filters: the average, the extremes and TOTAL then cover the
    /// listed OSDs only).
    public init(input: CapacityInput, only: Set<Int32>? = nil) {
        let stats = input.reportedStats()
        func listed(_ id: Int32) -> Bool { only?.contains(id) ?? true }

        // average_utilization(): existing OSDs that are in, by id.
        var kbSum: Int64 = 0
        var kbUsedSum: Int64 = 0
        var counted = Set<Int32>()
        for osd in input.osds.sorted(by: { $0.id < $1.id }) where osd.exists && osd.reweight != 0 && listed(osd.id) {
            guard counted.insert(osd.id).inserted, let s = stats[osd.id] else { continue }
            kbSum &+= Int64(s.kb)
            kbUsedSum &+= Int64(s.kbUsedRaw)
        }
        let average = kbSum > 0 ? 100.0 * Double(kbUsedSum) / Double(kbSum) : 0
        self.averageUtilization = average

        var rows: [Row] = []
        var dumped = Set<Int32>()
        var minVar = -1.0
        var maxVar = -1.0
        var deviation = 0.0
        var weightSum = 0.0
        var total = OSDStatFS(total: 0, available: 0, allocated: 0, omap: 0, meta: 0)
        for osd in input.osds where osd.exists && listed(osd.id) {
            guard dumped.insert(osd.id).inserted else { continue }
            let reweight = osd.reweightF
            let s: OSDStatFS? = osd.isIn ? stats[osd.id] : nil
            let kb = s?.kb ?? 0
            let kbUsed = s?.kbUsedRaw ?? 0
            var util = 0.0
            if kbUsed != 0 && kb != 0 { util = 100.0 * Double(kbUsed) / Double(kb) }
            let variance = average != 0 ? util / average : 1.0
            let crushWeight = osd.crushWeight ?? Self.crushWeight(of: osd.id, in: input.crush)
            let deviceClass = input.crush.deviceClasses[osd.id].flatMap { input.crush.classNames[$0] } ?? ""
            rows.append(Row(
                osd: osd.id, deviceClass: deviceClass, crushWeight: Float(crushWeight) / Float(0x10000),
                reweight: reweight,
                sizeBytes: kb << 10, rawUseBytes: kbUsed << 10,
                dataBytes: ((s?.allocated ?? 0) >> 10) << 10, omapBytes: ((s?.omap ?? 0) >> 10) << 10,
                metaBytes: ((s?.meta ?? 0) >> 10) << 10, availBytes: ((s?.kbAvail ?? 0)) << 10,
                utilization: util, variance: variance, pgs: osd.pgCount, isUp: osd.isUp,
                fullness: OSDFullness(osd: osd, ratios: input.ratios)))
            if reweight > 0 {
                if minVar < 0 || variance < minVar { minVar = variance }
                if maxVar < 0 || variance > maxVar { maxVar = variance }
                var dev = util - average
                dev *= dev
                deviation += Double(reweight) * dev
                weightSum += Double(reweight)
            }
            if let all = stats[osd.id] {
                total.total &+= all.total
                total.available &+= all.available
                total.allocated &+= all.allocated
                total.omap &+= all.omap
                total.meta &+= all.meta
            }
        }
        self.rows = rows
        self.minVariance = minVar
        self.maxVariance = maxVar
        self.standardDeviation = weightSum > 0 ? (deviation / weightSum).squareRoot() : 0
        self.totalSize = total.total
        self.totalRawUse = total.usedRaw
        self.totalData = total.allocated
        self.totalOmap = total.omap
        self.totalMeta = total.meta
        self.totalAvail = total.available
    }

    /// The weight of `osd` in the first bucket (by position in the map, shadow buckets
    /// excepted) that lists it; 0 if none does (a "stray" OSD).
    static func crushWeight(of osd: Int32, in crush: CrushMap) -> UInt32 {
        for bucket in crush.buckets {
            guard let bucket, !crush.isShadow(bucket.id) else { continue }
            if let position = bucket.items.firstIndex(of: osd) {
                return RuleOSDWeights.bucketItemWeight(bucket, position)
            }
        }
        return 0
    }

    /// The plain `ceph osd df` output (not the tree form): the table, with its TOTAL line, then
    /// `MIN/MAX VAR: …  STDDEV: …`. Rows follow `input.osds`.
    public var text: String {
        var table = TextTable()
        for heading in ["ID", "CLASS", "WEIGHT", "REWEIGHT", "SIZE", "RAW USE", "DATA", "OMAP", "META", "AVAIL",
            "%USE", "VAR", "PGS", "STATUS"]
        {
            table.defineColumn(heading, heading: .left, cells: .right)
        }
        for row in rows {
            table.appendRow([
                "\(row.osd)", row.deviceClass, CapacityFormat.weight(row.crushWeight), CapacityFormat.weight(row.reweight),
                CapacityFormat.bytes(row.sizeBytes), CapacityFormat.bytes(row.rawUseBytes), CapacityFormat.bytes(row.dataBytes),
                CapacityFormat.bytes(row.omapBytes), CapacityFormat.bytes(row.metaBytes), CapacityFormat.bytes(row.availBytes),
                row.utilizationText, row.varianceText, "\(row.pgs)", row.isUp ? "up" : "down",
            ])
        }
        table.appendRow([
            "", "", "", "TOTAL", CapacityFormat.bytes(totalSize), CapacityFormat.bytes(totalRawUse),
            CapacityFormat.bytes(totalData), CapacityFormat.bytes(totalOmap), CapacityFormat.bytes(totalMeta),
            CapacityFormat.bytes(totalAvail), CapacityFormat.lowPrecision(averageUtilization), "",
        ])
        return table.rendered() + summaryLine + "\n"
    }
}
