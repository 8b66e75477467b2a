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

    /// Sensor messages received during the run (a recorded file, `SensorMessageLog`), run with
    /// the scenario's own `readings:` through its `triggers:`. The events they fire join the
    /// timeline; one whose message could not reach Home Assistant (broker or Home Assistant
    /// down, or cut off from each other, when it is due) does nothing, and the timeline says why.
    public var messages: [SensorMessage] = []

    public init(scenario: Scenario, seed: UInt64? = nil) {
        self.scenario = scenario
        self.seed = seed ?? scenario.seed
    }

    /// Runs the scenario; `onStep` sees every step as it happens (also the ones the result
    /// leaves out).
    public func run(onStep: (SimulationStep) -> Void = { _ in }) -> SimulationResult {
        let (timeline, triggered) = Self.timeline(scenario.timeline, with: scenario.sensorEvents(messages: messages))
        var merged = scenario
        merged.timeline = timeline
        var run = SimulationRun(scenario: merged, seed: seed, horizon: horizon.wholeMilliseconds)
        run.triggered = triggered
        return run.run(onStep: onStep)
    }

    /// The file's events and the triggers' in time order (the file's first at equal times), and
    /// the indices of the triggers' events.
    static func timeline(_ file: [TimelineEvent], with fired: [TimelineEvent]) -> ([TimelineEvent], Set<Int>) {
        guard !fired.isEmpty else { return (file, []) }
        let all = file.map { ($0, false) } + fired.map { ($0, true) }
        let ordered = all.enumerated().sorted { ($0.element.0.at, $0.offset) < ($1.element.0.at, $1.offset) }.map(\.element)
        return (ordered.map(\.0), Set(ordered.indices.filter { ordered[$0].1 }))
    }
}
