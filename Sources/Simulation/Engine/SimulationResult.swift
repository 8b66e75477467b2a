/// The outcome of a run: the steps worth telling (every timeline event and every moment the
/// story changes: OSDs marked down/out/up/in, health or quorum changing, PGs going inactive or
/// lost, recovery starting or finishing), a summary per timeline event, and the
/// expectations' verdicts.
public struct SimulationResult: Sendable, Equatable {
    public var scenario: String
    public var seed: UInt64
    public var steps: [SimulationStep]
    public var incidents: [Incident]
    public var expectations: [ExpectationOutcome]
    /// The state when nothing was left to happen.
    public var final: CephStatus
    public var endTime: Duration
    /// The most PGs inactive at once over the run.
    public var worstInactivePGs: Int
    /// Whether any PG lost every copy.
    public var dataLost: Bool
    /// What happened to the VMs and pods (`Scenario.failover` fed with the run's connectivity,
    /// inactive pools and removed hosts), in time order; empty without workloads.
    public var workloadEvents: [FailoverEvent] = []
    /// The single points of failure (`ServiceLayout.singlePointsOfFailure`) the run exercised:
    /// the service went down while that host was down or cut off.
    public var singlePointsExercised: [SinglePointOfFailure] = []

    public var passed: Bool { expectations.allSatisfy(\.passed) }
}

/// What one timeline event did, from it to the next event (or the end of the run).
public struct Incident: Sendable, Equatable {
    public var index: Int
    public var event: TimelineEvent
    /// When the window ends: the next event, or the end of the run.
    public var end: Duration
    public var worstDegradedPGs: Int
    public var worstUndersizedPGs: Int
    public var worstInactivePGs: Int
    /// PGs that lost every copy by the end of the window.
    public var lostPGs: Int
    public var peakDegradedBytes: UInt64
    /// Recovery and backfill bytes written in the window.
    public var bytesMoved: UInt64
    public var osdsMarkedDown: Int
    public var osdsMarkedOut: Int
    public var monQuorumLost: Bool
    /// Worst health in the window.
    public var worstHealth: HealthStatus
    /// From the event until every PG is active+clean again (nil: not within the window).
    public var activeCleanAfter: Duration?
    /// From the event until HEALTH_OK (nil: not within the window).
    public var healthOKAfter: Duration?
    /// Services that stopped in the window, and for how long.
    public var servicesLost: [ServiceLoss] = []
    /// Services that went from up to degraded in the window (a member lost, clients cut off).
    public var servicesDegraded: [CollectiveService] = []
    /// VMs and pods stopped, restarted and left waiting.
    public var workloads = WorkloadImpact()
}

/// An expectation and whether the run met it.
public struct ExpectationOutcome: Sendable, Equatable {
    public var expectation: Expectation
    public var passed: Bool
    /// What was observed: `at most 0 PGs inactive`, `HEALTH_OK 1h12m after the last event`.
    public var detail: String
}
