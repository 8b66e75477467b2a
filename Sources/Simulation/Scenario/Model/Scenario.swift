public import CRUSH

/// A scenario: a fleet of hosts running Ceph and the collective's services, the workloads on
/// them, a timeline of events (failures, repairs, growth, assimilation of new hosts) and the
/// expectations that make the scenario a test. Read from YAML by `Scenario(yaml:file:)`; the
/// format is documented in `scenarios/README.md` and `scenarios/schema.json`.
///
/// A loaded scenario is consistent: every host, pool, class, disk and sensor it references
/// exists, every disk of the fleet has its OSD id, every pool its CRUSH rule, and `crushMap` is
/// the map the cluster starts with (generated from the fleet, or imported).
public struct Scenario: Sendable, Equatable {
    public var name: String
    public var description: String?
    /// Seeds everything random in a simulation: the same seed gives the same run.
    public var seed: UInt64
    public var fleet: Fleet
    public var ceph: CephSettings
    public var services: Services
    public var workloads: Workloads
    /// The events in file order (the engine runs them in (time, file order) order).
    public var timeline: [TimelineEvent]
    public var expectations: [Expectation]
    /// Sensor rules that turn messages into events (`TriggerFiring`).
    public var triggers: [SensorTrigger] = []
    /// Sensor messages the scenario itself lists (`readings:`), run through `triggers`.
    public var readings: [SensorMessage] = []
    /// The CRUSH map at time 0: generated from the fleet (root → rack → host → osd) or imported.
    public var crushMap: CrushMap
    /// What was worth saying about the file without stopping it from loading.
    public var warnings: [ScenarioDiagnostic]

    public init(
        name: String, description: String? = nil, seed: UInt64, fleet: Fleet, ceph: CephSettings,
        services: Services = Services(), workloads: Workloads = Workloads(),
        timeline: [TimelineEvent] = [], expectations: [Expectation] = [], crushMap: CrushMap,
        warnings: [ScenarioDiagnostic] = []
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.fleet = fleet
        self.ceph = ceph
        self.services = services
        self.workloads = workloads
        self.timeline = timeline
        self.expectations = expectations
        self.crushMap = crushMap
        self.warnings = warnings
    }
}
