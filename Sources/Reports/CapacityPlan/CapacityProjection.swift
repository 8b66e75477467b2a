public import Placement
public import Simulation

/// When OSDs cross the nearfull and full ratios as the pools grow at the scenario's daily rates,
/// projected for the whole cluster at once: every pool's growth lands on the OSDs its PGs map
/// to, so an OSD shared by several pools fills at their summed rate, and a pool's MAX AVAIL
/// shrinks as its neighbours grow.
///
/// The model is linear. Day 0 is `ScenarioCapacity` of the scenario (each OSD's used bytes from
/// its disk's fill and its share of the pools' PGs); each OSD's daily growth is the same
/// computation with every pool storing one day of growth and no fill. An OSD's used bytes on
/// day `d` are `used + d × growth`. Nothing is rebalanced and the PG mapping does not change
/// (no failures, no new OSDs). The first day an OSD is over a ratio is solved in closed form,
/// `⌊(ratio × size − used) / growth⌋ + 1`, then checked against Ceph's own test
/// (`(float)used / (float)size > ratio`, as `OSDFullness`), so it is the first whole day on
/// which the OSD would report that state.
public struct CapacityProjection: Sendable, Equatable {
    /// One OSD's size, day-0 usage and daily growth, in raw bytes.
    public struct OSDTrend: Sendable, Equatable {
        public var osd: Int32
        public var deviceClass: String
        public var sizeBytes: UInt64
        public var usedBytes: UInt64
        public var growthPerDay: UInt64

        public init(osd: Int32, deviceClass: String, sizeBytes: UInt64, usedBytes: UInt64, growthPerDay: UInt64) {
            self.osd = osd
            self.deviceClass = deviceClass
            self.sizeBytes = sizeBytes
            self.usedBytes = usedBytes
            self.growthPerDay = growthPerDay
        }

        /// Used bytes on `day` (saturating).
        public func used(onDay day: Int) -> UInt64 {
            let (grown, overflow) = growthPerDay.multipliedReportingOverflow(by: UInt64(max(day, 0)))
            let (sum, overflow2) = usedBytes.addingReportingOverflow(grown)
            return overflow || overflow2 ? UInt64.max : sum
        }

        /// Used share of the size on `day`, 0…1 (not capped).
        public func usedRatio(onDay day: Int) -> Double {
            sizeBytes == 0 ? 0 : Double(used(onDay: day)) / Double(sizeBytes)
        }

        /// The first day on which the OSD is over `ratio`; nil if it never is within
        /// `CapacityProjection.maxDays`.
        public func firstDay(over ratio: Float) -> Int? {
            CapacityProjection.firstDay(used: usedBytes, size: sizeBytes, growthPerDay: growthPerDay, ratio: ratio)
        }
    }

    /// Days beyond this (a century) count as never.
    public static let maxDays = 36_500

    /// By OSD id.
    public let osds: [OSDTrend]
    public let ratios: FullRatios

    public init(osds: [OSDTrend], ratios: FullRatios) {
        self.osds = osds.sorted { $0.osd < $1.osd }
        self.ratios = ratios
    }

    /// The projection of `scenario`'s cluster as it starts (its initial OSD map).
    public init(scenario: Scenario) {
        let map = scenario.initialOSDMap()
        let disks = scenario.disksByOSD
        let today = ScenarioCapacity.input(
            map: map, diskOf: disks,
            stored: Dictionary(uniqueKeysWithValues: scenario.ceph.pools.map { ($0.id, $0.stored.bytes) }),
            ratios: scenario.fullRatios)
        let oneDay = ScenarioCapacity.input(
            map: map, diskOf: disks.mapValues { var d = $0; d.fill = 0; return d },
            stored: Dictionary(uniqueKeysWithValues: scenario.ceph.pools.map { ($0.id, $0.growthPerDay.bytes) }),
            ratios: scenario.fullRatios)
        var growth: [Int32: UInt64] = [:]
        for osd in oneDay.osds { growth[osd.id] = osd.usedRawBytes }
        self.init(
            osds: today.osds.map { osd in
                OSDTrend(
                    osd: osd.id, deviceClass: disks[osd.id]?.deviceClass ?? "",
                    sizeBytes: osd.totalBytes, usedBytes: osd.usedRawBytes, growthPerDay: growth[osd.id] ?? 0)
            },
            ratios: scenario.fullRatios)
    }

    /// The first whole day `d ≥ 0` on which `(float)(used + d × growth) / (float)size > ratio`;
    /// nil when that never happens within `maxDays` (no growth, or an empty device).
    public static func firstDay(used: UInt64, size: UInt64, growthPerDay: UInt64, ratio: Float) -> Int? {
        guard size > 0 else { return nil }
        let trend = OSDTrend(osd: 0, deviceClass: "", sizeBytes: size, usedBytes: used, growthPerDay: growthPerDay)
        func over(_ day: Int) -> Bool { Float(trend.used(onDay: day)) / Float(size) > ratio }
        if over(0) { return 0 }
        guard growthPerDay > 0 else { return nil }
        let gap = Double(ratio) * Double(size) - Double(used)
        let estimate = (gap / Double(growthPerDay)).rounded(.down) + 1
        guard estimate <= Double(maxDays) else { return nil }
        var day = max(1, Int(estimate))
        while day > 1 && over(day - 1) { day -= 1 }
        while !over(day) {
            day += 1
            if day > maxDays { return nil }
        }
        return day
    }

    /// The first day one of `osds` is over `ratio`, and that OSD (the lowest id on a tie);
    /// nil if none ever is.
    public func firstDay(over ratio: Float, among ids: Set<Int32>) -> (day: Int, osd: Int32)? {
        var best: (day: Int, osd: Int32)?
        for trend in osds where ids.contains(trend.osd) {
            guard let day = trend.firstDay(over: ratio) else { continue }
            if best == nil || day < best!.day { best = (day, trend.osd) }
        }
        return best
    }
}
