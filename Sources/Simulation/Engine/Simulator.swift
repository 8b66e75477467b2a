internal import CRUSH
internal import Placement

/// The discrete-event simulator: runs a scenario's timeline against its Ceph cluster and
/// fleet, on one clock (milliseconds), with events in (time, sequence) order and one seeded
/// random source split per component. The same scenario and seed give the same result.
///
/// At each moment the engine applies everything scheduled for it (timeline events, the
/// monitors marking OSDs down or out, recovery progress), lets the monitors react (failure
/// detection, quorum), publishes at most one new OSD map, re-peers the PGs, hands out recovery
/// reservations, and reports a `SimulationStep`.
///
/// The Ceph model follows Pacific (16.2.15); its decisions and simplifications are written
/// down in scenarios/README.md ("How the simulator models Ceph").
public struct Simulator {
    public let scenario: Scenario
    public let seed: UInt64

    /// How long after the last timeline event the run may go on (recovery that never ends,
    /// e.g. a full cluster, stops here).
    public var horizon: Duration = .seconds(30 * 86_400)

    public init(scenario: Scenario, seed: UInt64? = nil) {
        self.scenario = scenario
        self.seed = seed ?? scenario.seed
    }

    /// Runs the scenario; `onStep` sees every step as it happens (also the ones the result
    /// leaves out).
    public func run(onStep: (SimulationStep) -> Void = { _ in }) -> SimulationResult {
        var run = SimulationRun(scenario: scenario, seed: seed, horizon: horizon.wholeMilliseconds)
        return run.run(onStep: onStep)
    }
}
