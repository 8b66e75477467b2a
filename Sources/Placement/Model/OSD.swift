/// One OSD slot of the OSD map (`osd_state`, `osd_weight` and `osd_primary_affinity` at its
/// index in Ceph's `OSDMap`). Ids run from 0 to `max_osd - 1`; a slot whose state lacks
/// `exists` holds no OSD.
public struct OSD: Sendable, Equatable {
    /// `CEPH_OSD_IN`: the reweight of a fully "in" OSD, 1.0 in 16.16 fixed point.
    public static let weightIn: UInt32 = 0x10000
    /// `CEPH_OSD_DEFAULT_PRIMARY_AFFINITY` (also the maximum), 1.0 in 16.16 fixed point.
    public static let defaultPrimaryAffinity: UInt32 = 0x10000

    public var state: OSDState
    /// The reweight (`ceph osd reweight`), 16.16 fixed point: 0 is out, 0x10000 fully in.
    /// CRUSH rejects an OSD for a fraction 1 - weight of its inputs.
    public var weight: UInt32
    /// 16.16 fixed point; below 0x10000 the OSD declines to be primary for a fraction of PGs.
    public var primaryAffinity: UInt32

    public init(state: OSDState = [], weight: UInt32 = 0, primaryAffinity: UInt32 = OSD.defaultPrimaryAffinity) {
        self.state = state
        self.weight = weight
        self.primaryAffinity = primaryAffinity
    }

    public var exists: Bool { state.contains(.exists) }
    /// `is_up`: exists and up.
    public var isUp: Bool { state.contains(.exists) && state.contains(.up) }
    /// `is_in`: exists and its reweight is not 0.
    public var isIn: Bool { state.contains(.exists) && weight != 0 }
}
