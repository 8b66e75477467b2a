public import CRUSH

/// Where a scenario's CRUSH map comes from.
public enum CrushSource: Sendable, Equatable {
    /// Built from the fleet (root `default` → rack → host → osd, straw2, Ceph's 12 default
    /// types) with these tunables, and a rule per pool.
    case generated(tunables: Tunables)
    /// Read from this file (binary, crushtool text or JSON dump), as given in the scenario
    /// (relative paths are relative to the scenario file).
    case imported(path: String)
}
