public import Placement
public import Simulation

/// The Ceph cluster as Home Assistant entities: what the capacity model computes from a
/// `CapacityInput` (the same figures `ceph df` and `ceph osd df` print), as a list so that
/// later figures (health, N+1, SPOFs) are more entries of the same kind.
///
/// | object id | value |
/// | --- | --- |
/// | `hosts` | hosts in the fleet |
/// | `osds`, `osds_up`, `osds_in` | OSDs that exist, are up, are in |
/// | `pgs_per_osd` | PG replicas per in OSD (osdmaptool's integer `avg`) |
/// | `raw_size`, `raw_used`, `raw_avail` | `ceph df` RAW STORAGE TOTAL: SIZE, RAW USED, AVAIL (bytes) |
/// | `raw_used_percent` | %RAW USED |
/// | `osd_nearfull` | binary: some OSD is nearfull or fuller (`OSDFullness`) |
/// | `pool_<name>_stored`, `_percent_used`, `_max_avail` | `ceph df` POOLS: STORED, %USED, MAX AVAIL |
/// | `spofs`, `n_plus_one` | a scenario's verdicts (see `scenario(_:)`) |
/// | `health` | a running cluster's `HEALTH_OK`, `HEALTH_WARN`, `HEALTH_ERR` (see `health(_:pgStates:)`) |
/// | `pgs`, `pgs_inactive`, `pgs_<state>` | PGs, PGs not active, PGs per state (`active_clean`, …) |
public enum ClusterEntities {
    /// The entities for a cluster with this capacity input and this many hosts.
    public static func capacity(_ input: CapacityInput, hosts: Int) -> [Entity] {
        let osds = input.osds.filter(\.exists)
        let raw = RawStorage(input: input).total
        let pgCounts = PGCountStatistics(counts: osds.filter(\.isIn).map(\.pgCount))
        let nearFull = osds.contains { OSDFullness(osd: $0, ratios: input.ratios) != .none }
        var entities: [Entity] = [
            .sensor("hosts", name: "Hosts", value: String(hosts), icon: "mdi:server"),
            .sensor("osds", name: "OSDs", value: String(osds.count), icon: "mdi:harddisk"),
            .sensor("osds_up", name: "OSDs up", value: String(osds.filter(\.isUp).count), icon: "mdi:harddisk"),
            .sensor("osds_in", name: "OSDs in", value: String(osds.filter(\.isIn).count), icon: "mdi:harddisk"),
            .sensor("pgs_per_osd", name: "PGs per OSD", value: String(pgCounts.average), icon: "mdi:chart-bar"),
            .bytes("raw_size", name: "Raw size", raw.size),
            .bytes("raw_used", name: "Raw used", raw.rawUsed),
            .bytes("raw_avail", name: "Raw available", raw.avail),
            .sensor("raw_used_percent", name: "Raw used %", value: raw.rawUsedText, unit: "%", icon: "mdi:database"),
            .binarySensor("osd_nearfull", name: "OSD near full", isOn: nearFull, deviceClass: "problem"),
        ]
        var taken = Set(entities.map(\.objectID))
        for pool in input.pools.sorted(by: { $0.id < $1.id }) {
            let capacity = PoolCapacity(pool: pool, input: input)
            var key = "pool_" + ObjectID.sanitized(pool.name)
            if taken.contains(key + "_stored") { key += "_" + String(pool.id) }
            taken.formUnion([key + "_stored", key + "_percent_used", key + "_max_avail"])
            entities.append(.bytes(key + "_stored", name: "Pool \(pool.name) stored", capacity.stored))
            entities.append(.sensor(key + "_percent_used", name: "Pool \(pool.name) used %", value: capacity.percentUsedText, unit: "%", icon: "mdi:database"))
            entities.append(.bytes(key + "_max_avail", name: "Pool \(pool.name) max available", capacity.maxAvail))
        }
        return entities
    }

    /// The entities of a scenario's cluster at time 0: the capacity figures, then the
    /// simulator's verdicts: `spofs` (single points of failure among the services,
    /// `ServiceLayout`) and the binary `n_plus_one` (a problem when everything does not fit
    /// after losing the largest host, `Scenario.nPlusOne`; absent without a guest host).
    public static func scenario(_ scenario: Scenario) -> [Entity] {
        var entities = capacity(scenario.capacityInput(), hosts: scenario.fleet.hosts.count)
        let spofs = ServiceLayout(scenario).singlePointsOfFailure()
        entities.append(.sensor("spofs", name: "Single points of failure", value: String(spofs.count), icon: "mdi:alert"))
        if let check = scenario.nPlusOne() {
            entities.append(.binarySensor("n_plus_one", name: "N+1 capacity", isOn: !check.passes, deviceClass: "problem"))
        }
        return entities
    }

    /// A running cluster's health (`ceph health`) and PG state counts (`ceph status` pgmap, state
    /// name → PGs): `health`, `pgs`, `pgs_inactive` (PGs without `active`, Ceph's
    /// PG_AVAILABILITY), then one `pgs_<state>` per state, sorted by state name.
    public static func health(_ health: String, pgStates: [String: Int]) -> [Entity] {
        let total = pgStates.values.reduce(0, +)
        let inactive = pgStates.filter { !$0.key.split(separator: "+").contains("active") }.values.reduce(0, +)
        var entities: [Entity] = [
            // Text, not a measurement: no state class.
            Entity(component: .sensor, objectID: "health", name: "Health", value: health, icon: "mdi:heart-pulse"),
            .sensor("pgs", name: "PGs", value: String(total), icon: "mdi:chart-bar"),
            .sensor("pgs_inactive", name: "PGs inactive", value: String(inactive), icon: "mdi:alert"),
        ]
        for state in pgStates.keys.sorted() {
            entities.append(.sensor(
                "pgs_" + ObjectID.sanitized(state), name: "PGs \(state)", value: String(pgStates[state]!), icon: "mdi:chart-bar"))
        }
        return entities
    }
}
