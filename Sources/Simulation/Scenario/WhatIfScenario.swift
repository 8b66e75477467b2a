extension Scenario {
    /// The same fleet, Ceph cluster, services and workloads with `timeline` in place of the
    /// file's events and no expectations (they were written for the file's timeline): the input
    /// of a what-if run ("this host fails at time 0 and stays down").
    public func withTimeline(_ timeline: [TimelineEvent]) -> Scenario {
        var copy = self
        copy.timeline = timeline
        copy.expectations = []
        return copy
    }
}
