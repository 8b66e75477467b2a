extension CrushMap {
    /// Rebuilds a map from the JSON of `crushtool --dump` or `ceph osd crush dump` (Pacific's
    /// `CrushWrapper::dump`, which `dumpJSON()` writes).
    ///
    /// The dump says everything but a few things Ceph keeps beside it, which are rebuilt:
    /// - bucket internals (list sum weights, tree node weights, straw lengths) come from
    ///   `BucketBuilder.make` with the dump's item weights and its `straw_calc_version`; the
    ///   bucket's own `weight` is the dumped one. (Ceph recomputes straws only when a bucket
    ///   changes, so a straw bucket last touched under another `straw_calc_version` may differ.)
    /// - a device that the dump calls `device<id>`, with no class, that no bucket holds, is a
    ///   nameless id (the dump invents that name for holes) unless a rule takes it and shows that
    ///   name as `item_name` (Ceph shows `""` for nameless items); any other device keeps its name;
    /// - class ids, which the dump does not show, are numbered from 0 in the order classes first
    ///   appear: on devices by ascending id, then on shadow buckets in dump order (Ceph numbers
    ///   them in creation order, which for a compiled map is that order);
    /// - a bucket named `x~c` where `x` is another bucket's name is the shadow of `x` for class
    ///   `c` (`classBuckets[x][c]`, and `deviceClasses[shadow] = c`, as Ceph's class_map holds
    ///   shadow buckets too), splitting at the first `~` as `CrushWrapper::split_id_class` does;
    /// - the bucket array has as many slots as `crush_add_bucket` would have made: 8, doubled
    ///   until the highest id fits (none if there are no buckets);
    /// - `maxDevices` is one past the highest device id listed;
    /// - choose_args weights are `trunc(weight × 0x10000)`, as Ceph's compiler converts them
    ///   (exact for the values a dump prints).
    ///
    /// Derived fields (`type_name`, `item_name`, the tunables' `profile` and feature flags) are
    /// checked where they can contradict the map (`type_name`, `item_name`) and otherwise
    /// ignored. Unknown fields are errors, so are dangling references (a bucket item that is
    /// neither a listed device nor a bucket, a choose step's unknown type, choose_args for a
    /// missing bucket, choose_args ids that are not one per bucket item); a take of an item that
    /// does not exist is kept, as Ceph keeps it (its mapper skips it). Weight sets may have any
    /// length, as Ceph's decode allows. Ids are bounded: no more bucket, rule or device slots
    /// than `max(65536, size of the text in bytes)`.
    public init(dumpJSON text: String) throws(CrushJSONError) {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch {
            throw .syntax(error)
        }
        var reader = CrushDumpReader(slotLimit: min(max(1 << 16, text.utf8.count), 1 << 30))
        self = try reader.read(JSONField(value: root, path: .root))
    }
}

/// The state of one `CrushMap(dumpJSON:)`.
private struct CrushDumpReader {
    /// The most bucket, rule or device slots the map may have.
    let slotLimit: Int
    var map = CrushMap()
    /// Devices as listed, by id: name and class name.
    var listedDevices: [(id: Int32, name: String, className: String?, field: JSONField)] = []
    /// Item ids that buckets hold.
    var heldItems: Set<Int32> = []
    /// Rule steps that take a device, with the `item_name` they show, if any.
    var deviceTakes: [(device: Int32, itemName: String?, field: JSONField)] = []

    init(slotLimit: Int) {
        self.slotLimit = slotLimit
    }

    mutating func read(_ root: JSONField) throws(CrushJSONError) -> CrushMap {
        let top = try root.object(keys: ["devices", "types", "buckets", "rules", "tunables", "choose_args"])
        try readTypes(top.required("types"))
        try readDevices(top.required("devices"))
        try readTunables(top.required("tunables"))
        let bucketFields = try readBuckets(top.required("buckets"))
        try checkBucketItems(bucketFields)
        padBucketSlots()
        try readRules(top.required("rules"))
        try nameDevices()
        try rebuildClasses(bucketFields)
        if let chooseArgs = top.optional("choose_args") {
            try readChooseArgs(chooseArgs)
        }
        return map
    }

    // MARK: Types and devices

    mutating func readTypes(_ field: JSONField) throws(CrushJSONError) {
        for entry in try field.array() {
            let type = try entry.object(keys: ["type_id", "name"])
            let idField = try type.required("type_id")
            let id: Int32 = try idField.integer()
            guard map.typeNames[id] == nil else { throw idField.invalid("type \(id) is listed twice") }
            map.typeNames[id] = try type.required("name").string()
        }
    }

    mutating func readDevices(_ field: JSONField) throws(CrushJSONError) {
        var maxDevices: Int64 = 0
        var seen: Set<Int32> = []
        for entry in try field.array() {
            let device = try entry.object(keys: ["id", "name", "class"])
            let idField = try device.required("id")
            let id: Int32 = try idField.integer()
            guard id >= 0 else { throw idField.invalid("device ids are 0 or more, found \(id)") }
            guard Int(id) < slotLimit else {
                throw idField.invalid("device id \(id) is beyond the \(slotLimit) devices this reader accepts")
            }
            guard seen.insert(id).inserted else { throw idField.invalid("device \(id) is listed twice") }
            let name = try device.required("name").string()
            let className = try device.optional("class")?.string()
            listedDevices.append((id, name, className, entry))
            maxDevices = max(maxDevices, Int64(id) + 1)
        }
        listedDevices.sort { $0.id < $1.id }
        map.maxDevices = Int32(clamping: maxDevices)
    }

    /// Names the listed devices, leaving out the `device<id>` names Ceph invents for holes:
    /// a device so named, without a class, that no bucket holds, is a hole unless a rule takes
    /// it and shows that name as its `item_name` (Ceph shows `""` for a nameless item).
    mutating func nameDevices() throws(CrushJSONError) {
        var listed: [Int32: String] = [:]
        for device in listedDevices {
            let mayBeHole = device.name == "device\(device.id)" && device.className == nil
                && !heldItems.contains(device.id)
            let shownNames = deviceTakes.filter { $0.device == device.id }.compactMap(\.itemName)
            if !(mayBeHole && shownNames.contains("") || mayBeHole && shownNames.isEmpty) {
                map.itemNames[device.id] = device.name
            }
            listed[device.id] = device.name
        }
        for take in deviceTakes {
            guard let shown = take.itemName else { continue }
            let name = map.itemNames[take.device] ?? ""
            guard shown == name else {
                throw take.field.invalid(
                    "'\(shown)' contradicts the devices, where device \(take.device) is "
                        + (listed[take.device].map { "'\($0)'" } ?? "not listed"))
            }
        }
    }

    // MARK: Tunables

    mutating func readTunables(_ field: JSONField) throws(CrushJSONError) {
        let values = [
            "choose_local_tries", "choose_local_fallback_tries", "choose_total_tries",
            "chooseleaf_descend_once", "chooseleaf_vary_r", "chooseleaf_stable", "straw_calc_version",
            "allowed_bucket_algs",
        ]
        let derived = [
            "profile", "optimal_tunables", "legacy_tunables", "minimum_required_version",
            "require_feature_tunables", "require_feature_tunables2", "has_v2_rules",
            "require_feature_tunables3", "has_v3_rules", "has_v4_buckets", "require_feature_tunables5",
            "has_v5_rules",
        ]
        let t = try field.object(keys: Set(values + derived))
        map.tunables = Tunables(
            chooseLocalTries: try t.required("choose_local_tries").integer(),
            chooseLocalFallbackTries: try t.required("choose_local_fallback_tries").integer(),
            chooseTotalTries: try t.required("choose_total_tries").integer(),
            chooseLeafDescendOnce: try t.required("chooseleaf_descend_once").integer(),
            chooseLeafVaryR: try t.required("chooseleaf_vary_r").integer(),
            chooseLeafStable: try t.required("chooseleaf_stable").integer(),
            strawCalcVersion: try t.required("straw_calc_version").integer(),
            allowedBucketAlgs: try t.required("allowed_bucket_algs").integer())
    }

    // MARK: Buckets

    /// Reads every bucket; returns each bucket's items field by bucket id, for later checks.
    mutating func readBuckets(_ field: JSONField) throws(CrushJSONError) -> [(id: Int32, field: JSONField)] {
        var read: [(id: Int32, field: JSONField)] = []
        for entry in try field.array() {
            let b = try entry.object(keys: ["id", "name", "type_id", "type_name", "weight", "alg", "hash", "items"])
            let idField = try b.required("id")
            let id: Int32 = try idField.integer()
            guard id < 0 else { throw idField.invalid("bucket ids are negative, found \(id)") }
            guard -1 - Int64(id) < Int64(slotLimit) else {
                throw idField.invalid("bucket id \(id) is beyond the \(slotLimit) bucket slots this reader accepts")
            }
            guard map.bucket(id: id) == nil else { throw idField.invalid("bucket \(id) is listed twice") }

            let typeField = try b.required("type_id")
            let type: UInt16 = try typeField.integer()
            if let typeNameField = b.optional("type_name") {
                let typeName = try typeNameField.string()
                guard let known = map.typeNames[Int32(type)] else {
                    throw typeNameField.invalid("type \(type) is not in types")
                }
                guard known == typeName else {
                    throw typeNameField.invalid("'\(typeName)' contradicts types, where type \(type) is '\(known)'")
                }
            }
            let algField = try b.required("alg")
            let algName = try algField.string()
            guard let algorithm = BucketAlgorithm(name: algName) else {
                throw algField.invalid("unknown bucket algorithm '\(algName)' (expected uniform, list, tree, straw or straw2)")
            }
            let hashField = try b.required("hash")
            let hashName = try hashField.string()
            guard hashName == "rjenkins1" else {
                throw hashField.invalid("unknown hash '\(hashName)' (rjenkins1 is the only one Ceph defines)")
            }
            let weight: UInt32 = try b.required("weight").integer()

            let itemsField = try b.required("items")
            var items: [Int32] = []
            var weights: [UInt32] = []
            for (position, itemField) in try itemsField.array().enumerated() {
                let item = try itemField.object(keys: ["id", "weight", "pos"])
                items.append(try item.required("id").integer())
                weights.append(try item.required("weight").integer())
                let posField = try item.required("pos")
                let pos: Int64 = try posField.integer()
                guard pos == Int64(position) else {
                    throw posField.invalid("expected \(position), the item's place in the list, found \(pos)")
                }
            }
            if algorithm == .uniform, let first = weights.first, let other = weights.firstIndex(where: { $0 != first }) {
                throw .invalid(
                    path: itemsField.path.appending(other).appending("weight").description,
                    reason: "every item of a uniform bucket has the same weight (\(first)), found \(weights[other])")
            }
            var bucket = BucketBuilder.make(
                id: id, type: type, algorithm: algorithm, hash: 0, items: items, weights: weights,
                strawCalcVersion: map.tunables.strawCalcVersion)
            bucket.weight = weight
            map.setBucket(bucket)
            if let nameField = b.optional("name") {
                map.itemNames[id] = try nameField.string()
            }
            heldItems.formUnion(items)
            read.append((id, itemsField))
        }
        return read
    }

    /// Every bucket item must be a listed device or a bucket.
    func checkBucketItems(_ buckets: [(id: Int32, field: JSONField)]) throws(CrushJSONError) {
        let devices = Set(listedDevices.map(\.id))
        for (id, itemsField) in buckets {
            guard let bucket = map.bucket(id: id) else { continue }
            for (position, item) in bucket.items.enumerated() {
                let known = item >= 0 ? devices.contains(item) : map.bucket(id: item) != nil
                if !known {
                    let path = itemsField.path.appending(position).appending("id")
                    throw .invalid(
                        path: path.description,
                        reason: item >= 0 ? "device \(item) is not in devices" : "bucket \(item) is not in buckets")
                }
            }
        }
    }

    // MARK: Rules

    mutating func readRules(_ field: JSONField) throws(CrushJSONError) {
        for entry in try field.array() {
            let r = try entry.object(keys: ["rule_id", "rule_name", "ruleset", "type", "min_size", "max_size", "steps"])
            let idField = try r.required("rule_id")
            let id: UInt32 = try idField.integer()
            guard Int(id) < slotLimit else {
                throw idField.invalid("rule id \(id) is beyond the \(slotLimit) rule slots this reader accepts")
            }
            let index = Int(id)
            guard index >= map.rules.count || map.rules[index] == nil else {
                throw idField.invalid("rule \(id) is listed twice")
            }
            var steps: [RuleStep] = []
            for stepField in try r.required("steps").array() {
                steps.append(try readStep(stepField))
            }
            let rule = Rule(
                ruleset: try r.required("ruleset").integer(), type: try r.required("type").integer(),
                minSize: try r.required("min_size").integer(), maxSize: try r.required("max_size").integer(),
                steps: steps)
            if index >= map.rules.count {
                map.rules.append(contentsOf: repeatElement(nil, count: index + 1 - map.rules.count))
            }
            map.rules[index] = rule
            if let nameField = r.optional("rule_name") {
                map.ruleNames[Int32(id)] = try nameField.string()
            }
        }
    }

    static let setOpNames: [(name: String, op: RuleOp)] = [
        ("set_choose_tries", .setChooseTries), ("set_chooseleaf_tries", .setChooseLeafTries),
        ("set_choose_local_tries", .setChooseLocalTries),
        ("set_choose_local_fallback_tries", .setChooseLocalFallbackTries),
        ("set_chooseleaf_vary_r", .setChooseLeafVaryR), ("set_chooseleaf_stable", .setChooseLeafStable),
    ]

    mutating func readStep(_ field: JSONField) throws(CrushJSONError) -> RuleStep {
        let s = try field.object(keys: ["op", "item", "item_name", "num", "type", "opcode", "arg1", "arg2"])
        func only(_ allowed: Set<String>) throws(CrushJSONError) {
            for member in s.members where !allowed.contains(member.key) {
                throw .invalid(path: s.path.appending(member.key).description, reason: "not a field of this step")
            }
        }
        guard let opField = s.optional("op") else {
            // The form Ceph's dump uses for ops it has no name for.
            try only(["opcode", "arg1", "arg2"])
            let opcodeField = try s.required("opcode")
            let opcode: UInt32 = try opcodeField.integer()
            guard let op = RuleOp(rawValue: opcode) else {
                throw opcodeField.invalid("\(opcode) is not a rule step opcode")
            }
            let step = RuleStep(op, try s.required("arg1").integer(), try s.required("arg2").integer())
            if op == .take && step.arg1 >= 0 { deviceTakes.append((step.arg1, nil, opcodeField)) }
            return step
        }
        let opName = try opField.string()
        switch opName {
        case "noop":
            try only(["op"])
            return RuleStep(.noop)
        case "emit":
            try only(["op"])
            return RuleStep(.emit)
        case "take":
            try only(["op", "item", "item_name"])
            return RuleStep(.take, try readTakeItem(s))
        default:
            break
        }
        if let choose = RuleStep.chooseOps.first(where: { $0.name == opName }) {
            try only(["op", "num", "type"])
            let num: Int32 = try s.required("num").integer()
            let typeField = try s.required("type")
            let typeName = try typeField.string()
            guard let type = map.typeNames.filter({ $0.value == typeName }).keys.min() else {
                throw typeField.invalid("type '\(typeName)' is not in types")
            }
            return RuleStep(choose.op, num, type)
        }
        if let set = Self.setOpNames.first(where: { $0.name == opName }) {
            try only(["op", "num"])
            return RuleStep(set.op, try s.required("num").integer())
        }
        throw opField.invalid(
            "unknown step op '\(opName)' (expected take, emit, noop, "
                + (RuleStep.chooseOps.map(\.name) + Self.setOpNames.map(\.name)).joined(separator: ", ") + ")")
    }

    /// A take step's item: `item`, checked against `item_name`; or only `item_name`.
    /// Device names are settled later (`nameDevices`), so takes of devices are noted for it.
    mutating func readTakeItem(_ s: JSONObjectFields) throws(CrushJSONError) -> Int32 {
        let nameField = s.optional("item_name")
        let name = try nameField?.string()
        guard let itemField = s.optional("item") else {
            guard let nameField, let name, !name.isEmpty else { return try s.required("item").integer() }
            let matches = map.itemNames.filter { $0.value == name }.map(\.key)
                + listedDevices.filter { $0.name == name }.map(\.id)
            guard let item = matches.first, matches.count == 1 else {
                throw nameField.invalid(
                    matches.isEmpty ? "no device or bucket is named '\(name)'" : "more than one item is named '\(name)'")
            }
            if item >= 0 { deviceTakes.append((item, name, nameField)) }
            return item
        }
        let item: Int32 = try itemField.integer()
        if item >= 0 {
            deviceTakes.append((item, name, nameField ?? itemField))
        } else if let nameField, let name {
            let known = map.itemNames[item] ?? ""
            guard known == name else {
                throw nameField.invalid("'\(name)' contradicts the buckets, where bucket \(item) is named '\(known)'")
            }
        }
        return item
    }

    // MARK: Classes

    /// Rebuilds `classNames`, `deviceClasses` and `classBuckets` from device classes and
    /// shadow bucket names.
    mutating func rebuildClasses(_ buckets: [(id: Int32, field: JSONField)]) throws(CrushJSONError) {
        var classIDs: [String: Int32] = [:]
        func classID(_ name: String) -> Int32 {
            if let id = classIDs[name] { return id }
            let id = Int32(classIDs.count)
            classIDs[name] = id
            map.classNames[id] = name
            return id
        }
        for device in listedDevices {
            if let className = device.className {
                map.deviceClasses[device.id] = classID(className)
            }
        }
        var bucketIDs: [String: Int32] = [:]
        for (index, slot) in map.buckets.enumerated() where slot != nil {
            let id = Int32(-1 - index)
            if let name = map.itemNames[id], !name.contains("~"), bucketIDs[name] == nil {
                bucketIDs[name] = id
            }
        }
        for (index, slot) in map.buckets.enumerated() where slot != nil {
            let id = Int32(-1 - index)
            guard let name = map.itemNames[id], let tilde = name.firstIndex(of: "~") else { continue }
            let parentName = String(name[..<tilde])
            let className = String(name[name.index(after: tilde)...])
            guard let parent = bucketIDs[parentName] else { continue }
            let shadowClass = classID(className)
            map.classBuckets[parent, default: [:]][shadowClass] = id
            // Ceph gives shadow buckets their class in class_map too (device_class_clone).
            map.deviceClasses[id] = shadowClass
        }
    }

    /// Grows the bucket array as `crush_add_bucket` in Ceph's builder.c does: from 8 slots,
    /// doubling until the highest id fits. (The dump does not show max_buckets; a map that
    /// was only ever grown by adding buckets has exactly this many.)
    mutating func padBucketSlots() {
        guard !map.buckets.isEmpty else { return }
        var slots = 8
        while slots < map.buckets.count { slots *= 2 }
        map.buckets.append(contentsOf: repeatElement(nil, count: slots - map.buckets.count))
    }

    // MARK: choose_args

    mutating func readChooseArgs(_ field: JSONField) throws(CrushJSONError) {
        for member in try field.members() {
            guard let index = Int64(member.key), String(index) == member.key else {
                throw member.field.invalid("choose_args are named by a decimal integer (a pool id, or -1)")
            }
            var args: [Int32: ChooseArg] = [:]
            for entry in try member.field.array() {
                let a = try entry.object(keys: ["bucket_id", "weight_set", "ids"])
                let idField = try a.required("bucket_id")
                let bucketID: Int32 = try idField.integer()
                guard let bucket = map.bucket(id: bucketID) else {
                    throw idField.invalid("bucket \(bucketID) is not in buckets")
                }
                guard args[bucketID] == nil else {
                    throw idField.invalid("bucket \(bucketID) has two entries in these choose_args")
                }
                var arg = ChooseArg()
                if let weightSetField = a.optional("weight_set") {
                    for position in try weightSetField.array() {
                        var weights: [UInt32] = []
                        for weightField in try position.array() {
                            weights.append(try Self.fixedPointWeight(weightField))
                        }
                        arg.weightSet.append(weights)
                    }
                }
                if let idsField = a.optional("ids") {
                    for idField in try idsField.array() {
                        arg.ids.append(try idField.integer())
                    }
                    guard arg.ids.count == bucket.size else {
                        throw idsField.invalid("bucket \(bucketID) has \(bucket.size) items, but \(arg.ids.count) ids")
                    }
                }
                if !arg.weightSet.isEmpty || !arg.ids.isEmpty {
                    args[bucketID] = arg
                }
            }
            map.chooseArgs[index] = args
        }
    }

    /// A weight-set weight: `trunc(value × 0x10000)`, which must fit a `UInt32`.
    static func fixedPointWeight(_ field: JSONField) throws(CrushJSONError) -> UInt32 {
        let value = try field.double()
        let scaled = (value * 65536).rounded(.towardZero)
        guard scaled >= 0, scaled < 4_294_967_296 else {
            throw field.invalid("a weight from 0 to 65535.99998 is expected, found \(value)")
        }
        return UInt32(scaled)
    }
}
