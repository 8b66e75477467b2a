/// `crushtool --test`: maps a range of inputs through a map's rules and reports mappings,
/// bad mappings, result-size statistics, device utilisation and the tries histogram, line for
/// line as Ceph 16.2.15's `CrushTester::test` prints them.
///
/// The x range can be split across threads; output is produced in x order regardless.
public struct CrushTester: Sendable {
    public let map: CrushMap
    public let options: CrushTestOptions
    let mapper: CrushMapper
    /// The device weight vector crushtool builds: `--weight` overrides, else 0x10000 for a
    /// device present in the hierarchy, 0 for one that is not.
    let weights: [UInt32]
    let chooseArgs: CrushChooseArgs?

    public init(map: CrushMap, options: CrushTestOptions) {
        let tested = options.applyingOverrides(to: map)
        self.map = tested
        self.options = options
        mapper = CrushMapper(tested)
        let present = tested.presentItems()
        weights = (0..<Int(tested.maxDevices)).map { device in
            if let w = options.deviceWeights[Int32(device)] { return w }
            return present.contains(Int32(device)) ? 0x10000 : 0
        }
        chooseArgs = tested.chooseArgsWithFallback(index: 0).map { CrushChooseArgs($0, map: tested) }
    }

    /// Runs the test, handing standard output to `emit` in order, in pieces, and what crushtool
    /// prints on standard error to `emitError`.
    public func run(emit: (String) -> Void, emitError: (String) -> Void = { _ in }) async {
        var minRule = options.minRule
        var maxRule = options.maxRule
        if minRule < 0 || maxRule < 0 {
            minRule = 0
            maxRule = Int(map.maxRules) - 1
        }
        var minX = options.minX
        var maxX = options.maxX
        if minX < 0 || maxX < 0 {
            minX = 0
            maxX = 1023
        }
        if options.showUtilizationAll {
            let hex = weights.map { String($0, radix: 16) }.joined(separator: ",")
            emitError("devices weights (hex): [\(hex)]\n")
        }
        var histogram = [UInt64](repeating: 0, count: Int(map.tunables.chooseTotalTries) + 1)
        var rule = minRule
        while rule < Int(map.maxRules) && rule <= maxRule {
            defer { rule += 1 }
            guard let crushRule = map.rules[rule] else {
                if options.showStatistics { emit("rule \(rule) dne\n") }
                continue
            }
            if options.ruleset >= 0 && Int(crushRule.ruleset) != options.ruleset { continue }
            var minRep = options.minRep
            var maxRep = options.maxRep
            if minRep < 0 || maxRep < 0 {
                minRep = Int(crushRule.minSize)
                maxRep = Int(crushRule.maxSize)
            }
            let name = map.ruleNames[Int32(rule)] ?? ""
            if options.showStatistics {
                emit("rule \(rule) (\(name)), x = \(minX)..\(maxX), numrep = \(minRep)..\(maxRep)\n")
            }
            var nr = minRep
            while nr <= maxRep {
                defer { nr += 1 }
                let tally = await testRule(rule, numRep: nr, minX: minX, maxX: maxX, emit: emit)
                guard let tally else { continue }
                for (i, count) in tally.histogram.enumerated() where i < histogram.count {
                    histogram[i] += count
                }
                report(tally, rule: rule, name: name, numRep: nr, minX: minX, maxX: maxX, emit: emit)
            }
        }
        if options.showChooseTries {
            // crushtool prints choose_total_tries entries of the histogram.
            for i in 0..<Int(map.tunables.chooseTotalTries) {
                emit("\(pad(String(i), 2)): \(pad(String(histogram[i]), 9))\n")
            }
        }
    }

    /// Runs the test and returns the whole standard output and standard error.
    public func output() async -> (stdout: String, stderr: String) {
        var text = ""
        var errors = ""
        await run(emit: { text += $0 }, emitError: { errors += $0 })
        return (text, errors)
    }

    /// What one rule × num_rep run counted.
    struct Tally: Sendable {
        var perDevice: [Int]
        var sizes: [Int: Int]
        var histogram: [UInt64]
        var expected: [Float]
    }

    /// Maps every x for one rule and replica count; nil when crushtool skips the run
    /// (total device weight 0).
    func testRule(_ rule: Int, numRep nr: Int, minX: Int, maxX: Int, emit: (String) -> Void) async -> Tally? {
        let deviceCount = weights.count
        var totalWeight: Int32 = 0
        for w in weights { totalWeight = totalWeight &+ Int32(bitPattern: w) }
        if totalWeight == 0 { return nil }
        let numObjects = maxX - minX + 1
        let expectedObjects = Float(Int32(truncatingIfNeeded: min(nr, maximumAffected(byRule: rule)) * numObjects))
        let expected = weights.map { (Float($0) / Float(totalWeight)) * expectedObjects }

        var tally = Tally(
            perDevice: [Int](repeating: 0, count: deviceCount), sizes: [:],
            histogram: [UInt64](repeating: 0, count: Int(map.tunables.chooseTotalTries) + 1),
            expected: expected)
        let threads = max(1, options.threads)
        let block = 1 << 16
        var start = minX
        while start <= maxX {
            let end = min(maxX, start + block - 1)
            // Several chunks per thread, handed out as threads free up: a thread that shares
            // its core with another process maps fewer chunks instead of holding up the block.
            let chunks = split(start...end, into: threads == 1 ? 1 : threads * chunksPerThread)
            let results: [ChunkResult]
            if chunks.count == 1 {
                results = [mapChunk(rule: rule, numRep: nr, range: chunks[0])]
            } else {
                results = await withTaskGroup(of: (Int, ChunkResult).self) { group in
                    var next = 0
                    while next < min(threads, chunks.count) {
                        let index = next
                        group.addTask { (index, self.mapChunk(rule: rule, numRep: nr, range: chunks[index])) }
                        next += 1
                    }
                    var collected = [ChunkResult?](repeating: nil, count: chunks.count)
                    while let (index, result) = await group.next() {
                        collected[index] = result
                        if next < chunks.count {
                            let index = next
                            group.addTask { (index, self.mapChunk(rule: rule, numRep: nr, range: chunks[index])) }
                            next += 1
                        }
                    }
                    return collected.map { $0! }
                }
            }
            for result in results {
                if !result.text.isEmpty { emit(result.text) }
                for (device, count) in result.perDevice.enumerated() { tally.perDevice[device] += count }
                for (size, count) in result.sizes.enumerated() where count > 0 { tally.sizes[size, default: 0] += count }
                for (i, count) in result.histogram.enumerated() { tally.histogram[i] += count }
            }
            if end == maxX { break }
            start = end + 1
        }
        return tally
    }

    /// How many pieces each thread's share of a block is cut into for dynamic scheduling.
    let chunksPerThread = 8

    struct ChunkResult: Sendable {
        var text: String
        var perDevice: [Int]
        var sizes: [Int]
        var histogram: [UInt64]
    }

    /// Maps the inputs of one chunk with a private workspace.
    func mapChunk(rule: Int, numRep nr: Int, range: ClosedRange<Int>) -> ChunkResult {
        let workspace = mapper.makeWorkspace(resultMax: max(nr, 1))
        workspace.countsChooseTries = options.showChooseTries
        var result = ChunkResult(
            text: "", perDevice: [Int](repeating: 0, count: weights.count),
            sizes: [Int](repeating: 0, count: max(nr, 0) + 1), histogram: [])
        let wantsText = options.showMappings || options.showBadMappings
        var out = [Int32](repeating: 0, count: max(nr, 0))
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { buffer in
                for x in range {
                    var realX = Int32(truncatingIfNeeded: x)
                    if options.poolID != -1 {
                        realX = Int32(bitPattern: CrushHash.hash2(
                            CrushHash.rjenkins1, realX.bits, UInt32(truncatingIfNeeded: options.poolID)))
                    }
                    let n = nr > 0
                        ? mapper.doRule(rule, x: realX, result: buffer, weights: w, workspace: workspace, chooseArgs: chooseArgs)
                        : 0
                    var hasNone = false
                    for i in 0..<n {
                        let item = buffer[i]
                        if item != crushItemNone {
                            if item >= 0 && Int(item) < result.perDevice.count { result.perDevice[Int(item)] += 1 }
                        } else {
                            hasNone = true
                        }
                    }
                    result.sizes[n] += 1
                    if wantsText {
                        let list = "[" + buffer[0..<n].map { String($0) }.joined(separator: ",") + "]"
                        if options.showMappings {
                            result.text += "CRUSH rule \(rule) x \(x) \(list)\n"
                        }
                        if options.showBadMappings && (n != nr || hasNone) {
                            result.text += "bad mapping rule \(rule) x \(x) num_rep \(nr) result \(list)\n"
                        }
                    }
                }
            }
        }
        result.histogram = workspace.chooseTriesHistogram
        return result
    }

    /// Prints the per-run statistics and utilisation lines.
    func report(_ tally: Tally, rule: Int, name: String, numRep nr: Int, minX: Int, maxX: Int, emit: (String) -> Void) {
        var text = ""
        if options.showUtilization && !options.showStatistics {
            for (i, count) in tally.perDevice.enumerated() { text += "  device \(i):\t\(count)\n" }
        }
        if options.showStatistics {
            for size in tally.sizes.keys.sorted() {
                text += "rule \(rule) (\(name)) num_rep \(nr) result size == \(size):\t\(tally.sizes[size]!)/\(maxX - minX + 1)\n"
            }
            for i in 0..<tally.perDevice.count {
                let stored = tally.perDevice[i]
                let expected = DecimalFormat.general(Double(tally.expected[i]))
                if options.showUtilization {
                    if tally.expected[i] > 0 && stored > 0 {
                        text += "  device \(i):\t\t stored : \(stored)\t expected : \(expected)\n"
                    }
                } else if options.showUtilizationAll {
                    text += "  device \(i):\t\t stored : \(stored)\t expected : \(expected)\n"
                }
            }
        }
        if !text.isEmpty { emit(text) }
    }

    /// `CrushTester::get_maximum_affected_by_rule`: an upper bound on the replicas a rule can
    /// place, from the number of named buckets of each type its steps choose (quirks kept:
    /// `set_*` steps count as choosing their arg2 type, and a type chosen twice is counted twice).
    func maximumAffected(byRule rule: Int) -> Int {
        guard let steps = map.rules[rule]?.steps else { return 0 }
        var affectedTypes: [Int32] = []
        var replicationsByType: [Int32: Int32] = [:]
        for step in steps where step.op.rawValue >= 2 && step.op != .emit {
            affectedTypes.append(step.arg2)
            replicationsByType[step.arg2] = step.arg1
        }
        var maxOfType: [Int32: Int] = [:]
        for type in affectedTypes {
            for id in map.itemNames.keys where map.bucketTypeOrError(id) == type {
                maxOfType[type, default: 0] += 1
            }
        }
        for type in affectedTypes {
            let want = Int(replicationsByType[type] ?? 0)
            if want > 0 && want < maxOfType[type, default: 0] { maxOfType[type] = want }
        }
        var maxAffected = max(Int(map.maxBuckets), Int(map.maxDevices))
        for type in affectedTypes {
            let have = maxOfType[type, default: 0]
            if have > 0 && have < maxAffected { maxAffected = have }
        }
        return maxAffected
    }

    private func split(_ range: ClosedRange<Int>, into parts: Int) -> [ClosedRange<Int>] {
        let count = range.count
        let n = min(parts, count)
        var result: [ClosedRange<Int>] = []
        var lower = range.lowerBound
        for i in 0..<n {
            let size = count / n + (i < count % n ? 1 : 0)
            result.append(lower...(lower + size - 1))
            lower += size
        }
        return result
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
    }
}

extension CrushMap {
    /// Every device or bucket id that appears as an item of some bucket
    /// (`CrushWrapper::check_item_present`, shadow buckets included).
    public func presentItems() -> Set<Int32> {
        var present = Set<Int32>()
        for bucket in buckets { if let bucket { present.formUnion(bucket.items) } }
        return present
    }

    /// `CrushWrapper::get_bucket_type`: a bucket's type, or -ENOENT for anything else.
    func bucketTypeOrError(_ id: Int32) -> Int32 {
        guard let bucket = bucket(id: id) else { return -2 }
        return Int32(bucket.type)
    }

}
