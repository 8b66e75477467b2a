/// `ceph health`: the overall status and the checks that raise it, with Ceph's check names
/// (`OSD_DOWN`, `PG_DEGRADED`, `PG_AVAILABILITY`, `MON_DOWN`, `OSD_NEARFULL`, `OSD_FULL`, …) and
/// summaries worded as `ceph health detail` words them. Checks are sorted by name, as Ceph's
/// health map holds them.
public struct HealthReport: Sendable, Equatable {
    public var status: HealthStatus
    public var checks: [HealthCheck]

    public static let ok = HealthReport(status: .ok, checks: [])
}

/// HEALTH_OK < HEALTH_WARN < HEALTH_ERR.
public enum HealthStatus: String, Sendable, Equatable, Comparable, Codable {
    case ok = "HEALTH_OK"
    case warn = "HEALTH_WARN"
    case err = "HEALTH_ERR"

    private var rank: Int {
        switch self {
        case .ok: 0
        case .warn: 1
        case .err: 2
        }
    }

    public static func < (a: HealthStatus, b: HealthStatus) -> Bool { a.rank < b.rank }
}

/// One raised health check.
public struct HealthCheck: Sendable, Equatable {
    /// Ceph's code: `OSD_DOWN`, `PG_DEGRADED`, …
    public var name: String
    public var severity: HealthStatus
    /// `2 osds down`, `Degraded data redundancy: …`.
    public var summary: String
}
