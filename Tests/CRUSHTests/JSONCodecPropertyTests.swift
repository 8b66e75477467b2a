import PropertyBased
import Testing

@testable import CRUSH
import CollectiveTestSupport

/// A random map of every kind the dump can describe: all bucket algorithms with extreme
/// weights, device holes and classes, every rule op, choose_args, odd names.
private func randomMap(seed: UInt64) -> CrushMap {
    var random = SplitMix64(seed: seed)
    var map = CrushMap()
    map.tunables = Tunables(
        chooseLocalTries: UInt32(random.below(4)), chooseLocalFallbackTries: UInt32(random.below(6)),
        chooseTotalTries: UInt32(random.below(100)), chooseLeafDescendOnce: UInt32(random.below(2)),
        chooseLeafVaryR: UInt8(random.below(2)), chooseLeafStable: UInt8(random.below(2)),
        strawCalcVersion: UInt8(random.below(2)), allowedBucketAlgs: [22, 54, 30, 62][random.below(4)])
    // Types with gaps; names with characters the dump must escape.
    let typeIDs: [Int32] = [0, 1, 3, Int32(4 + random.below(100))]
    for (i, id) in typeIDs.enumerated() {
        map.typeNames[id] = ["osd", "host\t\"x\"", "rack/é", "root😀"][i]
    }
    // Devices: some holes, some classes; class ids in order of first appearance by device id.
    let deviceCount = random.below(24)
    var devices: [Int32] = []
    var classIDs: [String: Int32] = [:]
    for id in 0..<Int32(deviceCount) where random.below(5) != 0 {
        devices.append(id)
        map.itemNames[id] = "osd.\(id)"
        if random.below(3) != 0 {
            let name = ["hdd", "ssd", "nvme"][random.below(3)]
            let classID = classIDs[name] ?? Int32(classIDs.count)
            classIDs[name] = classID
            map.classNames[classID] = name
            map.deviceClasses[id] = classID
        }
    }
    map.maxDevices = Int32(deviceCount)
    // Buckets: hosts over devices, then layers over buckets, with random algorithms and weights.
    func weight() -> UInt32 {
        [0, 1, 0x10000, 0x18000, UInt32(random.below(1 << 20)), UInt32.max / 64, UInt32(random.next() >> 40)][random.below(7)]
    }
    var nextID: Int32 = -1
    var level: [Int32] = devices
    var layer = 1
    while layer < 4 {
        var parents: [Int32] = []
        var rest = level.shuffledDeterministically(&random)
        repeat {
            let take = min(rest.count, random.below(5))
            let items = Array(rest.prefix(take))
            rest.removeFirst(take)
            let algorithm = BucketAlgorithm.allCases[random.below(5)]
            let common = weight()
            let weights = items.map { _ in algorithm == .uniform ? common : weight() }
            let id = nextID
            nextID -= 1 + Int32(random.below(2))  // sometimes leave a hole
            let bucket = BucketBuilder.make(
                id: id, type: UInt16(typeIDs[layer]), algorithm: algorithm, items: items, weights: weights,
                strawCalcVersion: map.tunables.strawCalcVersion)
            map.setBucket(bucket)
            if random.below(6) != 0 { map.itemNames[id] = "b\(-id)\(["", " ✓", "\\n", "\u{1}"][random.below(4)])" }
            parents.append(id)
        } while !rest.isEmpty
        level = parents
        layer += 1
    }
    var slots = 8
    while slots < map.buckets.count { slots *= 2 }  // crush_add_bucket's growth, as the reader rebuilds it
    map.buckets.append(contentsOf: repeatElement(nil, count: slots - map.buckets.count))
    let bucketIDs = map.buckets.compactMap { $0?.id }
    // Rules: every op.
    for ruleID in 0..<random.below(5) where random.below(4) != 0 {
        var steps: [RuleStep] = []
        for _ in 0..<random.below(8) {
            let op = RuleOp.allCases[random.below(RuleOp.allCases.count)]
            switch op {
            case .take:
                let item: Int32 = random.below(3) == 0 && !devices.isEmpty ? devices[random.below(devices.count)]
                    : bucketIDs.isEmpty ? 0 : bucketIDs[random.below(bucketIDs.count)]
                if item >= 0 && map.itemNames[item] == nil { continue }
                steps.append(RuleStep(.take, item))
            case .chooseFirstN, .chooseIndep, .chooseLeafFirstN, .chooseLeafIndep:
                steps.append(RuleStep(op, Int32(random.below(7)) - 2, typeIDs[random.below(typeIDs.count)]))
            case .noop, .emit:
                steps.append(RuleStep(op))
            case .setChooseTries, .setChooseLeafTries:
                steps.append(RuleStep(op, Int32(random.below(200))))
            default:
                steps.append(RuleStep(op, Int32(random.below(3)), Int32(random.below(3))))
            }
        }
        map.setRule(
            Rule(ruleset: UInt8(ruleID), type: [1, 3][random.below(2)], minSize: 1, maxSize: UInt8(random.below(256)), steps: steps),
            at: ruleID)
        if random.below(4) != 0 { map.ruleNames[Int32(ruleID)] = "rule-\(ruleID)" }
    }
    // choose_args: weight sets (some weights beyond 2^24, which the dump rounds through a float)
    // and ids, never both empty.
    for index in [Int64(-1), 0, 3, 1 << 40] where random.below(2) == 0 {
        var args: [Int32: ChooseArg] = [:]
        for id in bucketIDs where random.below(3) == 0 {
            guard let bucket = map.bucket(id: id) else { continue }
            var arg = ChooseArg()
            if random.below(2) == 0 || bucket.size == 0 {
                arg.weightSet = (0..<(1 + random.below(3))).map { _ in (0..<bucket.size).map { _ in weight() } }
            }
            if random.below(2) == 0 && bucket.size > 0 {
                arg.ids = (0..<bucket.size).map { _ in Int32(truncatingIfNeeded: random.next()) }
            }
            args[id] = arg
        }
        map.chooseArgs[index] = args
    }
    return map
}

extension Array {
    fileprivate func shuffledDeterministically(_ random: inout SplitMix64) -> [Element] {
        var copy = self
        if copy.count > 1 {
            for i in stride(from: copy.count - 1, to: 0, by: -1) { copy.swapAt(i, random.below(i + 1)) }
        }
        return copy
    }
}

extension CrushMap {
    fileprivate mutating func setRule(_ rule: Rule, at index: Int) {
        if index >= rules.count { rules.append(contentsOf: repeatElement(nil, count: index + 1 - rules.count)) }
        rules[index] = rule
    }
}

@Suite("JSONCodec properties")
struct JSONCodecPropertyTests {
    /// Whatever the map, its dump reads back to the same map (choose_args weights rounded
    /// through Ceph's float conversion, empty choose_args entries dropped as the dump drops
    /// them) and dumps again to the same text.
    @Test func randomMapsSurviveTheirDump() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            let map = randomMap(seed: seed)
            let text = map.dumpJSON()
            let read: CrushMap
            do {
                read = try CrushMap(dumpJSON: text)
            } catch {
                Issue.record("seed \(seed): \(error)")
                return
            }
            var expected = map
            expected.chooseArgs = map.chooseArgs.mapValues { args in
                args.filter { !($0.value.ids.isEmpty && $0.value.weightSet.isEmpty) }.mapValues { arg in
                    var arg = arg
                    arg.weightSet = arg.weightSet.map { $0.map { UInt32(Float($0)) } }
                    return arg
                }
            }
            #expect(read == expected, "seed \(seed)")
            #expect(read.dumpJSON() == text, "seed \(seed)")
        }
    }
}
