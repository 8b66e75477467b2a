/// The CRUSH tunables (`struct crush_map` fields and `CrushWrapper::set_tunables_*`).
public struct Tunables: Sendable, Equatable {
    public var chooseLocalTries: UInt32
    public var chooseLocalFallbackTries: UInt32
    public var chooseTotalTries: UInt32
    public var chooseLeafDescendOnce: UInt32
    public var chooseLeafVaryR: UInt8
    public var chooseLeafStable: UInt8
    public var strawCalcVersion: UInt8
    /// Bit mask of `1 << BucketAlgorithm.rawValue` for the algorithms clients must support.
    public var allowedBucketAlgs: UInt32

    public init(
        chooseLocalTries: UInt32, chooseLocalFallbackTries: UInt32, chooseTotalTries: UInt32,
        chooseLeafDescendOnce: UInt32, chooseLeafVaryR: UInt8, chooseLeafStable: UInt8,
        strawCalcVersion: UInt8, allowedBucketAlgs: UInt32
    ) {
        self.chooseLocalTries = chooseLocalTries
        self.chooseLocalFallbackTries = chooseLocalFallbackTries
        self.chooseTotalTries = chooseTotalTries
        self.chooseLeafDescendOnce = chooseLeafDescendOnce
        self.chooseLeafVaryR = chooseLeafVaryR
        self.chooseLeafStable = chooseLeafStable
        self.strawCalcVersion = strawCalcVersion
        self.allowedBucketAlgs = allowedBucketAlgs
    }

    /// `CRUSH_LEGACY_ALLOWED_BUCKET_ALGS`: uniform, list and straw (tree is left out, it was buggy) = 22.
    static let algsV1: UInt32 = (1 << 1) | (1 << 2) | (1 << 4)
    /// Hammer and later: uniform, list, straw and straw2 = 54.
    static let algsV2: UInt32 = algsV1 | (1 << 5)

    /// `set_tunables_legacy` (also what a map without tunables has).
    public static let legacy = Tunables(
        chooseLocalTries: 2, chooseLocalFallbackTries: 5, chooseTotalTries: 19,
        chooseLeafDescendOnce: 0, chooseLeafVaryR: 0, chooseLeafStable: 0,
        strawCalcVersion: 0, allowedBucketAlgs: algsV1)
    /// `set_tunables_argonaut`: the same values as legacy.
    public static let argonaut = legacy
    public static let bobtail = Tunables(
        chooseLocalTries: 0, chooseLocalFallbackTries: 0, chooseTotalTries: 50,
        chooseLeafDescendOnce: 1, chooseLeafVaryR: 0, chooseLeafStable: 0,
        strawCalcVersion: 0, allowedBucketAlgs: algsV1)
    public static let firefly = Tunables(
        chooseLocalTries: 0, chooseLocalFallbackTries: 0, chooseTotalTries: 50,
        chooseLeafDescendOnce: 1, chooseLeafVaryR: 1, chooseLeafStable: 0,
        strawCalcVersion: 0, allowedBucketAlgs: algsV1)
    public static let hammer = Tunables(
        chooseLocalTries: 0, chooseLocalFallbackTries: 0, chooseTotalTries: 50,
        chooseLeafDescendOnce: 1, chooseLeafVaryR: 1, chooseLeafStable: 0,
        strawCalcVersion: 1, allowedBucketAlgs: algsV2)
    public static let jewel = Tunables(
        chooseLocalTries: 0, chooseLocalFallbackTries: 0, chooseTotalTries: 50,
        chooseLeafDescendOnce: 1, chooseLeafVaryR: 1, chooseLeafStable: 1,
        strawCalcVersion: 1, allowedBucketAlgs: algsV2)
    /// `set_tunables_optimal` in Pacific is jewel.
    public static let optimal = jewel
    /// `set_tunables_default` in Pacific is jewel.
    public static let `default` = jewel

    /// Profiles by the names `ceph osd crush tunables` accepts.
    public static func profile(named name: String) -> Tunables? {
        switch name {
        case "legacy": .legacy
        case "argonaut": .argonaut
        case "bobtail": .bobtail
        case "firefly": .firefly
        case "hammer": .hammer
        case "jewel": .jewel
        case "optimal": .optimal
        case "default": .default
        default: nil
        }
    }
}
