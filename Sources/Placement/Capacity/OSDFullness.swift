/// How full an OSD says it is, by its own check (`OSDService::recalc_full_state` in
/// src/osd/OSD.cc): the used ratio `(float)used_raw / (float)total` compared, strictly, with
/// the failsafe (0.97), full (0.95), backfillfull (0.90) and nearfull (0.85) ratios, in that
/// order. The OSD also counts backfills it has promised to take; that is not modelled.
public enum OSDFullness: String, Sendable, Equatable {
    case none, nearFull = "nearfull", backfillFull = "backfillfull", full, failsafe

    public init(osd: CapacityOSD, ratios: FullRatios) {
        guard osd.exists, osd.totalBytes > 0 else {
            self = .none
            return
        }
        let ratio = Float(osd.usedRawBytes) / Float(osd.totalBytes)
        if ratio > ratios.failsafeFull {
            self = .failsafe
        } else if ratio > ratios.full {
            self = .full
        } else if ratio > ratios.backfillFull {
            self = .backfillFull
        } else if ratio > ratios.nearFull {
            self = .nearFull
        } else {
            self = .none
        }
    }
}
