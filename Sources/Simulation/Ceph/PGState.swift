/// The state of a placement group as `ceph pg ls` shows it (`pg_state_t` in Ceph's
/// osd_types.h), restricted to the states the simulation models. `name` joins the flags in
/// the order `pg_state_string` (osd_types.cc) prints them: `active+undersized+degraded`.
public struct PGState: OptionSet, Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let active = PGState(rawValue: 1 << 0)
    public static let clean = PGState(rawValue: 1 << 1)
    public static let recoveryWait = PGState(rawValue: 1 << 2)
    public static let recovering = PGState(rawValue: 1 << 3)
    public static let down = PGState(rawValue: 1 << 4)
    public static let undersized = PGState(rawValue: 1 << 5)
    public static let degraded = PGState(rawValue: 1 << 6)
    public static let remapped = PGState(rawValue: 1 << 7)
    public static let backfillWait = PGState(rawValue: 1 << 8)
    public static let backfilling = PGState(rawValue: 1 << 9)
    public static let backfillTooFull = PGState(rawValue: 1 << 10)
    public static let incomplete = PGState(rawValue: 1 << 11)
    public static let peered = PGState(rawValue: 1 << 12)

    /// Flags in `pg_state_string`'s order with their names.
    static let names: [(PGState, String)] = [
        (.active, "active"), (.clean, "clean"), (.recoveryWait, "recovery_wait"),
        (.recovering, "recovering"), (.down, "down"), (.undersized, "undersized"),
        (.degraded, "degraded"), (.remapped, "remapped"), (.backfillWait, "backfill_wait"),
        (.backfilling, "backfilling"), (.backfillTooFull, "backfill_toofull"),
        (.incomplete, "incomplete"), (.peered, "peered"),
    ]

    /// `active+clean`, `undersized+degraded+peered`, … (`unknown` for no flag).
    public var name: String {
        let parts = Self.names.filter { contains($0.0) }.map(\.1)
        return parts.isEmpty ? "unknown" : parts.joined(separator: "+")
    }

    public var description: String { name }

    /// Ceph counts a PG as inactive when it is not `active` (PG_AVAILABILITY).
    public var isInactive: Bool { !contains(.active) }

    public static func < (a: PGState, b: PGState) -> Bool { a.rawValue < b.rawValue }
}
