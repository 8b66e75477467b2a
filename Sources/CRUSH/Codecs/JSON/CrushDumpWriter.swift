extension CrushMap {
    /// The map as JSON, byte for byte as `crushtool -i MAP --dump` 16.2.15 prints it
    /// (`CrushWrapper::dump` in json-pretty, followed by crushtool's blank line): devices, types,
    /// buckets, rules, tunables and choose_args. `ceph osd crush dump` prints the same object.
    ///
    /// What Ceph does and this follows:
    /// - devices are every id below `maxDevices`; one without a name shows as `device<id>`,
    ///   and `class` is shown only when the device has a class that has a name;
    /// - buckets appear by id, -1 first; `name` and `type_name` are left out when unknown;
    ///   item weights are what `crush_get_bucket_item_weight` returns (for a tree bucket, the
    ///   leaf's node weight; for a uniform one, the common item weight);
    /// - rules appear by id; only `set_choose_tries` and `set_chooseleaf_tries` have names
    ///   among the `set_*` steps, the others print as `opcode`/`arg1`/`arg2`;
    /// - a `take` of an unnamed item has `item_name` `""`;
    /// - names end at their first NUL, as C strings do;
    /// - choose_args weights print as `(float)w / (float)0x10000` in `%.17g`; buckets whose
    ///   arguments are empty are skipped.
    ///
    /// Where crushtool would crash instead (a choose step whose type has no name), the type
    /// prints as `""`.
    ///
    /// The dump shows the map as given. `crushtool -i FILE --dump` shows the map as Ceph holds it
    /// after decoding, which drops choose_args of non-straw2 buckets and recomputes max_devices:
    /// dump `CrushMap(binary:).normalizedAsCephDecodes()` to get its output.
    public func dumpJSON() -> String {
        var f = CephJSONFormatter()
        f.openObject("crush_map")
        dumpDevices(&f)
        dumpTypes(&f)
        dumpBuckets(&f)
        f.openArray("rules")
        dumpRules(&f)
        f.closeSection()
        f.openObject("tunables")
        dumpTunables(&f)
        f.closeSection()
        dumpChooseArgs(&f)
        f.closeSection()
        // Ceph's pretty formatter ends the document with a newline, and crushtool adds one.
        return String(decoding: f.output, as: UTF8.self) + "\n\n"
    }

    private func dumpDevices(_ f: inout CephJSONFormatter) {
        f.openArray("devices")
        var id: Int32 = 0
        while id < maxDevices {
            f.openObject("device")
            f.dumpInt("id", id)
            f.dumpString("name", itemNames[id] ?? "device\(id)")
            if let classID = deviceClasses[id], let className = classNames[classID] {
                f.dumpString("class", className)
            }
            f.closeSection()
            id += 1
        }
        f.closeSection()
    }

    private func dumpTypes(_ f: inout CephJSONFormatter) {
        f.openArray("types")
        for (id, name) in typeNames.sorted(by: { $0.key < $1.key }) {
            f.openObject("type")
            f.dumpInt("type_id", id)
            f.dumpString("name", name)
            f.closeSection()
        }
        f.closeSection()
    }

    private func dumpBuckets(_ f: inout CephJSONFormatter) {
        f.openArray("buckets")
        for (index, slot) in buckets.enumerated() {
            guard let bucket = slot else { continue }
            let id = Int32(truncatingIfNeeded: -1 - index)
            f.openObject("bucket")
            f.dumpInt("id", id)
            if let name = itemNames[id] { f.dumpString("name", name) }
            f.dumpInt("type_id", bucket.type)
            if let typeName = typeNames[Int32(bucket.type)] { f.dumpString("type_name", typeName) }
            f.dumpInt("weight", bucket.weight)
            f.dumpString("alg", bucket.algorithm.name)
            f.dumpString("hash", bucket.hash == 0 ? "rjenkins1" : "unknown")
            f.openArray("items")
            for position in bucket.items.indices {
                f.openObject("item")
                f.dumpInt("id", bucket.items[position])
                f.dumpInt("weight", bucket.dumpedItemWeight(at: position))
                f.dumpInt("pos", position)
                f.closeSection()
            }
            f.closeSection()
            f.closeSection()
        }
        f.closeSection()
    }

    private func dumpRules(_ f: inout CephJSONFormatter) {
        for (id, slot) in rules.enumerated() {
            guard let rule = slot else { continue }
            f.openObject("rule")
            f.dumpInt("rule_id", id)
            if let name = ruleNames[Int32(truncatingIfNeeded: id)] { f.dumpString("rule_name", name) }
            f.dumpInt("ruleset", rule.ruleset)
            f.dumpInt("type", rule.type)
            f.dumpInt("min_size", rule.minSize)
            f.dumpInt("max_size", rule.maxSize)
            f.openArray("steps")
            for step in rule.steps {
                f.openObject("step")
                dumpStep(step, &f)
                f.closeSection()
            }
            f.closeSection()
            f.closeSection()
        }
    }

    private func dumpStep(_ step: RuleStep, _ f: inout CephJSONFormatter) {
        switch step.op {
        case .noop:
            f.dumpString("op", "noop")
        case .take:
            f.dumpString("op", "take")
            f.dumpInt("item", step.arg1)
            f.dumpString("item_name", itemNames[step.arg1] ?? "")
        case .emit:
            f.dumpString("op", "emit")
        case .chooseFirstN, .chooseIndep, .chooseLeafFirstN, .chooseLeafIndep:
            f.dumpString("op", RuleStep.dumpName(ofChoose: step.op))
            f.dumpInt("num", step.arg1)
            f.dumpString("type", typeNames[step.arg2] ?? "")
        case .setChooseTries:
            f.dumpString("op", "set_choose_tries")
            f.dumpInt("num", step.arg1)
        case .setChooseLeafTries:
            f.dumpString("op", "set_chooseleaf_tries")
            f.dumpInt("num", step.arg1)
        case .setChooseLocalTries, .setChooseLocalFallbackTries, .setChooseLeafVaryR, .setChooseLeafStable:
            f.dumpInt("opcode", step.op.rawValue)
            f.dumpInt("arg1", step.arg1)
            f.dumpInt("arg2", step.arg2)
        }
    }

    private func dumpTunables(_ f: inout CephJSONFormatter) {
        let report = TunablesReport(self)
        f.dumpInt("choose_local_tries", tunables.chooseLocalTries)
        f.dumpInt("choose_local_fallback_tries", tunables.chooseLocalFallbackTries)
        f.dumpInt("choose_total_tries", tunables.chooseTotalTries)
        f.dumpInt("chooseleaf_descend_once", tunables.chooseLeafDescendOnce)
        f.dumpInt("chooseleaf_vary_r", tunables.chooseLeafVaryR)
        f.dumpInt("chooseleaf_stable", tunables.chooseLeafStable)
        f.dumpInt("straw_calc_version", tunables.strawCalcVersion)
        f.dumpInt("allowed_bucket_algs", tunables.allowedBucketAlgs)
        f.dumpString("profile", report.profile)
        f.dumpInt("optimal_tunables", report.optimal ? 1 : 0)
        f.dumpInt("legacy_tunables", report.legacy ? 1 : 0)
        f.dumpString("minimum_required_version", report.minimumRequiredVersion)
        f.dumpInt("require_feature_tunables", report.nondefaultTunables ? 1 : 0)
        f.dumpInt("require_feature_tunables2", report.nondefaultTunables2 ? 1 : 0)
        f.dumpInt("has_v2_rules", report.hasV2Rules ? 1 : 0)
        f.dumpInt("require_feature_tunables3", report.nondefaultTunables3 ? 1 : 0)
        f.dumpInt("has_v3_rules", report.hasV3Rules ? 1 : 0)
        f.dumpInt("has_v4_buckets", report.hasV4Buckets ? 1 : 0)
        f.dumpInt("require_feature_tunables5", report.nondefaultTunables5 ? 1 : 0)
        f.dumpInt("has_v5_rules", report.hasV5Rules ? 1 : 0)
    }

    private func dumpChooseArgs(_ f: inout CephJSONFormatter) {
        f.openObject("choose_args")
        for (key, args) in chooseArgs.sorted(by: { $0.key < $1.key }) {
            f.openArray(String(key))
            // Ceph keeps one slot per bucket index (max_buckets of them) and skips empty ones.
            let present = args.filter { id, arg in
                id < 0 && Int64(-1) - Int64(id) < Int64(buckets.count) && !(arg.weightSet.isEmpty && arg.ids.isEmpty)
            }
            for (bucketID, arg) in present.sorted(by: { $0.key > $1.key }) {
                f.openObject("choose_args")
                f.dumpInt("bucket_id", bucketID)
                if !arg.weightSet.isEmpty {
                    f.openArray("weight_set")
                    for weights in arg.weightSet {
                        f.openArray("weights")
                        for weight in weights {
                            f.dumpFloat("weight", Double(Float(weight) / Float(0x10000)))
                        }
                        f.closeSection()
                    }
                    f.closeSection()
                }
                if !arg.ids.isEmpty {
                    f.openArray("ids")
                    for id in arg.ids { f.dumpInt("id", id) }
                    f.closeSection()
                }
                f.closeSection()
            }
            f.closeSection()
        }
        f.closeSection()
    }
}

extension RuleStep {
    /// The ops that choose items, with their `op` names in Ceph's dump.
    static let chooseOps: [(op: RuleOp, name: String)] = [
        (.chooseFirstN, "choose_firstn"), (.chooseIndep, "choose_indep"),
        (.chooseLeafFirstN, "chooseleaf_firstn"), (.chooseLeafIndep, "chooseleaf_indep"),
    ]

    static func dumpName(ofChoose op: RuleOp) -> String {
        chooseOps.first(where: { $0.op == op })?.name ?? ""
    }
}

extension Bucket {
    /// `crush_get_bucket_item_weight`, but 0 where the bucket's arrays are too short for the
    /// position (a malformed map must not crash the dump).
    func dumpedItemWeight(at position: Int) -> UInt32 {
        switch algorithm {
        case .uniform:
            return uniformItemWeight
        case .tree:
            let node = TreeBucketLayout.node(ofLeaf: position)
            return nodeWeights.indices.contains(node) ? nodeWeights[node] : 0
        case .list, .straw, .straw2:
            return itemWeights.indices.contains(position) ? itemWeights[position] : 0
        }
    }
}
