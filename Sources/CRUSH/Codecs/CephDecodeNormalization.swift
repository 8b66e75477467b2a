/// What Ceph 16.2.15 changes in a crush map right after reading it from bytes, so that a caller
/// holding the exact decoded map (`CrushMap(binary:)`) can reproduce what `crushtool -i FILE`
/// works with.
///
/// ## Why choose_args "do not survive" crushtool 16.2.15's binary round trip
///
/// `crushtool -c MAP -o FILE` writes every choose_args entry of the text map into FILE
/// (`CrushWrapper::encode` skips only entries with neither weights nor ids). Reading FILE back,
/// `CrushWrapper::decode` also reads them all, then, as its last step before `finalize()`, calls
/// `update_choose_args(nullptr)` ("in case we decode a legacy corrupted map"). For every
/// choose_args map, and every bucket slot `j`:
/// 1. if the slot holds no bucket, or a bucket whose algorithm is not straw2, its ids and its
///    weight_set are freed and zeroed: the entry is gone;
/// 2. else if it has no weight_set, or a number of positions different from the map's
///    "positions" (`get_choose_args_positions`: the position count of the first slot, in slot
///    order, that has any, before step 1 runs; 1 if none), it is left as it is;
/// 3. else every position whose weight count differs from the bucket's size is resized to it,
///    truncated or padded with zeros.
///
/// `choose-args.crush` (Ceph's test map) has only `alg straw` buckets, so step 1 empties every
/// one of its six choose_args maps: `-i FILE --dump` and `-d FILE` show `choose_args 1 { }` …
/// `choose_args 6 { }` although FILE holds their weights and ids. The same map with
/// `alg straw2` keeps them (checked against crushtool 16.2.15). The map keys themselves stay,
/// as empty maps.
///
/// ## What that means for `crushtool -i FILE --test`
///
/// Nothing, for mappings: `CrushTester::test` calls `do_rule(…, choose_args_index: 0)`, i.e.
/// `choose_args_get_with_fallback(0)`: the map with index 0 if there is one (even an empty one),
/// else the one with index -1 (`DEFAULT_CHOOSE_ARGS`, the "compat" weight set), else none. And
/// `crush_do_rule` only consults choose_args inside straw2 buckets (`bucket_straw2_choose`), which
/// step 1 never touches. So the entries that step 1 drops could never have changed a mapping;
/// what steps 2–3 do can (a short weight set is read zero-padded). Index 0 and -1 are the only
/// ones `--test` can use (a map compiled with `choose_args 0` maps differently from the same map
/// without it; with `choose_args 1` it maps the same; 16.2.15's text grammar cannot say -1).
///
/// ## max_devices
///
/// `CrushWrapper::finalize()` (run by decode) overwrites `max_devices` with one past the highest
/// device id found in any bucket, raised to one past the highest `name_map` key if that is
/// larger; the encoded value is ignored. crushtool writes the same value, so they agree for its
/// files, but a hand-made map may not.
extension CrushMap {
    /// This map as Ceph 16.2.15 holds it after decoding its bytes: choose_args normalised as
    /// `update_choose_args` does and `maxDevices` recomputed as `finalize()` does.
    /// Re-encoding the result gives what `crushtool -i FILE -o OUT` would write.
    public func normalizedAsCephDecodes() -> CrushMap {
        var map = self
        map.chooseArgs = chooseArgsAsCephDecodes
        map.maxDevices = maxDevicesAsCephDecodes
        return map
    }

    /// The choose_args Ceph 16.2.15 keeps after decoding (`CrushWrapper::update_choose_args`,
    /// see the discussion above): entries for missing or non-straw2 buckets removed, mis-sized
    /// weight sets of straw2 buckets resized with zero padding.
    public var chooseArgsAsCephDecodes: [Int64: [Int32: ChooseArg]] {
        var result: [Int64: [Int32: ChooseArg]] = [:]
        for (index, args) in chooseArgs {
            let positions = Self.inferredPositions(args, slotCount: buckets.count)
            var kept: [Int32: ChooseArg] = [:]
            for (bucketID, arg) in args {
                let slot = -1 - Int64(bucketID)
                guard slot >= 0, slot < Int64(buckets.count), let bucket = buckets[Int(slot)],
                    bucket.algorithm == .straw2
                else { continue }
                var fixed = arg
                if !fixed.weightSet.isEmpty, fixed.weightSet.count == positions {
                    for p in fixed.weightSet.indices where fixed.weightSet[p].count != bucket.size {
                        let old = fixed.weightSet[p]
                        fixed.weightSet[p] = (0..<bucket.size).map { $0 < old.count ? old[$0] : 0 }
                    }
                }
                kept[bucketID] = fixed
            }
            result[index] = kept
        }
        return result
    }

    /// `max_devices` after `CrushWrapper::finalize()`: one past the highest device in any
    /// bucket (0 if none), or one past the highest `name_map` key if that is larger.
    public var maxDevicesAsCephDecodes: Int32 {
        var maxDevices: Int64 = 0
        for bucket in buckets {
            guard let bucket else { continue }
            for item in bucket.items where Int64(item) >= maxDevices {
                maxDevices = Int64(item) + 1
            }
        }
        if let highestName = itemNames.keys.max(), Int64(highestName) >= maxDevices {
            maxDevices = Int64(highestName) + 1
        }
        return Int32(truncatingIfNeeded: maxDevices)
    }

    /// `CrushWrapper::choose_args_get_with_fallback(index)`: the choose_args map with this
    /// index, else the compat one (index -1), else nil. `crushtool --test` uses index 0.
    /// Apply it to `chooseArgsAsCephDecodes` (or a map from `normalizedAsCephDecodes()`) to get
    /// exactly what crushtool maps with.
    public func chooseArgsWithFallback(index: Int64) -> [Int32: ChooseArg]? {
        chooseArgs[index] ?? chooseArgs[-1]
    }

    /// `get_choose_args_positions`: the position count of the first slot (in slot order,
    /// id -1, -2, …) that has a weight set; 1 if none does.
    private static func inferredPositions(_ args: [Int32: ChooseArg], slotCount: Int) -> Int {
        let first = args
            .filter { !$0.value.weightSet.isEmpty && $0.key < 0 && -1 - Int64($0.key) < Int64(slotCount) }
            .max(by: { $0.key < $1.key })
        return first?.value.weightSet.count ?? 1
    }
}
