/// `CRUSH_MAGIC` in crush.h: the first `u32` of every binary crush map.
let crushMagic: UInt32 = 0x0001_0000

/// `CRUSH_LEGACY_ALLOWED_BUCKET_ALGS` in crush.h: uniform, list and straw (tree is left out on
/// purpose, "it has been buggy"). `set_tunables_legacy` uses it, so a map whose bytes stop before
/// `allowed_bucket_algs` gets this value, 22, as Ceph 16.2.15's `--dump` shows for such maps.
let crushLegacyAllowedBucketAlgs: UInt32 = (1 << 1) | (1 << 2) | (1 << 4)

extension CrushMap {
    /// Decodes a binary crush map as Ceph 16.2.15's `CrushWrapper::decode` reads it (the format of
    /// `ceph osd getcrushmap` and of `crushtool -c MAP -o FILE`).
    ///
    /// The layout, all little-endian:
    /// - `u32` magic (0x00010000), `s32` max_buckets, `u32` max_rules, `s32` max_devices;
    /// - max_buckets bucket slots (`decode_crush_bucket`): `u32` alg (0 = empty slot), then
    ///   `s32` id, `u16` type, `u8` alg, `u8` hash, `u32` weight, `u32` size, size × `s32` items,
    ///   then per algorithm: uniform `u32` item_weight; list size × (`u32` item_weight,
    ///   `u32` sum_weight); tree `u8` num_nodes and num_nodes × `u32` node_weights; straw
    ///   size × (`u32` item_weight, `u32` straw); straw2 size × `u32` item_weight;
    /// - max_rules rule slots: `u32` present flag, then `u32` len, the 4-byte mask
    ///   (ruleset, type, min_size, max_size) and len × (`u32` op, `s32` arg1, `s32` arg2);
    /// - type_map, name_map, rule_name_map: `u32` count, then (`s32` key, `u32` length, bytes);
    ///   a zero length means the key was written as 64 bits and the real length follows
    ///   (`decode_32_or_64_string_map`);
    /// - optional groups, each read only if input remains, otherwise left at the legacy value
    ///   (`set_tunables_legacy`): [`u32` choose_local_tries, `u32` choose_local_fallback_tries,
    ///   `u32` choose_total_tries], [`u32` chooseleaf_descend_once], [`u8` chooseleaf_vary_r],
    ///   [`u8` straw_calc_version], [`u32` allowed_bucket_algs], [`u8` chooseleaf_stable],
    ///   [class_map `map<s32,s32>`, class_name `map<s32,string>`,
    ///   class_bucket `map<s32,map<s32,s32>>`], [choose_args: `u32` count, then per map
    ///   `s64` index, `u32` entries, per entry `u32` bucket index, `u32` positions,
    ///   positions × (`u32` size, size × `u32`), `u32` ids_size, ids_size × `s32`].
    ///   Bytes after the choose_args are ignored, as Pacific ignores them.
    ///
    /// What is stored is what the bytes say. In particular `maxDevices` is the encoded value
    /// (Ceph recomputes it in `crush_finalize`), and `chooseArgs` holds every choose_args entry
    /// that is in the bytes, including those that Ceph 16.2.15 drops right after decoding:
    /// see `chooseArgsAsCephDecodes` for what crushtool actually keeps and uses.
    ///
    /// Inputs that Ceph rejects throw; so do inputs on which Ceph would assert or read freed
    /// memory (a choose_args entry for a missing bucket, ids of the wrong length, a bucket whose
    /// two algorithm fields differ, an unknown rule op, a name that is not UTF-8). No array is
    /// ever sized beyond what the remaining input can hold.
    public init(binary bytes: [UInt8]) throws(CrushBinaryError) {
        var decoder = BinaryCrushDecoder(reader: BinaryReader(bytes))
        self = try decoder.decode()
    }
}

/// The state of one decode: a reader and the map being filled.
private struct BinaryCrushDecoder {
    var reader: BinaryReader

    mutating func decode() throws(CrushBinaryError) -> CrushMap {
        let magicAt = reader.offset
        let magic = try reader.u32("magic")
        guard magic == crushMagic else {
            throw reader.error(.badMagic(magic), at: magicAt, "magic")
        }
        let maxBucketsAt = reader.offset
        let maxBuckets = try reader.s32("max_buckets")
        guard maxBuckets >= 0 else {
            throw reader.error(.negativeCount(Int64(maxBuckets)), at: maxBucketsAt, "max_buckets")
        }
        let maxRulesAt = reader.offset
        let maxRules = try reader.u32("max_rules")
        let maxDevices = try reader.s32("max_devices")

        // Each bucket slot needs at least its u32 algorithm, each rule slot its u32 flag.
        let bucketCount = try reader.check(
            count: UInt64(maxBuckets), elementSize: 4, countAt: maxBucketsAt, "max_buckets")
        var map = CrushMap(maxDevices: maxDevices, tunables: Self.legacyTunables)
        map.buckets.reserveCapacity(bucketCount)
        for slot in 0..<bucketCount {
            map.buckets.append(try decodeBucket(slot: slot))
        }

        let ruleCount = try reader.check(
            count: UInt64(maxRules), elementSize: 4, countAt: maxRulesAt, "max_rules")
        map.rules.reserveCapacity(ruleCount)
        for slot in 0..<ruleCount {
            map.rules.append(try decodeRule(slot: slot))
        }

        map.typeNames = try decodeNameMap("type_map")
        map.itemNames = try decodeNameMap("name_map")
        map.ruleNames = try decodeNameMap("rule_name_map")

        try decodeTunables(into: &map.tunables)

        if !reader.isAtEnd {
            map.deviceClasses = try decodeIntMap("class_map")
            map.classNames = try decodeStringMap("class_name")
            map.classBuckets = try decodeClassBuckets()
        }
        if !reader.isAtEnd {
            map.chooseArgs = try decodeChooseArgs(buckets: map.buckets, maxBuckets: maxBuckets)
        }
        return map
    }

    /// `set_tunables_legacy`, what a map has before its optional tunables are read.
    static var legacyTunables: Tunables {
        var tunables = Tunables.legacy
        tunables.allowedBucketAlgs = crushLegacyAllowedBucketAlgs
        return tunables
    }

    // MARK: buckets

    mutating func decodeBucket(slot: Int) throws(CrushBinaryError) -> Bucket? {
        let algAt = reader.offset
        let outerAlg = try reader.u32("bucket slot \(slot) algorithm")
        if outerAlg == 0 { return nil }
        guard outerAlg <= UInt32(UInt8.max), let algorithm = BucketAlgorithm(rawValue: UInt8(outerAlg)) else {
            throw reader.error(.unknownBucketAlgorithm(outerAlg), at: algAt, "bucket slot \(slot) algorithm")
        }
        let id = try reader.s32("bucket slot \(slot) id")
        let type = try reader.u16("bucket \(id) type")
        let innerAt = reader.offset
        let innerAlg = try reader.u8("bucket \(id) alg")
        guard UInt32(innerAlg) == outerAlg else {
            throw reader.error(.bucketAlgorithmMismatch(outer: outerAlg, inner: innerAlg), at: innerAt, "bucket \(id) alg")
        }
        let hash = try reader.u8("bucket \(id) hash")
        let weight = try reader.u32("bucket \(id) weight")
        let size = try reader.count(elementSize: 4, "bucket \(id) size")
        var bucket = Bucket(id: id, type: type, algorithm: algorithm, hash: hash, weight: weight)
        bucket.items = try readArray(size, "bucket \(id) items") { r throws(CrushBinaryError) in
            try r.s32("bucket \(id) items")
        }
        switch algorithm {
        case .uniform:
            let itemWeight = try reader.u32("bucket \(id) item_weight")
            bucket.uniformItemWeight = itemWeight
            bucket.itemWeights = Array(repeating: itemWeight, count: size)
        case .list:
            try checkCount(size, elementSize: 8, "bucket \(id) item and sum weights")
            bucket.itemWeights.reserveCapacity(size)
            bucket.sumWeights.reserveCapacity(size)
            for _ in 0..<size {
                bucket.itemWeights.append(try reader.u32("bucket \(id) item_weights"))
                bucket.sumWeights.append(try reader.u32("bucket \(id) sum_weights"))
            }
        case .tree:
            let numNodes = Int(try reader.u8("bucket \(id) num_nodes"))
            bucket.nodeWeights = try readArray(numNodes, "bucket \(id) node_weights") { r throws(CrushBinaryError) in
                try r.u32("bucket \(id) node_weights")
            }
        case .straw:
            try checkCount(size, elementSize: 8, "bucket \(id) item weights and straws")
            bucket.itemWeights.reserveCapacity(size)
            bucket.straws.reserveCapacity(size)
            for _ in 0..<size {
                bucket.itemWeights.append(try reader.u32("bucket \(id) item_weights"))
                bucket.straws.append(try reader.u32("bucket \(id) straws"))
            }
        case .straw2:
            bucket.itemWeights = try readArray(size, "bucket \(id) item_weights") { r throws(CrushBinaryError) in
                try r.u32("bucket \(id) item_weights")
            }
        }
        return bucket
    }

    // MARK: rules

    mutating func decodeRule(slot: Int) throws(CrushBinaryError) -> Rule? {
        let present = try reader.u32("rule \(slot) present flag")
        if present == 0 { return nil }
        let length = try reader.count(elementSize: 12, "rule \(slot) length")
        let ruleset = try reader.u8("rule \(slot) mask ruleset")
        let type = try reader.u8("rule \(slot) mask type")
        let minSize = try reader.u8("rule \(slot) mask min_size")
        let maxSize = try reader.u8("rule \(slot) mask max_size")
        // The length was checked before the 4 mask bytes; check again so the steps fit.
        try checkCount(length, elementSize: 12, "rule \(slot) steps")
        var steps: [RuleStep] = []
        steps.reserveCapacity(length)
        for step in 0..<length {
            let opAt = reader.offset
            let rawOp = try reader.u32("rule \(slot) step \(step) op")
            guard let op = RuleOp(rawValue: rawOp) else {
                throw reader.error(.unknownRuleOp(rawOp), at: opAt, "rule \(slot) step \(step) op")
            }
            let arg1 = try reader.s32("rule \(slot) step \(step) arg1")
            let arg2 = try reader.s32("rule \(slot) step \(step) arg2")
            steps.append(RuleStep(op, arg1, arg2))
        }
        return Rule(ruleset: ruleset, type: type, minSize: minSize, maxSize: maxSize, steps: steps)
    }

    // MARK: names

    /// `decode_32_or_64_string_map`: keys were once written as 64 bits by mistake, so a zero
    /// length means "that was the key's high half; the length follows".
    mutating func decodeNameMap(_ name: String) throws(CrushBinaryError) -> [Int32: String] {
        let count = try reader.count(elementSize: 8, "\(name) count")
        var result: [Int32: String] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let key = try reader.s32("\(name) entry \(index) key")
            var length = try reader.u32("\(name) key \(key) name length")
            if length == 0 {
                length = try reader.u32("\(name) key \(key) name length after a 64-bit key")
            }
            let checked = try reader.check(
                count: UInt64(length), elementSize: 1, countAt: reader.offset - 4, "\(name) key \(key) name")
            result[key] = try reader.string(length: checked, "\(name) key \(key) name")
        }
        return result
    }

    /// `decode(std::map<int32_t, std::string>)`.
    mutating func decodeStringMap(_ name: String) throws(CrushBinaryError) -> [Int32: String] {
        let count = try reader.count(elementSize: 8, "\(name) count")
        var result: [Int32: String] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let key = try reader.s32("\(name) entry \(index) key")
            let length = try reader.count(elementSize: 1, "\(name) key \(key) length")
            result[key] = try reader.string(length: length, "\(name) key \(key) name")
        }
        return result
    }

    /// `decode(std::map<int32_t, int32_t>)`.
    mutating func decodeIntMap(_ name: String) throws(CrushBinaryError) -> [Int32: Int32] {
        let count = try reader.count(elementSize: 8, "\(name) count")
        var result: [Int32: Int32] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let key = try reader.s32("\(name) entry \(index) key")
            result[key] = try reader.s32("\(name) key \(key) value")
        }
        return result
    }

    mutating func decodeClassBuckets() throws(CrushBinaryError) -> [Int32: [Int32: Int32]] {
        let count = try reader.count(elementSize: 8, "class_bucket count")
        var result: [Int32: [Int32: Int32]] = [:]
        result.reserveCapacity(count)
        for index in 0..<count {
            let bucket = try reader.s32("class_bucket entry \(index) bucket id")
            result[bucket] = try decodeIntMap("class_bucket bucket \(bucket) classes")
        }
        return result
    }

    // MARK: tunables

    mutating func decodeTunables(into tunables: inout Tunables) throws(CrushBinaryError) {
        if !reader.isAtEnd {
            tunables.chooseLocalTries = try reader.u32("tunable choose_local_tries")
            tunables.chooseLocalFallbackTries = try reader.u32("tunable choose_local_fallback_tries")
            tunables.chooseTotalTries = try reader.u32("tunable choose_total_tries")
        }
        if !reader.isAtEnd {
            tunables.chooseLeafDescendOnce = try reader.u32("tunable chooseleaf_descend_once")
        }
        if !reader.isAtEnd {
            tunables.chooseLeafVaryR = try reader.u8("tunable chooseleaf_vary_r")
        }
        if !reader.isAtEnd {
            tunables.strawCalcVersion = try reader.u8("tunable straw_calc_version")
        }
        if !reader.isAtEnd {
            tunables.allowedBucketAlgs = try reader.u32("tunable allowed_bucket_algs")
        }
        if !reader.isAtEnd {
            tunables.chooseLeafStable = try reader.u8("tunable chooseleaf_stable")
        }
    }

    // MARK: choose_args

    mutating func decodeChooseArgs(
        buckets: [Bucket?], maxBuckets: Int32
    ) throws(CrushBinaryError) -> [Int64: [Int32: ChooseArg]] {
        let count = try reader.count(elementSize: 12, "choose_args count")
        var result: [Int64: [Int32: ChooseArg]] = [:]
        result.reserveCapacity(count)
        for mapIndex in 0..<count {
            let key = try reader.s64("choose_args map \(mapIndex) index")
            let entries = try reader.count(elementSize: 12, "choose_args \(key) entry count")
            var args: [Int32: ChooseArg] = [:]
            args.reserveCapacity(entries)
            for entry in 0..<entries {
                let indexAt = reader.offset
                let bucketIndex = try reader.u32("choose_args \(key) entry \(entry) bucket index")
                guard bucketIndex < UInt32(maxBuckets) else {
                    throw reader.error(
                        .chooseArgBucketOutOfRange(index: bucketIndex, maxBuckets: maxBuckets),
                        at: indexAt, "choose_args \(key) entry \(entry) bucket index")
                }
                let bucketID = Int32(-1 - Int64(bucketIndex))
                let field = "choose_args \(key) bucket \(bucketID)"
                let positions = try reader.count(elementSize: 4, "\(field) weight_set positions")
                var weightSet: [[UInt32]] = []
                weightSet.reserveCapacity(positions)
                for position in 0..<positions {
                    let size = try reader.count(elementSize: 4, "\(field) weight_set \(position) size")
                    weightSet.append(
                        try readArray(size, "\(field) weight_set \(position) weights") { r throws(CrushBinaryError) in
                            try r.u32("\(field) weight_set \(position) weights")
                        })
                }
                let idsAt = reader.offset
                let idsSize = try reader.count(elementSize: 4, "\(field) ids size")
                if idsSize != 0 {
                    guard let bucket = buckets[Int(bucketIndex)] else {
                        throw reader.error(.chooseArgBucketMissing(index: bucketIndex), at: idsAt, "\(field) ids size")
                    }
                    guard idsSize == bucket.size else {
                        throw reader.error(
                            .chooseArgIdsSizeMismatch(idsSize: UInt32(idsSize), bucketSize: bucket.size),
                            at: idsAt, "\(field) ids size")
                    }
                }
                let ids = try readArray(idsSize, "\(field) ids") { r throws(CrushBinaryError) in
                    try r.s32("\(field) ids")
                }
                // An entry with neither weights nor ids is what Ceph treats (and re-encodes) as absent.
                if !weightSet.isEmpty || !ids.isEmpty {
                    args[bucketID] = ChooseArg(ids: ids, weightSet: weightSet)
                }
            }
            result[key] = args
        }
        return result
    }

    // MARK: helpers

    /// Checks that `count` elements of `elementSize` bytes fit in what is left.
    func checkCount(_ count: Int, elementSize: Int, _ field: @autoclosure () -> String) throws(CrushBinaryError) {
        _ = try reader.check(count: UInt64(count), elementSize: elementSize, countAt: reader.offset, field())
    }

    /// Reads `count` 4-byte elements after checking that they fit.
    mutating func readArray<T>(
        _ count: Int, _ field: @autoclosure () -> String,
        _ element: (inout BinaryReader) throws(CrushBinaryError) -> T
    ) throws(CrushBinaryError) -> [T] {
        try checkCount(count, elementSize: 4, field())
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            result.append(try element(&reader))
        }
        return result
    }
}
