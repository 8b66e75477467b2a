import Foundation
import Testing

@testable import CRUSH

/// Binary crush maps written by crushtool 16.2.15: Ceph's test maps compiled
/// (`ceph-crushtool/expected/**/*.compiled.bin`) and the maps of `generated/COMMANDS.txt`.
private enum BinaryFixtures {
    static let generated = Fixtures.root.appendingPathComponent("generated")

    /// Paths relative to `Fixtures.root`.
    static func binaries(under folder: String, suffix: String) -> [String] {
        let base = Fixtures.root.appendingPathComponent(folder)
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: base.path)) ?? []
        return paths.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    static let compiled = binaries(under: "ceph-crushtool/expected", suffix: ".compiled.bin")
    /// Everything crushtool wrote in the current (Pacific) format.
    static let generatedCurrent = binaries(under: "generated", suffix: ".bin")
        .filter { !$0.contains("/old-format-") || $0.hasSuffix(".rewritten.bin") }
    static let all = compiled + generatedCurrent

    static func bytes(_ path: String) throws -> [UInt8] {
        try Fixtures.data(Fixtures.root.appendingPathComponent(path))
    }

    /// The `--dump` JSON crushtool printed for this binary.
    static func dump(for path: String) throws -> [String: Any] {
        let jsonPath: String
        if path.hasSuffix(".compiled.bin") {
            jsonPath = String(path.dropLast(".compiled.bin".count)) + ".dump.json"
        } else {
            jsonPath = String(path.dropLast(".bin".count)) + ".dump.json"
        }
        return try json(Data(contentsOf: Fixtures.root.appendingPathComponent(jsonPath)))
    }

    /// crushtool's `-c … --dump` output: JSON followed by a notice line.
    static func compileDump(_ path: String) throws -> [String: Any] {
        let text = try Fixtures.text(Fixtures.root.appendingPathComponent(path))
        guard let end = text.lastIndex(of: "}") else { throw CocoaError(.fileReadCorruptFile) }
        return try json(Data(text[...end].utf8))
    }

    static func json(_ data: Data) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return object
    }
}

private func int(_ value: Any?) -> Int64? { (value as? NSNumber)?.int64Value }

/// Compares a choose_args JSON section (`dump_choose_args`) with a model's choose_args.
private func expectChooseArgs(
    _ model: [Int64: [Int32: ChooseArg]], equal json: [String: Any]?, _ label: String
) {
    guard let json else {
        Issue.record("\(label): no choose_args in the dump")
        return
    }
    #expect(Set(model.keys.map(String.init)) == Set(json.keys), "\(label): choose_args indexes")
    for (key, entries) in json {
        guard let index = Int64(key), let args = model[index], let entries = entries as? [[String: Any]] else {
            Issue.record("\(label): choose_args \(key) missing or malformed")
            continue
        }
        #expect(args.count == entries.count, "\(label): choose_args \(key) entry count")
        for entry in entries {
            guard let bucketID = int(entry["bucket_id"]), let arg = args[Int32(bucketID)] else {
                Issue.record("\(label): choose_args \(key) entry \(entry) not decoded")
                continue
            }
            let ids = (entry["ids"] as? [Any])?.compactMap { int($0) }.map { Int32($0) } ?? []
            #expect(arg.ids == ids, "\(label): choose_args \(key) bucket \(bucketID) ids")
            // dump_float prints (float)w / 0x10000 with every digit; rounding absorbs the JSON
            // parser's last-bit error.
            let weights = (entry["weight_set"] as? [[Any]])?.map { position in
                position.map { UInt32(((($0 as? NSNumber)?.doubleValue ?? -1) * 65536).rounded()) }
            } ?? []
            #expect(arg.weightSet == weights, "\(label): choose_args \(key) bucket \(bucketID) weight_set")
        }
    }
}

private let ruleOpNames: [RuleOp: String] = [
    .noop: "noop", .take: "take", .emit: "emit", .chooseFirstN: "choose_firstn",
    .chooseIndep: "choose_indep", .chooseLeafFirstN: "chooseleaf_firstn",
    .chooseLeafIndep: "chooseleaf_indep", .setChooseTries: "set_choose_tries",
    .setChooseLeafTries: "set_chooseleaf_tries", .setChooseLocalTries: "set_choose_local_tries",
    .setChooseLocalFallbackTries: "set_choose_local_fallback_tries",
    .setChooseLeafVaryR: "set_chooseleaf_vary_r", .setChooseLeafStable: "set_chooseleaf_stable",
]

@Suite("BinaryCodec")
struct BinaryCodecTests {
    @Test func fixturesArePresent() {
        // 22 maps of Ceph's suite compile on 16.2.15 (ceph-crushtool/README.md).
        #expect(BinaryFixtures.compiled.count == 22)
        #expect(BinaryFixtures.compiled.contains { $0.contains("/alt/") })
        #expect(BinaryFixtures.generatedCurrent.count >= 9)
    }

    @Test("decode then encode gives crushtool's bytes back", arguments: BinaryFixtures.all)
    func roundTrip(path: String) throws {
        let bytes = try BinaryFixtures.bytes(path)
        let map = try CrushMap(binary: bytes)
        let encoded = map.binaryEncoded()
        #expect(encoded.count == bytes.count)
        if let first = zip(encoded, bytes).enumerated().first(where: { $0.element.0 != $0.element.1 }) {
            Issue.record("\(path): first differing byte at offset \(first.offset)")
        }
        #expect(encoded == bytes)
        #expect(try CrushMap(binary: encoded) == map)
    }

    @Test("decoded map agrees with crushtool --dump", arguments: BinaryFixtures.all)
    func matchesDump(path: String) throws {
        let map = try CrushMap(binary: try BinaryFixtures.bytes(path))
        let dump = try BinaryFixtures.dump(for: path)

        // devices: 0..<max_devices as Ceph has it after finalize()
        let devices = dump["devices"] as? [[String: Any]] ?? []
        #expect(Int64(devices.count) == Int64(map.maxDevicesAsCephDecodes))
        // crushtool writes the value its decoder recomputes.
        #expect(map.maxDevices == map.maxDevicesAsCephDecodes)
        for device in devices {
            let id = Int32(int(device["id"]) ?? -1)
            #expect(device["name"] as? String == map.itemNames[id] ?? "device\(id)")
            let className = map.deviceClasses[id].flatMap { map.classNames[$0] }
            #expect(device["class"] as? String == className, "\(path): device \(id) class")
        }

        // types (type 0 is printed as "device" when unnamed)
        var types: [Int32: String] = [:]
        for type in dump["types"] as? [[String: Any]] ?? [] {
            types[Int32(int(type["type_id"]) ?? -1)] = type["name"] as? String
        }
        var expectedTypes = map.typeNames
        if !expectedTypes.isEmpty, expectedTypes[0] == nil { expectedTypes[0] = "device" }
        #expect(types == expectedTypes)

        // buckets, in id order -1, -2, …
        let buckets = dump["buckets"] as? [[String: Any]] ?? []
        let decoded = map.buckets.compactMap { $0 }
        #expect(buckets.count == decoded.count, "\(path): bucket count")
        for (json, bucket) in zip(buckets, decoded) {
            #expect(int(json["id"]) == Int64(bucket.id))
            #expect(json["name"] as? String == map.itemNames[bucket.id])
            #expect(int(json["type_id"]) == Int64(bucket.type))
            #expect(int(json["weight"]) == Int64(bucket.weight))
            #expect(json["alg"] as? String == bucket.algorithm.name)
            #expect(json["hash"] as? String == (bucket.hash == 0 ? "rjenkins1" : "unknown"))
            let items = json["items"] as? [[String: Any]] ?? []
            #expect(items.count == bucket.size, "\(path): bucket \(bucket.id) size")
            for (position, item) in items.enumerated() where position < bucket.size {
                #expect(int(item["id"]) == Int64(bucket.items[position]))
                #expect(int(item["weight"]) == Int64(bucket.itemWeight(at: position)))
            }
        }

        // rules
        let rules = dump["rules"] as? [[String: Any]] ?? []
        #expect(rules.count == map.rules.compactMap { $0 }.count, "\(path): rule count")
        #expect(Set(map.ruleNames.keys) == Set(rules.compactMap { int($0["rule_id"]) }.map { Int32($0) }))
        for json in rules {
            let id = Int(int(json["rule_id"]) ?? -1)
            guard id >= 0, id < map.rules.count, let rule = map.rules[id] else {
                Issue.record("\(path): rule \(id) not decoded")
                continue
            }
            #expect(json["rule_name"] as? String == map.ruleNames[Int32(id)])
            #expect(int(json["ruleset"]) == Int64(rule.ruleset))
            #expect(int(json["type"]) == Int64(rule.type))
            #expect(int(json["min_size"]) == Int64(rule.minSize))
            #expect(int(json["max_size"]) == Int64(rule.maxSize))
            let steps = json["steps"] as? [[String: Any]] ?? []
            #expect(steps.count == rule.steps.count, "\(path): rule \(id) steps")
            for (step, jsonStep) in zip(rule.steps, steps) {
                // Pacific's dump_rule names only some ops; the others print opcode, arg1, arg2.
                if let opcode = int(jsonStep["opcode"]) {
                    #expect(opcode == Int64(step.op.rawValue))
                    #expect(int(jsonStep["arg1"]) == Int64(step.arg1))
                    #expect(int(jsonStep["arg2"]) == Int64(step.arg2))
                    continue
                }
                #expect(jsonStep["op"] as? String == ruleOpNames[step.op])
                switch step.op {
                case .take:
                    #expect(int(jsonStep["item"]) == Int64(step.arg1))
                case .chooseFirstN, .chooseIndep, .chooseLeafFirstN, .chooseLeafIndep:
                    #expect(int(jsonStep["num"]) == Int64(step.arg1))
                    #expect(jsonStep["type"] as? String == map.typeNames[step.arg2])
                case .noop, .emit:
                    break
                default:
                    #expect(int(jsonStep["num"]) == Int64(step.arg1))
                }
            }
        }

        // tunables
        let tunables = dump["tunables"] as? [String: Any] ?? [:]
        let t = map.tunables
        #expect(int(tunables["choose_local_tries"]) == Int64(t.chooseLocalTries))
        #expect(int(tunables["choose_local_fallback_tries"]) == Int64(t.chooseLocalFallbackTries))
        #expect(int(tunables["choose_total_tries"]) == Int64(t.chooseTotalTries))
        #expect(int(tunables["chooseleaf_descend_once"]) == Int64(t.chooseLeafDescendOnce))
        #expect(int(tunables["chooseleaf_vary_r"]) == Int64(t.chooseLeafVaryR))
        #expect(int(tunables["chooseleaf_stable"]) == Int64(t.chooseLeafStable))
        #expect(int(tunables["straw_calc_version"]) == Int64(t.strawCalcVersion))
        #expect(int(tunables["allowed_bucket_algs"]) == Int64(t.allowedBucketAlgs))

        // choose_args as crushtool keeps them after decoding
        expectChooseArgs(map.chooseArgsAsCephDecodes, equal: dump["choose_args"] as? [String: Any], path)
    }

    /// The fixture README's puzzle: choose-args.crush's choose_args are in the bytes (as the
    /// compile-time dump shows) but `-i FILE --dump` shows them empty, because all its buckets
    /// are straw and Ceph's decode strips choose_args of non-straw2 buckets.
    @Test func chooseArgsThatCephDropsAreKept() throws {
        let path = "ceph-crushtool/expected/choose-args.crush.compiled.bin"
        let map = try CrushMap(binary: try BinaryFixtures.bytes(path))
        let compileDump = try BinaryFixtures.compileDump("ceph-crushtool/expected/choose-args.crush.compile-dump.json")
        expectChooseArgs(map.chooseArgs, equal: compileDump["choose_args"] as? [String: Any], "compile dump")
        #expect(map.chooseArgs.values.contains { !$0.isEmpty })
        #expect(map.buckets.compactMap { $0 }.allSatisfy { $0.algorithm == .straw })
        #expect(map.chooseArgsAsCephDecodes.values.allSatisfy { $0.isEmpty })
        #expect(map.chooseArgsAsCephDecodes.count == map.chooseArgs.count)

        // What crushtool writes after reading the file back (generated/COMMANDS.txt).
        let rewritten = try BinaryFixtures.bytes("generated/choose-args.crush.rewritten.bin")
        #expect(map.normalizedAsCephDecodes().binaryEncoded() == rewritten)
        #expect(map.binaryEncoded() != rewritten)
    }

    @Test func strawEntryDroppedStraw2EntriesKept() throws {
        let map = try CrushMap(binary: try BinaryFixtures.bytes("generated/classes-choose-args.bin"))
        let compileDump = try BinaryFixtures.compileDump("generated/classes-choose-args.compile-dump.txt")
        expectChooseArgs(map.chooseArgs, equal: compileDump["choose_args"] as? [String: Any], "compile dump")
        #expect(map.chooseArgs[0]?[-5] != nil)
        #expect(map.chooseArgsAsCephDecodes[0]?[-5] == nil)
        #expect(map.chooseArgsAsCephDecodes[0]?[-2] == map.chooseArgs[0]?[-2])
        let rewritten = try BinaryFixtures.bytes("generated/classes-choose-args.rewritten.bin")
        #expect(map.normalizedAsCephDecodes().binaryEncoded() == rewritten)
        // crushtool --test maps with choose_args 0, then -1.
        #expect(map.chooseArgsWithFallback(index: 0) == map.chooseArgs[0])
        #expect(map.chooseArgsWithFallback(index: 3) == nil)
        var compat = map
        compat.chooseArgs = [-1: map.chooseArgs[0] ?? [:]]
        #expect(compat.chooseArgsWithFallback(index: 0) == map.chooseArgs[0])
    }

    /// crushtool --test maps with choose_args 0, else the compat set (-1): the compat file's
    /// mappings equal the choose_args 0 file's and differ from the map without choose_args.
    @Test func compatWeightSetIsTheFallback() throws {
        let compat = try CrushMap(binary: try BinaryFixtures.bytes("generated/classes-compat-weight-set.bin"))
        let indexed = try CrushMap(binary: try BinaryFixtures.bytes("generated/classes-choose-args.bin"))
        #expect(compat.chooseArgs[0] == nil)
        #expect(compat.chooseArgs[-1] == indexed.chooseArgs[0])
        #expect(compat.normalizedAsCephDecodes().chooseArgsWithFallback(index: 0)
            == indexed.normalizedAsCephDecodes().chooseArgsWithFallback(index: 0))
        func mappings(_ name: String) throws -> String {
            try Fixtures.text(BinaryFixtures.generated.appendingPathComponent("\(name).rule0-rep3.mappings.txt"))
        }
        #expect(try mappings("classes-compat-weight-set") == mappings("classes-choose-args"))
        #expect(try mappings("classes-no-choose-args") != mappings("classes-choose-args"))
    }

    @Test func classesAreDecoded() throws {
        let map = try CrushMap(binary: try BinaryFixtures.bytes("generated/classes-choose-args.bin"))
        #expect(Set(map.classNames.values) == ["hdd", "ssd", "nvme"])
        // class_map holds the devices and, for shadow buckets, the class they were made for.
        #expect(map.deviceClasses.keys.filter { $0 >= 0 }.count == 6)
        for (bucket, perClass) in map.classBuckets {
            for (classID, shadow) in perClass {
                #expect(map.deviceClasses[shadow] == classID, "shadow of \(bucket)")
            }
        }
        // Every class of every bucket has a shadow bucket named "<bucket>~<class>".
        for (bucket, perClass) in map.classBuckets {
            for (classID, shadow) in perClass {
                #expect(map.itemNames[shadow] == "\(map.itemNames[bucket] ?? "?")~\(map.classNames[classID] ?? "?")")
            }
        }
    }

    /// Maps cut before their optional tail decode with Ceph's legacy values for what is missing;
    /// re-encoding writes what crushtool writes for them.
    @Test(arguments: ["old-format-no-tunables", "old-format-bobtail"])
    func oldFormats(name: String) throws {
        let old = try CrushMap(binary: try BinaryFixtures.bytes("generated/\(name).bin"))
        let rewritten = try BinaryFixtures.bytes("generated/\(name).rewritten.bin")
        #expect(old.binaryEncoded() == rewritten)
        let dump = try BinaryFixtures.dump(for: "generated/\(name).bin")
        let tunables = dump["tunables"] as? [String: Any] ?? [:]
        #expect(int(tunables["allowed_bucket_algs"]) == Int64(old.tunables.allowedBucketAlgs))
        #expect(int(tunables["chooseleaf_vary_r"]) == Int64(old.tunables.chooseLeafVaryR))
        #expect(int(tunables["choose_total_tries"]) == Int64(old.tunables.chooseTotalTries))
    }

    /// Every prefix of a small map either throws (with an offset inside the prefix) or ends
    /// exactly where Ceph's decoder stops reading optional groups: after the rule names, then
    /// after 12, 4, 1, 1, 4 and 1 bytes of tunables, after the class maps, and at the end.
    @Test(arguments: [
        "ceph-crushtool/expected/straw2.txt.compiled.bin",
        "ceph-crushtool/expected/check-names.empty.crushmap.txt.compiled.bin",
        "generated/classes-choose-args.bin",
    ])
    func everyTruncation(path: String) throws {
        let bytes = try BinaryFixtures.bytes(path)
        var decodable: [Int] = []
        for length in 0...bytes.count {
            let prefix = Array(bytes[..<length])
            do {
                let map = try CrushMap(binary: prefix)
                decodable.append(length)
                // What was read is written back the same way.
                #expect(Array(map.binaryEncoded().prefix(length)) == prefix, "prefix \(length)")
            } catch {
                #expect(error.offset <= length, "prefix \(length): \(error)")
                switch error.reason {
                case .truncated, .countTooLarge: break
                default: Issue.record("prefix \(length): unexpected \(error)")
                }
            }
        }
        #expect(decodable.count == 9, "\(decodable)")
        #expect(decodable.last == bytes.count)
        let gaps = zip(decodable.dropFirst(), decodable).map { $0 - $1 }
        #expect(Array(gaps.prefix(6)) == [12, 4, 1, 1, 4, 1])
    }

    /// `decode_32_or_64_string_map`: a zero length after the key means the key was 64 bits.
    @Test func sixtyFourBitNameKeys() throws {
        var map = CrushMap()
        map.typeNames = [0: "osd", 1: "host"]
        let bytes = map.binaryEncoded()
        // type_map at 16: count, then key 0 at 20, length at 24, "osd"; key 1 at 31, length at 35.
        var wide = bytes
        wide.insert(contentsOf: [0, 0, 0, 0], at: 35)
        wide.insert(contentsOf: [0, 0, 0, 0], at: 24)
        #expect(try CrushMap(binary: wide) == map)
        // Ceph writes them back with 32-bit keys.
        #expect(try CrushMap(binary: wide).binaryEncoded() == bytes)
    }

    /// Pacific stops after choose_args: later fields (Squid's msr tunables) are ignored, and
    /// crushtool 16.2.15 drops them when it rewrites the map (checked by hand with crushtool).
    @Test func trailingBytesAreIgnored() throws {
        let bytes = try BinaryFixtures.bytes("generated/build-tree-tree.bin")
        let map = try CrushMap(binary: bytes + [5, 0, 0, 0, 7, 0, 0, 0])
        #expect(map == (try CrushMap(binary: bytes)))
        #expect(map.binaryEncoded() == bytes)
    }

    @Test func badMagic() throws {
        var bytes = try BinaryFixtures.bytes("ceph-crushtool/expected/rules.txt.compiled.bin")
        bytes[0] = 0x42
        #expect(throws: CrushBinaryError(offset: 0, field: "magic", reason: .badMagic(0x0001_0042))) {
            try CrushMap(binary: bytes)
        }
        let text = Array("# begin crush map\n".utf8)
        let error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: text) }
        #expect(error?.description.contains("bad magic at byte 0") == true)
    }

    @Test func hugeCountsAreRejectedBeforeAllocating() throws {
        let original = try BinaryFixtures.bytes("generated/build-straw2-straw-list.bin")
        func patched(at offset: Int, _ value: UInt32) -> [UInt8] {
            var bytes = original
            for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            return bytes
        }
        // max_buckets (offset 4), max_rules (8)
        var error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: patched(at: 4, 0x7fff_ffff)) }
        #expect(error?.offset == 4)
        #expect(error?.field == "max_buckets")
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: patched(at: 4, 0xffff_fff0)) }
        #expect(error?.reason == .negativeCount(-16))
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: patched(at: 8, 0xffff_ffff)) }
        #expect(error?.offset == 8)
        // Slot 0 holds bucket -1: alg at 16, then id, type, alg, hash, weight; size at 32.
        let first = try #require(try CrushMap(binary: original).buckets.first ?? nil)
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: patched(at: 32, 0x4000_0000)) }
        #expect(error?.offset == 32)
        #expect(error?.field == "bucket \(first.id) size")
        #expect(error?.description.hasPrefix("count too large at byte 32 reading bucket \(first.id) size") == true)
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: patched(at: 16, 9)) }
        #expect(error?.reason == .unknownBucketAlgorithm(9))
        #expect(error?.offset == 16)
        // inner u8 algorithm at 26 disagrees with the leading u32
        var mismatched = original
        mismatched[26] = mismatched[26] == 5 ? 4 : 5
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: mismatched) }
        #expect(error?.offset == 26)
    }

    @Test func truncationMessageNamesTheField() throws {
        let bytes = try BinaryFixtures.bytes("ceph-crushtool/expected/straw2.txt.compiled.bin")
        // Without classes and choose_args, the tunables start 39 bytes before the end
        // (generated/COMMANDS.txt); cut 2 bytes into choose_local_tries.
        let tunablesAt = bytes.count - 39
        let error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: Array(bytes[..<(tunablesAt + 2)])) }
        #expect(error?.description == "truncated at byte \(tunablesAt) reading tunable choose_local_tries: need 4 bytes, 2 left")
        // A bucket's items cut short: the size is checked against what is left.
        var map = CrushMap()
        map.buckets = [Bucket(id: -1, type: 1, algorithm: .straw2, items: [0, 1], itemWeights: [1, 1])]
        let encoded = map.binaryEncoded()
        let cut = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: Array(encoded[..<38])) }
        #expect(cut?.description == "count too large at byte 32 reading bucket -1 size: 2 elements of at least 4 bytes, but only 2 bytes left")
    }

    @Test func unknownRuleOp() throws {
        var map = CrushMap()
        map.rules = [Rule(ruleset: 0, type: 1, minSize: 1, maxSize: 10, steps: [RuleStep(.take, -1), RuleStep(.emit)])]
        var bytes = map.binaryEncoded()
        // header 16, present flag, length, 4 mask bytes: the first op is at 28.
        #expect(try CrushMap(binary: bytes) == map)
        bytes[28] = 5
        let error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: bytes) }
        #expect(error?.reason == .unknownRuleOp(5))
        #expect(error?.offset == 28)
        #expect(error?.field == "rule 0 step 0 op")
    }

    @Test func invalidChooseArgs() throws {
        var map = CrushMap()
        map.buckets = [
            Bucket(id: -1, type: 1, algorithm: .straw2, weight: 0x20000, items: [0, 1], itemWeights: [0x10000, 0x10000]),
            nil,
        ]
        map.typeNames = [0: "osd", 1: "host"]
        map.chooseArgs = [0: [-1: ChooseArg(ids: [5, 6, 7])]]
        var error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: map.binaryEncoded()) }
        #expect(error?.reason == .chooseArgIdsSizeMismatch(idsSize: 3, bucketSize: 2))

        map.chooseArgs = [0: [-2: ChooseArg(ids: [5])]]
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: map.binaryEncoded()) }
        #expect(error?.reason == .chooseArgBucketMissing(index: 1))

        // A slot index past max_buckets: entry is index, positions, size, weight, ids size.
        map.chooseArgs = [0: [-1: ChooseArg(weightSet: [[1]])]]
        var bytes = map.binaryEncoded()
        #expect(try CrushMap(binary: bytes) == map)
        bytes[bytes.count - 20] = 7
        error = #expect(throws: CrushBinaryError.self) { try CrushMap(binary: bytes) }
        #expect(error?.reason == .chooseArgBucketOutOfRange(index: 7, maxBuckets: 2))
        #expect(error?.offset == bytes.count - 20)
    }

    @Test func chooseArgsNormalisation() throws {
        var map = CrushMap()
        map.buckets = [
            Bucket(id: -1, type: 1, algorithm: .straw2, weight: 0x30000, items: [0, 1, 2],
                   itemWeights: [0x10000, 0x10000, 0x10000]),
            Bucket(id: -2, type: 1, algorithm: .straw, weight: 0x10000, items: [3], itemWeights: [0x10000],
                   straws: [0x10000]),
            Bucket(id: -3, type: 1, algorithm: .straw2, weight: 0x10000, items: [4], itemWeights: [0x10000]),
        ]
        map.chooseArgs = [
            0: [
                -1: ChooseArg(weightSet: [[7], [8, 9, 10, 11]]),  // 2 positions: sets the map's count
                -2: ChooseArg(ids: [30], weightSet: [[1]]),  // straw: dropped
                -3: ChooseArg(weightSet: [[5]]),  // 1 position != 2: left alone
                -4: ChooseArg(weightSet: [[1]]),  // no such bucket: dropped
            ],
            -1: [:],
        ]
        let normalized = map.chooseArgsAsCephDecodes
        #expect(normalized[-1] == [:])
        #expect(normalized[0]?[-1] == ChooseArg(weightSet: [[7, 0, 0], [8, 9, 10]]))
        #expect(normalized[0]?[-2] == nil)
        #expect(normalized[0]?[-3] == ChooseArg(weightSet: [[5]]))
        #expect(normalized[0]?[-4] == nil)
        // finalize(): max_devices from the items (highest 4) and the names (osd.9)
        #expect(map.maxDevicesAsCephDecodes == 5)
        map.itemNames = [9: "osd.9", -1: "h"]
        #expect(map.maxDevicesAsCephDecodes == 10)
    }

    /// Deterministic mutations of a real map: decoding must throw or succeed, never trap.
    @Test func mutatedInputsNeverTrap() throws {
        let original = try BinaryFixtures.bytes("generated/classes-choose-args.bin")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var decoded = 0
        for _ in 0..<3000 {
            var bytes = original
            for _ in 0...(next() % 4) {
                let at = Int(next() % UInt64(bytes.count))
                bytes[at] = next() % 3 == 0 ? 0xff : UInt8(truncatingIfNeeded: next())
            }
            if let map = try? CrushMap(binary: bytes) {
                decoded += 1
                _ = map.binaryEncoded()
                _ = map.normalizedAsCephDecodes()
            }
        }
        #expect(decoded > 0)
    }
}
