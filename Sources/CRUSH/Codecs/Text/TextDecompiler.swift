extension CrushMap {
    /// The map as `crushtool -d` 16.2.15 prints it, byte for byte (`CrushCompiler::decompile`).
    ///
    /// Tunables appear only where they differ from the legacy values; weights are printed as
    /// `%.3f` of the weight read as a C `int` and converted to `float`; buckets come children
    /// first, from id -1 downwards, shadow buckets (named `x~class`) left out but named by their
    /// parents' `id N class C` lines; rules show `step take X class C` for a shadow bucket.
    /// `choose_args` of buckets that do not exist or are not straw2 are left out, as crushtool
    /// drops them when it reads the binary map it decompiles.
    public func decompiled() -> String {
        var out = "# begin crush map\n"
        let t = tunables
        if t.chooseLocalTries != 2 { out += "tunable choose_local_tries \(Int32(bitPattern: t.chooseLocalTries))\n" }
        if t.chooseLocalFallbackTries != 5 {
            out += "tunable choose_local_fallback_tries \(Int32(bitPattern: t.chooseLocalFallbackTries))\n"
        }
        if t.chooseTotalTries != 19 { out += "tunable choose_total_tries \(Int32(bitPattern: t.chooseTotalTries))\n" }
        if t.chooseLeafDescendOnce != 0 {
            out += "tunable chooseleaf_descend_once \(Int32(bitPattern: t.chooseLeafDescendOnce))\n"
        }
        if t.chooseLeafVaryR != 0 { out += "tunable chooseleaf_vary_r \(t.chooseLeafVaryR)\n" }
        if t.chooseLeafStable != 0 { out += "tunable chooseleaf_stable \(t.chooseLeafStable)\n" }
        if t.strawCalcVersion != 0 { out += "tunable straw_calc_version \(t.strawCalcVersion)\n" }
        if t.allowedBucketAlgs != Tunables.legacy.allowedBucketAlgs {
            out += "tunable allowed_bucket_algs \(t.allowedBucketAlgs)\n"
        }

        out += "\n# devices\n"
        for id in itemNames.keys.sorted() where id >= 0 && id < maxDevices {
            out += "device \(id) \(itemNames[id]!)"
            if let classID = deviceClasses[id], let name = classNames[classID] {
                out += " class \(name)"
            }
            out += "\n"
        }

        out += "\n# types\n"
        let typeIDs = typeNames.keys.sorted().filter { $0 >= 0 }
        if !typeIDs.isEmpty && typeNames[0] == nil { out += "type 0 osd\n" }
        for id in typeIDs {
            out += "type \(id) \(typeNames[id]!)\n"
        }

        out += "\n# buckets\n"
        for id in bucketPrintOrder() {
            decompileBucket(id, into: &out)
        }

        out += "\n# rules\n"
        for (index, rule) in rules.enumerated() {
            guard let rule else { continue }
            decompileRule(rule, id: Int32(index), into: &out)
        }

        if !chooseArgs.isEmpty {
            out += "\n# choose_args\n"
            for index in chooseArgs.keys.sorted() {
                out += "choose_args \(UInt64(bitPattern: index)) {\n"
                let args = chooseArgs[index]!
                for bucketID in args.keys.sorted(by: >) {
                    guard let arg = args[bucketID], let b = bucket(id: bucketID), b.algorithm == .straw2,
                          !(arg.weightSet.isEmpty && arg.ids.isEmpty)
                    else { continue }
                    out += "  {\n    bucket_id \(bucketID)\n"
                    if !arg.weightSet.isEmpty {
                        out += "    weight_set [\n"
                        for weights in arg.weightSet {
                            out += "      [ "
                            for w in weights { out += FixedPointFormat.threeDecimals(w) + " " }
                            out += "]\n"
                        }
                        out += "    ]\n"
                    }
                    if !arg.ids.isEmpty {
                        out += "    ids [ "
                        for id in arg.ids { out += "\(id) " }
                        out += "]\n"
                    }
                    out += "  }\n"
                }
                out += "}\n"
            }
        }
        out += "\n# end crush map\n"
        return out
    }

    // MARK: - Pieces

    private func typeNameForPrinting(_ type: Int32) -> String {
        if let name = typeNames[type] { return name }
        return type == 0 ? "device" : "type\(type)"
    }

    private func itemNameForPrinting(_ id: Int32) -> String {
        if let name = itemNames[id] { return name }
        return id >= 0 ? "device\(id)" : "bucket\(-1 - Int64(id))"
    }

    /// The order of `decompile_bucket`: from id -1 down, each bucket after the buckets it
    /// contains (depth first, in item order), each once. Ceph stops at a cycle; here a bucket
    /// already on the path is skipped.
    private func bucketPrintOrder() -> [Int32] {
        var order: [Int32] = []
        var done = Set<Int32>()
        var onPath = Set<Int32>()
        for index in 0..<buckets.count {
            let start = Int32(-1 - index)
            guard bucket(id: start) != nil, !done.contains(start) else { continue }
            // (id, next item position to visit)
            var stack: [(id: Int32, next: Int)] = [(start, 0)]
            onPath.insert(start)
            while let (id, next) = stack.last {
                let items = bucket(id: id)?.items ?? []
                if next < items.count {
                    stack[stack.count - 1].next += 1
                    let child = items[next]
                    if child < 0, bucket(id: child) != nil, !done.contains(child), !onPath.contains(child) {
                        stack.append((child, 0))
                        onPath.insert(child)
                    }
                    continue
                }
                stack.removeLast()
                onPath.remove(id)
                done.insert(id)
                order.append(id)
            }
        }
        return order
    }

    /// `decompile_bucket_impl`: one bucket's block (nothing for a shadow bucket).
    private func decompileBucket(_ id: Int32, into out: inout String) {
        guard let b = bucket(id: id) else { return }
        if let name = itemNames[id], !Self.isValidCrushName(name) { return }

        out += typeNameForPrinting(Int32(b.type)) + " " + itemNameForPrinting(id) + " {\n"
        out += "\tid \(id)\t\t# do not change unnecessarily\n"
        if let byClass = classBuckets[id] {
            for classID in byClass.keys.sorted() {
                out += "\tid \(byClass[classID]!) class \(classNames[classID] ?? "")\t\t# do not change unnecessarily\n"
            }
        }
        out += "\t# weight \(FixedPointFormat.threeDecimals(b.weight))\n"
        out += "\talg \(b.algorithm.name)"
        var showPositions = false
        switch b.algorithm {
        case .uniform:
            out += "\t# do not change bucket size (\(b.items.count)) unnecessarily"
            showPositions = true
        case .list:
            out += "\t# add new items at the end; do not change order unnecessarily"
        case .tree:
            out += "\t# do not change pos for existing items unnecessarily"
            showPositions = true
        case .straw, .straw2:
            break
        }
        out += "\n"
        out += "\thash \(b.hash)\t# \(b.hash == 0 ? "rjenkins1" : "unknown")\n"
        for position in 0..<b.items.count {
            out += "\titem \(itemNameForPrinting(b.items[position])) weight "
            out += FixedPointFormat.threeDecimals(printableItemWeight(b, position))
            if showPositions { out += " pos \(position)" }
            out += "\n"
        }
        out += "}\n"
    }

    /// `crush_get_bucket_item_weight`, reading no further than the arrays go.
    private func printableItemWeight(_ b: Bucket, _ position: Int) -> UInt32 {
        switch b.algorithm {
        case .uniform: return b.uniformItemWeight
        case .tree:
            let node = TreeBucketLayout.node(ofLeaf: position)
            return node < b.nodeWeights.count ? b.nodeWeights[node] : 0
        case .list, .straw, .straw2:
            return position < b.itemWeights.count ? b.itemWeights[position] : 0
        }
    }

    private func decompileRule(_ rule: Rule, id: Int32, into out: inout String) {
        out += "rule " + (ruleNames[id] ?? "") + " {\n"
        out += "\tid \(id)\n"
        if Int32(rule.ruleset) != id {
            out += "\t# WARNING: ruleset \(rule.ruleset) != id \(id); this will not recompile to the same map\n"
        }
        switch rule.type {
        case Rule.typeReplicated: out += "\ttype replicated\n"
        case Rule.typeErasure: out += "\ttype erasure\n"
        default: out += "\ttype \(rule.type)\n"
        }
        out += "\tmin_size \(rule.minSize)\n"
        out += "\tmax_size \(rule.maxSize)\n"
        for step in rule.steps {
            switch step.op {
            case .noop:
                out += "\tstep noop\n"
            case .take:
                out += "\tstep take " + takeTarget(step.arg1) + "\n"
            case .emit:
                out += "\tstep emit\n"
            case .setChooseTries:
                out += "\tstep set_choose_tries \(step.arg1)\n"
            case .setChooseLocalTries:
                out += "\tstep set_choose_local_tries \(step.arg1)\n"
            case .setChooseLocalFallbackTries:
                out += "\tstep set_choose_local_fallback_tries \(step.arg1)\n"
            case .setChooseLeafTries:
                out += "\tstep set_chooseleaf_tries \(step.arg1)\n"
            case .setChooseLeafVaryR:
                out += "\tstep set_chooseleaf_vary_r \(step.arg1)\n"
            case .setChooseLeafStable:
                out += "\tstep set_chooseleaf_stable \(step.arg1)\n"
            case .chooseFirstN:
                out += "\tstep choose firstn \(step.arg1) type \(typeNameForPrinting(step.arg2))\n"
            case .chooseIndep:
                out += "\tstep choose indep \(step.arg1) type \(typeNameForPrinting(step.arg2))\n"
            case .chooseLeafFirstN:
                out += "\tstep chooseleaf firstn \(step.arg1) type \(typeNameForPrinting(step.arg2))\n"
            case .chooseLeafIndep:
                out += "\tstep chooseleaf indep \(step.arg1) type \(typeNameForPrinting(step.arg2))\n"
            }
        }
        out += "}\n"
    }

    /// `split_id_class`: a shadow bucket `x~c` is printed as `x class c`.
    private func takeTarget(_ item: Int32) -> String {
        guard let name = itemNames[item] else { return itemNameForPrinting(item) }
        guard let tilde = name.firstIndex(of: "~") else { return name }
        let base = String(name[..<tilde])
        let className = String(name[name.index(after: tilde)...])
        guard let baseID = itemIDsByName()[base], classNames.values.contains(className) else { return name }
        return itemNameForPrinting(baseID) + " class " + className
    }
}
