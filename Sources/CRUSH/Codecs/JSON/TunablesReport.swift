/// The facts about a map's tunables and features that Ceph derives for `dump_tunables`
/// (`CrushWrapper::has_*_tunables`, `has_nondefault_tunables*`, `has_v*_rules`,
/// `has_v4_buckets` and `get_min_required_version` in Ceph's CrushWrapper, Pacific), checked
/// against crushtool 16.2.15.
///
/// A profile matches only when the retry tunables and `allowed_bucket_algs` are exactly that
/// profile's (`straw_calc_version` plays no part): legacy algorithms (uniform, list, straw: 22)
/// for argonaut, bobtail and firefly; those plus straw2 (54) for hammer and jewel.
struct TunablesReport {
    var profile: String
    var optimal: Bool
    var legacy: Bool
    var minimumRequiredVersion: String
    var nondefaultTunables: Bool
    var nondefaultTunables2: Bool
    var hasV2Rules: Bool
    var nondefaultTunables3: Bool
    var hasV3Rules: Bool
    var hasV4Buckets: Bool
    var nondefaultTunables5: Bool
    var hasV5Rules: Bool

    /// `CRUSH_LEGACY_ALLOWED_BUCKET_ALGS`: uniform, list and straw.
    static let legacyAllowedBucketAlgs: UInt32 = (1 << 1) | (1 << 2) | (1 << 4)
    /// `CRUSH_V4_ALLOWED_BUCKET_ALGS`: the legacy ones and straw2.
    static let v4AllowedBucketAlgs: UInt32 = legacyAllowedBucketAlgs | (1 << 5)

    init(_ map: CrushMap) {
        let t = map.tunables
        func retries(_ local: UInt32, _ fallback: UInt32, _ total: UInt32, _ descend: UInt32, _ varyR: UInt8, _ stable: UInt8) -> Bool {
            t.chooseLocalTries == local && t.chooseLocalFallbackTries == fallback && t.chooseTotalTries == total
                && t.chooseLeafDescendOnce == descend && t.chooseLeafVaryR == varyR && t.chooseLeafStable == stable
        }
        let legacyAlgs = t.allowedBucketAlgs == Self.legacyAllowedBucketAlgs
        let v4Algs = t.allowedBucketAlgs == Self.v4AllowedBucketAlgs
        let argonaut = retries(2, 5, 19, 0, 0, 0) && legacyAlgs
        let bobtail = retries(0, 0, 50, 1, 0, 0) && legacyAlgs
        let firefly = retries(0, 0, 50, 1, 1, 0) && legacyAlgs
        let hammer = retries(0, 0, 50, 1, 1, 0) && v4Algs
        let jewel = retries(0, 0, 50, 1, 1, 1) && v4Algs
        profile = jewel ? "jewel" : hammer ? "hammer" : firefly ? "firefly"
            : bobtail ? "bobtail" : argonaut ? "argonaut" : "unknown"
        optimal = jewel
        legacy = argonaut

        nondefaultTunables = t.chooseLocalTries != 2 || t.chooseLocalFallbackTries != 5 || t.chooseTotalTries != 19
        nondefaultTunables2 = t.chooseLeafDescendOnce != 0
        nondefaultTunables3 = t.chooseLeafVaryR != 0
        nondefaultTunables5 = t.chooseLeafStable != 0

        let ops = map.rules.compactMap { $0?.steps.map(\.op) }
        func anyRule(_ matches: (RuleOp) -> Bool) -> Bool { ops.contains { $0.contains(where: matches) } }
        hasV2Rules = anyRule { [.chooseIndep, .chooseLeafIndep, .setChooseTries, .setChooseLeafTries].contains($0) }
        hasV3Rules = anyRule { $0 == .setChooseLeafVaryR }
        hasV5Rules = anyRule { $0 == .setChooseLeafStable }
        hasV4Buckets = map.buckets.contains { $0?.algorithm == .straw2 }

        if hasV5Rules || nondefaultTunables5 {
            minimumRequiredVersion = "jewel"
        } else if hasV4Buckets {
            minimumRequiredVersion = "hammer"
        } else if nondefaultTunables3 {
            minimumRequiredVersion = "firefly"
        } else if nondefaultTunables2 || nondefaultTunables {
            minimumRequiredVersion = "bobtail"
        } else {
            minimumRequiredVersion = "argonaut"
        }
    }
}
