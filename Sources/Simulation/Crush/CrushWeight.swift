internal import CRUSH

/// CRUSH weights as Ceph gives them: 16.16 fixed point, in TiB.
///
/// A new OSD registers itself with `osd crush create-or-move` and the weight
/// `"%.4lf" % max(0.00001, size / 2^40)` (`OSD::update_crush_location`); the monitor reads it
/// as a double, passes it on as a `float` and stores `(int)(weight * (float)0x10000)`
/// (`CrushWrapper::insert_item`). `ceph osd crush reweight` takes the same float path
/// (`adjust_item_weightf`). Both are reproduced here step for step.
public enum CrushWeight {
    /// The weight Ceph gives a new OSD of `size` (with `osd_crush_initial_weight` unset).
    public static func initialWeight(for size: ByteSize) -> UInt32 {
        let tib = max(0.00001, Double(size.bytes) / 1_099_511_627_776)
        let text = DecimalFormat.fixed(tib, decimals: 4)
        return fixedPoint(fromTiB: Double(text) ?? tib)
    }

    /// `(int)(float(weight) * (float)0x10000)`, clamped to the representable range (Ceph
    /// refuses larger weights; validation reports them before this is reached).
    public static func fixedPoint(fromTiB weight: Double) -> UInt32 {
        let scaled = Float(weight) * Float(0x10000)
        guard scaled.isFinite, scaled > 0 else { return 0 }
        guard scaled < Float(Int32.max) else { return UInt32(Int32.max) }
        return UInt32(Int32(scaled))
    }

    /// The largest weight a device can have (what fits a C `int` in 16.16): just under
    /// 32768 TiB.
    public static let maximumTiB: Double = 32767

    /// `weight / 0x10000`, the TiB figure `ceph osd tree` shows.
    public static func tebibytes(_ weight: UInt32) -> Double {
        Double(weight) / 65536
    }
}
