/// Turns parsed crush map text into a `CrushMap` the way crushtool 16.2.15's
/// `CrushCompiler::parse_crush` does, check for check and message for message
/// (src/crush/CrushCompiler.cc, with `CrushWrapper` and builder.c underneath).
///
/// The order of effects matters and is Ceph's: bucket ids written anywhere in the text are
/// reserved before any bucket is built; buckets that contain a bucket defined later are moved
/// after it (`adjust_bucket_item_place`); a bucket without an id takes the highest free negative
/// id; device-class shadow trees are built just before the first rule (and never if there is
/// no rule); numbers are read with `strtol` (saturating, then cut to 32 bits) and weights with
/// `strtof` times `(float)0x10000`, truncated.
struct TextCompiler {
    let source: TextSource
    var map = CrushMap()

    // CrushCompiler's own maps.
    var itemIDs: [String: Int32] = [:]     // item_id
    var idItems: [Int32: String] = [:]     // id_item
    var itemWeights: [Int32: UInt32] = [:] // item_weight
    var typeIDs: [String: Int32] = [:]     // type_id
    var ruleIDs: [String: Int32] = [:]     // rule_id
    var classBucket: [Int32: [Int32: Int32]] = [:]

    static let maxDeviceWeight: UInt32 = 100 * 0x10000
    static let maxBucketWeight: UInt32 = 65535 * 0x10000

    init(source: TextSource) {
        self.source = source
        map.tunables = .legacy
    }

    // MARK: - Errors

    func error(_ kind: CrushTextError.Kind, _ token: TextToken, _ message: String) -> CrushTextError {
        let (line, column) = source.location(of: token.start)
        return CrushTextError(kind: kind, line: line, column: column, token: token.text, message: message)
    }

    // MARK: - Numbers

    /// `strtol(text, 0, 10)` assigned to an `int`: saturates at the `long` range, then keeps
    /// the low 32 bits.
    static func cInt(_ text: String) -> Int32 {
        var negative = false
        var value: Int64 = 0
        var saturated = false
        for (i, c) in text.utf8.enumerated() {
            if i == 0 && (c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) {
                negative = c == UInt8(ascii: "-")
                continue
            }
            guard c >= 0x30 && c <= 0x39 else { break }
            if saturated { continue }
            let d = Int64(c - 0x30)
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { saturated = true } else { value = a }
        }
        let long: Int64 = saturated ? (negative ? .min : .max) : (negative ? -value : value)
        return Int32(truncatingIfNeeded: long)
    }

    /// `strtof(text) * (float)0x10000` stored in an `unsigned`.
    static func cWeight(_ text: String) -> UInt32 {
        let f = Float(Substring(text)) ?? 0
        return CConversion.floatToUInt32(f * 65536)
    }

    // MARK: - Whole map

    mutating func compile(_ statements: [TextStatement]) throws(CrushTextError) -> CrushMap {
        let ordered = try orderBuckets(statements)
        reserveBucketIDs(ordered)
        var sawRule = false
        for statement in ordered {
            switch statement {
            case let .tunable(_, name, value):
                try tunable(name: name, value: value)
            case let .device(_, id, name, className):
                try device(id: id, name: name, className: className)
            case let .type(_, id, name):
                let typeID = Self.cInt(id.text)
                typeIDs[name.text] = typeID
                map.typeNames[typeID] = name.text
            case let .bucket(b):
                if sawRule {
                    throw error(.bucketAfterRule, b.typeName, "buckets must be defined before rules")
                }
                try bucket(b)
            case let .rule(r):
                if !sawRule {
                    sawRule = true
                    // Ceph ignores a failure here; the rules then find what was built.
                    try? map.populateShadowTrees(reusing: classBucket)
                }
                try rule(r)
            case let .chooseArgs(c):
                try chooseArgs(c)
            }
        }
        map.finalize()
        return map
    }

    /// `adjust_bucket_item_place`: for each pair of buckets i < j (in text order), if i lists j
    /// as an item, swap the statements at the places i and j had at the start (Ceph keeps the
    /// original places, so a bucket moved once is not followed). Two buckets listing each other
    /// are refused.
    func orderBuckets(_ statements: [TextStatement]) throws(CrushTextError) -> [TextStatement] {
        var nodes = statements
        var names: [String] = []
        var nameTokens: [TextToken] = []
        var place: [String: Int] = [:]
        var contents: [String: Set<String>] = [:]
        var indicesOfName: [String: [Int]] = [:]
        for (index, statement) in statements.enumerated() {
            guard case let .bucket(b) = statement else { continue }
            indicesOfName[b.name.text, default: []].append(names.count)
            names.append(b.name.text)
            nameTokens.append(b.name)
            place[b.name.text] = index
            contents[b.name.text, default: []].formUnion(b.items.map(\.name.text))
        }
        for i in names.indices {
            // The j > i whose name bucket i lists, in increasing order.
            let listed = contents[names[i]] ?? []
            let later = listed.flatMap { indicesOfName[$0] ?? [] }.filter { $0 > i }.sorted()
            for j in later {
                if contents[names[j]]?.contains(names[i]) == true {
                    throw error(.bucketCycle, nameTokens[i], "bucket  '\(names[i])' and bucket '\(names[j])' are included each other")
                }
                nodes.swapAt(place[names[i]]!, place[names[j]]!)
            }
        }
        return nodes
    }

    /// `find_used_bucket_ids`: every `id` line at the head of a bucket reserves its id.
    mutating func reserveBucketIDs(_ statements: [TextStatement]) {
        for statement in statements {
            guard case let .bucket(b) = statement else { continue }
            for line in b.ids {
                idItems[Self.cInt(line.id.text)] = ""
            }
        }
    }

    // MARK: - Statements

    mutating func tunable(name: TextToken, value: TextToken) throws(CrushTextError) {
        let v = Self.cInt(value.text)
        let u = UInt32(bitPattern: v)
        switch name.text {
        case "choose_local_tries": map.tunables.chooseLocalTries = u
        case "choose_local_fallback_tries": map.tunables.chooseLocalFallbackTries = u
        case "choose_total_tries": map.tunables.chooseTotalTries = u
        case "chooseleaf_descend_once": map.tunables.chooseLeafDescendOnce = v != 0 ? 1 : 0
        case "chooseleaf_vary_r": map.tunables.chooseLeafVaryR = UInt8(truncatingIfNeeded: v)
        case "chooseleaf_stable": map.tunables.chooseLeafStable = UInt8(truncatingIfNeeded: v)
        case "straw_calc_version": map.tunables.strawCalcVersion = UInt8(truncatingIfNeeded: v)
        case "allowed_bucket_algs": map.tunables.allowedBucketAlgs = u
        default:
            throw error(.unknownTunable, name, "tunable \(name.text) not recognized")
        }
    }

    mutating func device(id: TextToken, name: TextToken, className: TextToken?) throws(CrushTextError) {
        let deviceID = Self.cInt(id.text)
        map.itemNames[deviceID] = name.text
        if itemIDs[name.text] != nil {
            throw error(.duplicateName, name, "item \(name.text) defined twice")
        }
        itemIDs[name.text] = deviceID
        idItems[deviceID] = name.text
        if let className {
            map.deviceClasses[deviceID] = map.classID(orCreate: className.text)
        }
    }

    mutating func bucket(_ b: TextBucket) throws(CrushTextError) {
        guard let type = typeIDs[b.typeName.text] else {
            throw error(.undefinedBucketType, b.typeName, "bucket type '\(b.typeName.text)' is not defined")
        }
        let name = b.name.text
        if itemIDs[name] != nil {
            throw error(.duplicateName, b.name, "bucket or device '\(name)' is already defined")
        }

        var id: Int32 = 0
        var classIDs: [Int32: Int32] = [:]
        for line in b.ids {
            let maybeID = Self.cInt(line.id.text)
            if let className = line.className {
                let classID = map.classID(orCreate: className.text)
                if classIDs[classID] != nil {
                    throw error(.duplicateBucketClass, className, "duplicate device class \(className.text) for bucket \(name)")
                }
                classIDs[classID] = maybeID
            } else {
                id = maybeID
            }
        }
        let algorithm: BucketAlgorithm
        switch b.alg.text {
        case "uniform": algorithm = .uniform
        case "list": algorithm = .list
        case "tree": algorithm = .tree
        case "straw": algorithm = .straw
        case "straw2": algorithm = .straw2
        default:
            throw error(.unknownAlgorithm, b.alg, "unknown bucket alg '\(b.alg.text)'\n")
        }
        var hash: Int32 = 0
        for h in b.hashes {
            hash = h.text == "rjenkins1" ? 0 : Self.cInt(h.text)
        }

        // First pass: count items and collect explicit positions.
        var size = Int32(0)
        var usedPositions = Set<Int32>()
        for item in b.items {
            size &+= 1
            if let p = item.pos {
                let position = Self.cInt(p.text)
                if usedPositions.contains(position) {
                    throw error(.badPosition, p, "item '\(item.name.text)' in bucket '\(name)' has explicit pos \(position), which is occupied")
                }
                usedPositions.insert(position)
            }
        }
        if let largest = usedPositions.max() { size = max(size, largest) }
        // Items by position; once every item is placed without error, the positions are
        // exactly 0..<size (an explicit position at or past the item count always fails).
        var placed: [Int32: (item: Int32, weight: UInt32)] = [:]

        var nextPosition: Int32 = 0
        var bucketWeight: UInt32 = 0
        var uniformWeight: UInt32?
        for item in b.items {
            guard let itemID = itemIDs[item.name.text] else {
                throw error(.undefinedItem, item.name, "item '\(item.name.text)' in bucket '\(name)' is not defined")
            }
            var weight: UInt32 = itemWeights[itemID] ?? 0x10000
            var position: Int32 = -1
            if let w = item.weight {
                weight = Self.cWeight(w.text)
                if weight > Self.maxDeviceWeight && itemID >= 0 {
                    throw error(.badWeight, w, "device weight limited to \(Self.maxDeviceWeight / 0x10000)")
                } else if weight > Self.maxBucketWeight && itemID < 0 {
                    throw error(.badWeight, w, "bucket weight limited to \(Self.maxBucketWeight / 0x10000) to prevent overflow")
                }
            }
            if let p = item.pos { position = Self.cInt(p.text) }
            if algorithm == .uniform {
                if let uniformWeight {
                    if uniformWeight != weight {
                        throw error(
                            .badWeight, item.weight ?? item.name,
                            "item '\(item.name.text)' in uniform bucket '\(name)' has weight \(weight) but previous item(s) have weight \(FixedPointFormat.streamFloat(uniformWeight)); uniform bucket items must all have identical weights.")
                    }
                } else {
                    uniformWeight = weight
                }
            }
            if position >= size {
                throw error(.badPosition, item.pos ?? item.name, "item '\(item.name.text)' in bucket '\(name)' has pos \(position) >= size \(size)")
            }
            if position < 0 {
                while usedPositions.contains(nextPosition) { nextPosition &+= 1 }
                position = nextPosition
                nextPosition &+= 1
            }
            placed[position] = (itemID, weight)
            if BucketBuilder.additionOverflows(bucketWeight, weight) {
                throw error(.badWeight, item.weight ?? item.name, "oh no! our bucket weights are overflowing all over the place, better lower the item weights")
            }
            bucketWeight &+= weight
        }

        let items = (0..<size).map { placed[$0]?.item ?? 0 }
        let weights = (0..<size).map { placed[$0]?.weight ?? 0 }
        if id == 0 {
            id = -1
            while idItems[id] != nil { id &-= 1 }
        }
        for (classID, shadowID) in classIDs {
            classBucket[id, default: [:]][classID] = shadowID
        }
        idItems[id] = name
        itemIDs[name] = id
        itemWeights[id] = bucketWeight

        guard id < 0, Int(-1 - Int64(id)) < CrushMap.bucketSlotLimit else {
            throw error(.unsupportedID, b.ids.last(where: { $0.className == nil })?.id ?? b.name,
                        "bucket id \(id) is outside the range this implementation supports (-1 to -\(CrushMap.bucketSlotLimit))")
        }
        if algorithm == .uniform, size > 0,
           BucketBuilder.multiplicationOverflows(UInt32(size), weights[0]) {
            throw error(.badWeight, b.name,
                        "uniform bucket '\(name)' cannot hold \(size) items of weight \(weights[0]) (crushtool aborts on it)")
        }
        let built = BucketBuilder.make(
            id: id, type: UInt16(truncatingIfNeeded: type), algorithm: algorithm,
            hash: UInt8(truncatingIfNeeded: hash), items: items, weights: weights,
            strawCalcVersion: map.tunables.strawCalcVersion)
        guard map.addBucket(built) else {
            throw error(.duplicateBucketID, b.name, "Duplicate bucket id \(id)")
        }
        map.itemNames[id] = name
    }

    mutating func rule(_ r: TextRule) throws(CrushTextError) {
        let ruleName = r.name?.text ?? ""
        if let n = r.name, ruleIDs[n.text] != nil {
            throw error(.duplicateRuleName, n, "rule name '\(n.text)' already defined\n")
        }
        let ruleNumber = Self.cInt(r.id.text)
        let type: UInt8 = r.type.text == "replicated" ? Rule.typeReplicated : Rule.typeErasure
        let minSize = Self.cInt(r.minSize.text)
        let maxSize = Self.cInt(r.maxSize.text)
        if ruleNumber >= 0, Int(ruleNumber) < map.rules.count, map.rules[Int(ruleNumber)] != nil {
            throw error(.duplicateRuleID, r.id, "rule \(ruleNumber) already exists")
        }
        // crush_add_rule: a negative number picks a free slot (and crushtool then complains);
        // growing past CRUSH_MAX_RULES (256) slots fails once the array is that big.
        if ruleNumber < 0 || (Int(ruleNumber) >= map.rules.count && map.rules.count + 1 > 256)
            || Int(ruleNumber) >= CrushMap.ruleSlotLimit
        {
            throw error(.unsupportedID, r.id, "unable to add rule id \(ruleNumber) for rule '\(ruleName)'")
        }

        var steps: [RuleStep] = []
        for step in r.steps {
            switch step {
            case let .take(_, itemToken, classToken):
                guard var item = itemIDs[itemToken.text] else {
                    throw error(.undefinedItem, itemToken, "in rule '\(ruleName)' item '\(itemToken.text)' not defined")
                }
                if let classToken {
                    guard let classID = map.classNames.first(where: { $0.value == classToken.text })?.key else {
                        throw error(.undefinedClass, classToken, "in rule '\(ruleName)' class '\(classToken.text)' is not defined")
                    }
                    guard let byClass = map.classBuckets[item] else {
                        throw error(.undefinedClass, itemToken, "in rule '\(ruleName)' step take \(itemToken.text) has no class information")
                    }
                    guard let shadow = byClass[classID] else {
                        throw error(.undefinedClass, classToken, "in rule '\(ruleName)' step take \(itemToken.text) no matching bucket for class \(classToken.text)")
                    }
                    item = shadow
                }
                steps.append(RuleStep(.take, item, 0))
            case let .set(op, _, value):
                steps.append(RuleStep(op, Self.cInt(value.text), 0))
            case let .choose(_, leaf, mode, count, typeToken):
                guard let typeID = typeIDs[typeToken.text] else {
                    throw error(.undefinedType, typeToken, "in rule '\(ruleName)' type '\(typeToken.text)' not defined")
                }
                let op: RuleOp
                switch (leaf, mode.text == "firstn") {
                case (false, true): op = .chooseFirstN
                case (false, false): op = .chooseIndep
                case (true, true): op = .chooseLeafFirstN
                case (true, false): op = .chooseLeafIndep
                }
                steps.append(RuleStep(op, Self.cInt(count.text), typeID))
            case .emit:
                steps.append(RuleStep(.emit, 0, 0))
            }
        }
        addRule(Rule(
            ruleset: UInt8(truncatingIfNeeded: ruleNumber), type: type,
            minSize: UInt8(truncatingIfNeeded: minSize), maxSize: UInt8(truncatingIfNeeded: maxSize),
            steps: steps), at: Int(ruleNumber))
        if let n = r.name {
            map.ruleNames[ruleNumber] = n.text
            ruleIDs[n.text] = ruleNumber
        }
    }

    private mutating func addRule(_ rule: Rule, at index: Int) {
        if index >= map.rules.count {
            map.rules.append(contentsOf: repeatElement(nil, count: index + 1 - map.rules.count))
        }
        map.rules[index] = rule
    }

    mutating func chooseArgs(_ c: TextChooseArgs) throws(CrushTextError) {
        let index = Int64(Self.cInt(c.index.text))
        if map.chooseArgs[index] != nil {
            throw error(.badChooseArgs, c.index, "\(index) duplicated")
        }
        var args: [Int32: ChooseArg] = [:]
        for arg in c.args {
            let bucketID = Self.cInt(arg.bucketID.text)
            let slot = -1 - Int64(bucketID)
            if slot < 0 || slot >= Int64(map.buckets.count) {
                throw error(.badChooseArgs, arg.bucketID, "\(bucketID) is out of range")
            }
            guard let bucket = map.bucket(id: bucketID) else {
                throw error(.badChooseArgs, arg.bucketID, "\(bucketID) does not exist")
            }
            var current = args[bucketID] ?? ChooseArg()
            if let weightSet = arg.weightSet {
                var positions: [[UInt32]] = []
                for weights in weightSet {
                    if weights.count != bucket.items.count {
                        throw error(.badChooseArgs, weights.first ?? arg.bucketID,
                                    "\(bucketID) needs exactly \(bucket.items.count) weights but got \(weights.count)")
                    }
                    positions.append(weights.map { Self.cWeight($0.text) })
                }
                current.weightSet = positions
            }
            if let ids = arg.ids {
                if ids.count != bucket.items.count {
                    throw error(.badChooseArgs, ids.first ?? arg.bucketID,
                                "\(bucketID) needs exactly \(bucket.items.count) ids but got \(ids.count)")
                }
                current.ids = ids.map { Self.cInt($0.text) }
            }
            args[bucketID] = current
        }
        map.chooseArgs[index] = args.filter { !$0.value.ids.isEmpty || !$0.value.weightSet.isEmpty }
    }
}

extension CrushMap {
    /// Compiles crush map text exactly as `crushtool -c` 16.2.15 does: the same grammar, the
    /// same checks and messages, the same ids, weights (parsed as `float`), straws and
    /// device-class shadow trees. The map holds what crushtool would encode, `choose_args`
    /// included (crushtool drops those of non-straw2 buckets only when it reads a map back).
    public init(text: String) throws(CrushTextError) {
        let source = TextSource(text)
        var parser = TextParser(source.joined)
        let (statements, stop) = parser.parseMap()
        if stop != source.joined.count {
            let (crushtoolLine, offset) = source.crushtoolLocation(ofStop: stop)
            let rest = source.crushtoolRest(line: crushtoolLine, offset: offset)
            let failure = max(parser.farthest, stop)
            var end = failure
            while end < source.joined.count && !TextSource.isSpace(source.joined[end]) { end += 1 }
            let token = String(decoding: source.joined[failure..<end], as: UTF8.self)
            let (line, column) = source.location(of: failure)
            throw CrushTextError(
                kind: .syntax, line: line, column: column, token: token,
                message: "parse error at '\(rest)'", crushtoolLine: crushtoolLine,
                expected: parser.farthest >= stop ? parser.expected : [])
        }
        var compiler = TextCompiler(source: source)
        self = try compiler.compile(statements)
    }
}
