/// A verdict or a recommendation the report draws from its figures: how serious it is, what it
/// says, and the figure that triggered it ("PGs per OSD: 66, below the 100 target").
public struct Finding: Sendable, Equatable {
    public enum Severity: String, Sendable, Equatable, CaseIterable {
        /// All is well (a verdict that nothing is wrong).
        case ok
        /// Worth knowing; no action needed now.
        case info
        /// Act before it becomes a problem (Ceph's HEALTH_WARN territory).
        case warning
        /// Act now (HEALTH_ERR territory, data or availability at risk).
        case critical
    }

    public var severity: Severity
    /// A short stable code (`PGS_PER_OSD_LOW`, `OSD_NEARFULL`) for programs and anchors.
    public var code: String
    /// What to know or do, one sentence.
    public var message: String
    /// The figure behind it, as people read it ("PGs per OSD 66 < 100").
    public var trigger: String

    public init(_ severity: Severity, code: String, message: String, trigger: String) {
        self.severity = severity
        self.code = code
        self.message = message
        self.trigger = trigger
    }
}
