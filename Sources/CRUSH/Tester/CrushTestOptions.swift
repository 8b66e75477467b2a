/// What `crushtool --test` is asked to do: the flags of Ceph's crushtool (16.2.15) that
/// `CrushTester` understands, with crushtool's defaults (-1 means "not set").
public struct CrushTestOptions: Sendable, Equatable {
    public var minRule = -1
    public var maxRule = -1
    /// `--ruleset`: only rules whose mask has this ruleset.
    public var ruleset = -1
    public var minRep = -1
    public var maxRep = -1
    public var minX = -1
    public var maxX = -1
    /// `--pool-id`: x is hashed with the pool id first, as a PG's placement seed is.
    public var poolID = -1
    /// `--weight DEV W`: device reweights (16.16, clamped to 0...0x10000).
    public var deviceWeights: [Int32: UInt32] = [:]
    public var batches = 1
    public var showMappings = false
    public var showStatistics = false
    public var showUtilization = false
    public var showUtilizationAll = false
    public var showBadMappings = false
    public var showChooseTries = false

    /// Tunable overrides (`--set-*`), applied to the map before testing.
    public var chooseLocalTries: Int?
    public var chooseLocalFallbackTries: Int?
    public var chooseTotalTries: Int?
    public var chooseLeafDescendOnce: Int?
    public var chooseLeafVaryR: Int?
    public var chooseLeafStable: Int?
    public var strawCalcVersion: Int?

    /// Worker threads for the x range (output stays in x order).
    public var threads = 1

    public init() {}

    /// `--rule R`.
    public mutating func setRule(_ rule: Int) {
        minRule = rule
        maxRule = rule
    }

    /// `--num-rep N`.
    public mutating func setNumRep(_ n: Int) {
        minRep = n
        maxRep = n
    }

    /// `--x X`.
    public mutating func setX(_ x: Int) {
        minX = x
        maxX = x
    }

    /// `--weight DEV W`, converted as `CrushTester::set_device_weight` does (through a float).
    public mutating func setDeviceWeight(_ device: Int32, _ weight: Float) {
        var w = Int32(truncatingIfNeeded: Int64((weight * 65536).rounded(.towardZero).clamped))
        if w < 0 { w = 0 }
        if w > 0x10000 { w = 0x10000 }
        deviceWeights[device] = UInt32(w)
    }

    /// Whether any output was asked for (crushtool refuses a test without one).
    public var hasOutput: Bool {
        showMappings || showStatistics || showUtilization || showUtilizationAll
            || showBadMappings || showChooseTries
    }

    /// Whether a tunable override modifies the map (crushtool then says so).
    public var modifiesMap: Bool {
        chooseLocalTries != nil || chooseLocalFallbackTries != nil || chooseTotalTries != nil
            || chooseLeafDescendOnce != nil || chooseLeafVaryR != nil || chooseLeafStable != nil
            || strawCalcVersion != nil
    }

    /// The map with the tunable overrides applied (`crushtool`'s `--set-*` handling).
    public func applyingOverrides(to map: CrushMap) -> CrushMap {
        var map = map
        if let v = chooseLocalTries { map.tunables.chooseLocalTries = UInt32(truncatingIfNeeded: v) }
        if let v = chooseLocalFallbackTries { map.tunables.chooseLocalFallbackTries = UInt32(truncatingIfNeeded: v) }
        if let v = chooseTotalTries { map.tunables.chooseTotalTries = UInt32(truncatingIfNeeded: v) }
        if let v = chooseLeafDescendOnce { map.tunables.chooseLeafDescendOnce = UInt32(truncatingIfNeeded: v) }
        if let v = chooseLeafVaryR { map.tunables.chooseLeafVaryR = UInt8(truncatingIfNeeded: v) }
        if let v = chooseLeafStable { map.tunables.chooseLeafStable = UInt8(truncatingIfNeeded: v) }
        if let v = strawCalcVersion { map.tunables.strawCalcVersion = UInt8(truncatingIfNeeded: v) }
        return map
    }
}

extension Float {
    /// The value as C's float-to-int conversion sees it for values in range; out-of-range
    /// values saturate instead of being undefined.
    fileprivate var clamped: Double {
        guard isFinite else { return 0 }
        return Swift.max(Swift.min(Double(self), Double(Int32.max)), Double(Int32.min))
    }
}
