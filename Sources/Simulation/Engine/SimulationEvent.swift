/// One thing the engine does at a moment of simulated time: a timeline event from the file, or
/// one the cluster schedules for itself (the monitors marking an OSD down or out, recovery
/// reaching its next completion). Ordered by (time, sequence): events at the same millisecond
/// run in the order they were scheduled, so a run is deterministic.
struct SimulationEvent: Comparable {
    /// Milliseconds since the start.
    var time: Int64
    /// Scheduling order, unique per run.
    var sequence: UInt64
    var kind: Kind

    enum Kind {
        /// The timeline's event at this index.
        case timeline(Int)
        /// The monitors mark the OSD down (its heartbeat grace ran out) unless it is back.
        case markDown(osd: Int32)
        /// The monitors mark the OSD out (down for `mon_osd_down_out_interval`) unless it is up.
        case markOut(osd: Int32)
        /// Recovery and backfill progress up to now; `generation` drops superseded wake-ups.
        case recovery(generation: UInt64)
    }

    static func < (a: SimulationEvent, b: SimulationEvent) -> Bool {
        (a.time, a.sequence) < (b.time, b.sequence)
    }

    static func == (a: SimulationEvent, b: SimulationEvent) -> Bool {
        a.time == b.time && a.sequence == b.sequence
    }
}
