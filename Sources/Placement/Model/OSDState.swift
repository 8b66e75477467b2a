/// The state bits of an OSD (`CEPH_OSD_*` in Ceph's include/rados.h), as `osd_state` holds
/// them in the OSD map. Mapping only looks at `exists` and `up`.
public struct OSDState: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let exists = OSDState(rawValue: 1 << 0)
    public static let up = OSDState(rawValue: 1 << 1)
    public static let autoOut = OSDState(rawValue: 1 << 2)
    public static let new = OSDState(rawValue: 1 << 3)
    public static let full = OSDState(rawValue: 1 << 4)
    public static let nearFull = OSDState(rawValue: 1 << 5)
    public static let backfillFull = OSDState(rawValue: 1 << 6)
    public static let destroyed = OSDState(rawValue: 1 << 7)
    public static let noUp = OSDState(rawValue: 1 << 8)
    public static let noDown = OSDState(rawValue: 1 << 9)
    public static let noIn = OSDState(rawValue: 1 << 10)
    public static let noOut = OSDState(rawValue: 1 << 11)
    public static let stop = OSDState(rawValue: 1 << 12)

    /// The names `OSDMap::calc_state_set` gives the bits (the `state` array of `ceph osd dump`).
    public static let names: [(OSDState, String)] = [
        (.exists, "exists"), (.up, "up"), (.autoOut, "autoout"), (.new, "new"), (.full, "full"),
        (.nearFull, "nearfull"), (.backfillFull, "backfillfull"), (.destroyed, "destroyed"),
        (.noUp, "noup"), (.noDown, "nodown"), (.noIn, "noin"), (.noOut, "noout"), (.stop, "stop"),
    ]

    /// The bit with this name, if any.
    public init?(name: String) {
        guard let bit = Self.names.first(where: { $0.1 == name }) else { return nil }
        self = bit.0
    }
}
