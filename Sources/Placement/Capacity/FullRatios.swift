/// The OSD map's fullness thresholds, kept as `float` as the OSD map keeps them. Defaults are
/// the monitor options `mon_osd_full_ratio` 0.95, `mon_osd_backfillfull_ratio` 0.90 and
/// `mon_osd_nearfull_ratio` 0.85, plus the OSD's `osd_failsafe_full_ratio` 0.97.
public struct FullRatios: Sendable, Equatable {
    public var full: Float
    public var backfillFull: Float
    public var nearFull: Float
    public var failsafeFull: Float

    public init(full: Float = 0.95, backfillFull: Float = 0.90, nearFull: Float = 0.85, failsafeFull: Float = 0.97) {
        self.full = full
        self.backfillFull = backfillFull
        self.nearFull = nearFull
        self.failsafeFull = failsafeFull
    }
}
