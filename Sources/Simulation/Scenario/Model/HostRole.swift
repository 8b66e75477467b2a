/// What a host is in the collective: the one strong **Queen** that runs the control planes,
/// a **Drone** worker contributing compute and storage, or an **Edge** node (a Raspberry Pi
/// with sensors, tainted against general workloads).
public enum HostRole: String, Sendable, CaseIterable {
    case queen
    case drone
    case edge
}
