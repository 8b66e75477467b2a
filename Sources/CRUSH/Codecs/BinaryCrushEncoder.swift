extension CrushMap {
    /// Encodes the map exactly as crushtool 16.2.15 writes it (`CrushWrapper::encode` with the
    /// features crushtool uses by default, which include `CRUSH_TUNABLES5`, `SERVER_LUMINOUS`
    /// and `CRUSH_CHOOSE_ARGS`): the layout documented on `init(binary:)`, with every optional
    /// group present, name and class maps in ascending key order (C++ `std::map` order),
    /// choose_args maps in ascending index order and their entries in bucket-slot order.
    ///
    /// Like Ceph:
    /// - a rule's mask is written as stored (ruleset, type, min_size, max_size);
    /// - a tree bucket's `num_nodes` is a `u8`, so it is written truncated to 8 bits and only that
    ///   many node weights follow;
    /// - a choose_args entry with neither weights nor ids is left out, and so is one for a
    ///   slot outside `0..<maxBuckets` (Ceph's per-map array has exactly max_buckets slots).
    ///
    /// Arrays shorter than the bucket's `items` are padded with zeros (the C arrays are
    /// `calloc`ed), so this never traps on an inconsistent model.
    public func binaryEncoded() -> [UInt8] {
        var writer = BinaryWriter()
        writer.u32(crushMagic)
        writer.s32(maxBuckets)
        writer.u32(maxRules)
        writer.s32(maxDevices)

        for bucket in buckets {
            guard let bucket else {
                writer.u32(0)
                continue
            }
            Self.encode(bucket, into: &writer)
        }

        for rule in rules {
            guard let rule else {
                writer.u32(0)
                continue
            }
            writer.u32(1)
            writer.count(rule.steps.count)
            writer.u8(rule.ruleset)
            writer.u8(rule.type)
            writer.u8(rule.minSize)
            writer.u8(rule.maxSize)
            for step in rule.steps {
                writer.u32(step.op.rawValue)
                writer.s32(step.arg1)
                writer.s32(step.arg2)
            }
        }

        Self.encode(typeNames, into: &writer)
        Self.encode(itemNames, into: &writer)
        Self.encode(ruleNames, into: &writer)

        writer.u32(tunables.chooseLocalTries)
        writer.u32(tunables.chooseLocalFallbackTries)
        writer.u32(tunables.chooseTotalTries)
        writer.u32(tunables.chooseLeafDescendOnce)
        writer.u8(tunables.chooseLeafVaryR)
        writer.u8(tunables.strawCalcVersion)
        writer.u32(tunables.allowedBucketAlgs)
        writer.u8(tunables.chooseLeafStable)

        writer.count(deviceClasses.count)
        for (device, classID) in deviceClasses.sorted(by: { $0.key < $1.key }) {
            writer.s32(device)
            writer.s32(classID)
        }
        Self.encode(classNames, into: &writer)
        writer.count(classBuckets.count)
        for (bucket, perClass) in classBuckets.sorted(by: { $0.key < $1.key }) {
            writer.s32(bucket)
            writer.count(perClass.count)
            for (classID, shadow) in perClass.sorted(by: { $0.key < $1.key }) {
                writer.s32(classID)
                writer.s32(shadow)
            }
        }

        writer.count(chooseArgs.count)
        for (index, args) in chooseArgs.sorted(by: { $0.key < $1.key }) {
            writer.s64(index)
            // Bucket slot order is id -1, -2, …: descending ids.
            let kept = args
                .filter { entry in
                    let slot = -1 - Int64(entry.key)
                    return slot >= 0 && slot < Int64(buckets.count)
                        && !(entry.value.weightSet.isEmpty && entry.value.ids.isEmpty)
                }
                .sorted(by: { $0.key > $1.key })
            writer.count(kept.count)
            for (bucketID, arg) in kept {
                writer.u32(UInt32(-1 - Int64(bucketID)))
                writer.count(arg.weightSet.count)
                for weights in arg.weightSet {
                    writer.count(weights.count)
                    for weight in weights { writer.u32(weight) }
                }
                writer.count(arg.ids.count)
                for id in arg.ids { writer.s32(id) }
            }
        }
        return writer.bytes
    }

    private static func encode(_ bucket: Bucket, into writer: inout BinaryWriter) {
        let size = bucket.items.count
        writer.u32(UInt32(bucket.algorithm.rawValue))
        writer.s32(bucket.id)
        writer.u16(bucket.type)
        writer.u8(bucket.algorithm.rawValue)
        writer.u8(bucket.hash)
        writer.u32(bucket.weight)
        writer.count(size)
        for item in bucket.items { writer.s32(item) }
        switch bucket.algorithm {
        case .uniform:
            writer.u32(bucket.uniformItemWeight)
        case .list:
            for j in 0..<size {
                writer.u32(bucket.itemWeights.valueOrZero(at: j))
                writer.u32(bucket.sumWeights.valueOrZero(at: j))
            }
        case .tree:
            let numNodes = UInt8(truncatingIfNeeded: bucket.nodeWeights.count)
            writer.u8(numNodes)
            for j in 0..<Int(numNodes) { writer.u32(bucket.nodeWeights[j]) }
        case .straw:
            for j in 0..<size {
                writer.u32(bucket.itemWeights.valueOrZero(at: j))
                writer.u32(bucket.straws.valueOrZero(at: j))
            }
        case .straw2:
            for j in 0..<size { writer.u32(bucket.itemWeights.valueOrZero(at: j)) }
        }
    }

    /// `encode(std::map<int32_t, std::string>)`.
    private static func encode(_ names: [Int32: String], into writer: inout BinaryWriter) {
        writer.count(names.count)
        for (key, name) in names.sorted(by: { $0.key < $1.key }) {
            writer.s32(key)
            writer.string(name)
        }
    }
}

extension Array where Element == UInt32 {
    /// The element at `index`, or 0 past the end (a `calloc`ed C array's value).
    fileprivate func valueOrZero(at index: Int) -> UInt32 {
        index < count ? self[index] : 0
    }
}
