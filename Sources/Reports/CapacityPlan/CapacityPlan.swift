public import Placement
public import Simulation

/// The capacity figures of a scenario's cluster as it starts, computed once for every section
/// of the report: Ceph's own figures (`ceph df`'s pools and raw storage, `ceph osd df`, the PG
/// autoscaler, pgcalc) from the Placement module on `Scenario.capacityInput()`, and the growth
/// projection (`CapacityProjection`).
public struct CapacityPlan: Sendable {
    /// A pool with everything the report says about it.
    public struct PoolFigures: Sendable {
        public var spec: PoolSpec
        /// `ceph df`'s row.
        public var capacity: PoolCapacity
        /// The autoscaler's target (nil: the autoscaler skipped the pool).
        public var autoscalerPGs: Int?
        /// pgcalc's advice, from the pool's share of the raw data on its OSDs.
        public var pgCalc: PGCalcAdvice
        /// OSDs the pool's rule can place data on (weight fraction > 0).
        public var osds: [Int32]
        /// First day an OSD of the pool is nearfull / full, and which OSD.
        public var nearFull: (day: Int, osd: Int32)?
        public var full: (day: Int, osd: Int32)?
    }

    public let scenario: Scenario
    public let input: CapacityInput
    public let rawStorage: RawStorage
    public let utilization: OSDUtilization
    public let pools: [PoolFigures]
    public let autoscalerWarnings: [PGAutoscaler.Warning]
    /// Pools the autoscaler leaves alone because their rules' roots overlap.
    public let overlappingPools: [String]
    /// Why the autoscaler could not run, if it could not.
    public let autoscalerError: String?
    public let projection: CapacityProjection
    /// Host name and device class of each OSD of the fleet.
    public let hostOf: [Int32: String]
    public let classOf: [Int32: String]

    /// Ceph's target and limit of PG replicas per OSD (`mon_target_pg_per_osd`,
    /// `mon_max_pg_per_osd`, Pacific's defaults) and the hard limit an OSD refuses to peer
    /// beyond (`osd_max_pg_per_osd_hard_ratio` 3 × the limit).
    public static let targetPGsPerOSD = 100
    public static let maxPGsPerOSD = 250
    public static let hardPGsPerOSD = 750

    public init(scenario: Scenario) {
        self.scenario = scenario
        let input = scenario.capacityInput()
        self.input = input
        self.rawStorage = RawStorage(input: input)
        self.utilization = OSDUtilization(input: input)
        self.projection = CapacityProjection(scenario: scenario)
        var hostOf: [Int32: String] = [:]
        var classOf: [Int32: String] = [:]
        for host in scenario.fleet.hosts {
            for disk in host.disks {
                guard let osd = disk.osd else { continue }
                hostOf[osd] = host.name
                classOf[osd] = disk.deviceClass
            }
        }
        self.hostOf = hostOf
        self.classOf = classOf

        var autoscaler: PGAutoscaler?
        do {
            autoscaler = try PGAutoscaler(input: input, targetPGsPerOSD: Self.targetPGsPerOSD)
            self.autoscalerError = nil
        } catch {
            self.autoscalerError = error.description
        }
        self.autoscalerWarnings = autoscaler?.warnings ?? []
        self.overlappingPools = autoscaler?.overlappingPools ?? []

        let capacities = PoolCapacity.all(input)
        // pgcalc's %data: the pool's raw bytes among the raw bytes of the pools on the same OSDs.
        var rawByOSDSet: [[Int32]: Double] = [:]
        var osdsOf: [Int64: [Int32]] = [:]
        for capacity in capacities {
            let osds = capacity.availability.projections
                .filter { $0.skipped == nil && $0.fraction > 0 }.map(\.osd).sorted()
            osdsOf[capacity.poolID] = osds
            rawByOSDSet[osds, default: 0] += Double(capacity.stored) * Double(capacity.rawUsedRate)
        }
        var pools: [PoolFigures] = []
        for capacity in capacities {
            guard let spec = scenario.ceph.pools.first(where: { $0.id == capacity.poolID }) else { continue }
            let osds = osdsOf[capacity.poolID] ?? []
            let raw = Double(capacity.stored) * Double(capacity.rawUsedRate)
            let total = rawByOSDSet[osds] ?? 0
            let percent = total > 0 ? raw / total * 100 : 0
            let ids = Set(osds)
            pools.append(PoolFigures(
                spec: spec, capacity: capacity,
                autoscalerPGs: autoscaler?.target(pool: capacity.poolID)?.pgNumFinal,
                pgCalc: PGCalcAdvice(osds: osds.count, size: spec.size, dataPercent: percent, targetPGsPerOSD: Self.targetPGsPerOSD),
                osds: osds,
                nearFull: projection.firstDay(over: input.ratios.nearFull, among: ids),
                full: projection.firstDay(over: input.ratios.full, among: ids)))
        }
        self.pools = pools
    }

    /// PG replicas per OSD (what `ceph osd df` PGS lists) over the OSDs that are in.
    public var pgsPerOSD: (mean: Double, min: Int, max: Int) {
        let counts = input.osds.filter { $0.exists && $0.isIn }.map(\.pgCount)
        guard !counts.isEmpty else { return (0, 0, 0) }
        return (Double(counts.reduce(0, +)) / Double(counts.count), counts.min()!, counts.max()!)
    }

    /// The device classes of the fleet's OSDs, sorted.
    public var deviceClasses: [String] {
        Array(Set(classOf.values)).sorted()
    }
}
