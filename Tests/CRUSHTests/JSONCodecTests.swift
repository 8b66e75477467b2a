import Foundation
import Testing

@testable import CRUSH
import CollectiveTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The `--dump` outputs of crushtool 16.2.15 used here, as paths relative to `Fixtures.root`:
/// Ceph's test maps (`ceph-crushtool/expected`), the binary codec's maps (`generated`) and this
/// suite's own (`json`, see its COMMANDS.txt).
private enum DumpFixtures {
    static func files(under folder: String, suffix: String) -> [String] {
        let base = Fixtures.root.appendingPathComponent(folder)
        let paths = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        return paths.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    /// Every `crushtool -i BIN --dump` output.
    static let dumps =
        files(under: "ceph-crushtool/expected", suffix: ".dump.json")
        + files(under: "generated", suffix: ".dump.json")
        + files(under: "json", suffix: ".dump.json")

    /// Dumps whose map cannot be told exactly from its JSON, so that the map read back differs
    /// from the binary one (the test says how).
    static let nameCutAtNUL = "json/names-nul.dump.json"

    /// `crushtool -c MAP --dump` outputs: JSON, then crushtool's notice line.
    static let compileDumps =
        ["ceph-crushtool/expected/choose-args.crush.compile-dump.json", "generated/classes-choose-args.compile-dump.txt"]
        + files(under: "json", suffix: ".compile-dump.txt")

    /// The binary map a dump was made from.
    static func binary(forDump path: String) -> String {
        if path.hasPrefix("ceph-crushtool/") {
            return String(path.dropLast(".dump.json".count)) + ".compiled.bin"
        }
        return String(path.dropLast(".dump.json".count)) + ".bin"
    }

    /// The binary map a compile dump's map was written to.
    static func binary(forCompileDump path: String) -> String {
        if path.hasPrefix("ceph-crushtool/") {
            return String(path.dropLast(".compile-dump.json".count)) + ".compiled.bin"
        }
        return String(path.dropLast(".compile-dump.txt".count)) + ".bin"
    }

    static func text(_ path: String) throws -> String {
        try Fixtures.text(Fixtures.root.appendingPathComponent(path))
    }

    static func map(binary path: String) throws -> CrushMap {
        try CrushMap(binary: Fixtures.data(Fixtures.root.appendingPathComponent(path)))
    }

    /// The JSON part of a compile dump, ending as a `-i --dump` output ends ("}\n\n").
    static func compileDumpJSON(_ path: String) throws -> String {
        let text = try Self.text(path)
        let notice = "crushtool successfully built or modified map."
        guard let range = text.range(of: notice, options: .backwards) else { return text }
        return String(text[..<range.lowerBound])
    }
}

/// `printf("%.*g", precision, value)` from the C library crushtool uses.
private func cFormat(_ value: Double, precision: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([precision, value]) { args in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 64, "%.*g", args) }
    }
    let bytes = buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}

/// A map as it reads back from its dump when choose_args weights go through the dump's
/// `(float)w / (float)0x10000`: every weight becomes `UInt32(Float(w))` (exact below 2^24).
private func throughFloat(_ map: CrushMap) -> CrushMap {
    var result = map
    result.chooseArgs = map.chooseArgs.mapValues { args in
        args.mapValues { arg in
            var arg = arg
            arg.weightSet = arg.weightSet.map { $0.map { UInt32(Float($0)) } }
            return arg
        }
    }
    return result
}

@Suite("JSONCodec")
struct JSONCodecTests {
    // MARK: - Parser

    @Test func parsesEscapesAndUnicode() throws {
        let text = #"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC\ud83d\ude00", "é€😀", "\u0000x", ""]"#
        let value = try JSONParser.parse(text)
        #expect(
            value
                == .array([
                    .string("\"\\/\u{8}\u{c}\n\r\t"), .string("Aé€😀"), .string("é€😀"), .string("\u{0}x"),
                    .string(""),
                ]))
    }

    @Test func numbersKeepTheirText() throws {
        let value = try JSONParser.parse(
            "[0, -0, 12, -9223372036854775808, 18446744073709551615, 1.5, -2.5e-3, 1E+2, 1e400]")
        guard case .array(let elements) = value else {
            Issue.record("not an array")
            return
        }
        let numbers = elements.compactMap { element -> JSONNumber? in
            if case .number(let n) = element { return n }
            return nil
        }
        #expect(numbers.map(\.text) == [
            "0", "-0", "12", "-9223372036854775808", "18446744073709551615", "1.5", "-2.5e-3", "1E+2", "1e400",
        ])
        #expect(numbers[2].int64 == 12)
        #expect(numbers[3].int64 == Int64.min)
        #expect(numbers[4].int64 == nil)
        #expect(numbers[4].uint64 == UInt64.max)
        #expect(numbers[5].isInteger == false)
        #expect(numbers[5].int64 == nil)
        #expect(numbers[6].double == -0.0025)
        #expect(numbers[7].double == 100)
        #expect(numbers[8].double == .infinity)
    }

    @Test func keepsMemberOrderAndNesting() throws {
        let value = try JSONParser.parse(
            " {\"b\": {\"x\": [[], {}, [null, true, false]]}, \"a\": 1, \"b\": 2}\r\n\t")
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["b", "a", "b"])
        #expect(value["b"]?["x"]?[2] == .array([.null, .bool(true), .bool(false)]))
        #expect(value["b"]?["x"]?[0] == .array([]))
        #expect(value["b"]?["x"]?[1] == .object([]))
        #expect(value["a"] == .number(JSONNumber(text: "1")))
    }

    struct BadJSON: Sendable, CustomTestStringConvertible {
        let text: String
        let line: Int
        let column: Int
        let path: String
        let reason: String
        var testDescription: String { text.debugDescription }
    }

    static let badJSON: [BadJSON] = [
        BadJSON(text: "", line: 1, column: 1, path: "(top level)", reason: "expected a JSON value, found the end of the text"),
        BadJSON(text: "[1, 2,]", line: 1, column: 7, path: "[2]", reason: "expected a JSON value, found ']'"),
        BadJSON(text: "{\"a\": 1,}", line: 1, column: 9, path: "(top level)", reason: "expected a member name in double quotes after ',', found '}'"),
        BadJSON(text: "[01]", line: 1, column: 3, path: "[0]", reason: "numbers must not have leading zeros"),
        BadJSON(text: "[1.]", line: 1, column: 4, path: "[0]", reason: "expected a digit after the decimal point, found ']'"),
        BadJSON(text: "[-]", line: 1, column: 3, path: "[0]", reason: "expected a digit after '-', found ']'"),
        BadJSON(text: "[1e]", line: 1, column: 4, path: "[0]", reason: "expected a digit in the exponent, found ']'"),
        BadJSON(text: "[+1]", line: 1, column: 2, path: "[0]", reason: "expected a JSON value, found '+'"),
        BadJSON(text: "[NaN]", line: 1, column: 2, path: "[0]", reason: "expected a JSON value, found 'N'"),
        BadJSON(text: "['a']", line: 1, column: 2, path: "[0]", reason: "expected a JSON value, found '''"),
        BadJSON(text: "[tru]", line: 1, column: 5, path: "[0]", reason: "expected 'true', found ']'"),
        BadJSON(text: "[truex]", line: 1, column: 6, path: "[0]", reason: "expected 'true', found 'x' after it"),
        BadJSON(text: "{\"a\" 1}", line: 1, column: 6, path: "a", reason: "expected ':' after the member name, found '1'"),
        BadJSON(text: "{\"a\": [1 2]}", line: 1, column: 10, path: "a", reason: "expected ',' or ']' after an array element, found '2'"),
        BadJSON(text: "{} x", line: 1, column: 4, path: "(top level)", reason: "expected the end of the text after the JSON value, found 'x'"),
        BadJSON(text: "\"abc", line: 1, column: 5, path: "(top level)", reason: "the string is not closed: expected '\"', found the end of the text"),
        BadJSON(text: "[\"a\nb\"]", line: 1, column: 4, path: "[0]", reason: "control character U+000a must be escaped in a string"),
        BadJSON(text: "[\"\\x\"]", line: 1, column: 4, path: "[0]", reason: "invalid escape '\\x' in a string"),
        BadJSON(text: "[\"\\u12g4\"]", line: 1, column: 7, path: "[0]", reason: "expected 4 hex digits after '\\u', found 'g'"),
        BadJSON(text: "[\"\\udc00\"]", line: 1, column: 3, path: "[0]", reason: "lone low surrogate \\udc00 in a string"),
        BadJSON(text: "[\"\\ud800x\"]", line: 1, column: 3, path: "[0]", reason: "high surrogate \\ud800 must be followed by a \\u escape of a low surrogate"),
        BadJSON(text: "[\"\\ud800\\u0041\"]", line: 1, column: 3, path: "[0]", reason: "high surrogate \\ud800 is followed by \\u0041, which is not a low surrogate"),
        BadJSON(text: "\u{FEFF}{}", line: 1, column: 1, path: "(top level)", reason: "a byte order mark (U+FEFF) is not allowed before the JSON value"),
        // Positions count lines from 1 and columns in Unicode scalars ("é€" are two).
        BadJSON(
            text: "{\n  \"buckets\": [\n    {\"é€\": 1},\n    {\"items\": [{\"weight\": x}]}\n  ]\n}", line: 4,
            column: 27, path: "buckets[1].items[0].weight", reason: "expected a JSON value, found 'x'"),
        BadJSON(
            text: "{\"é€\": [1, 2, }", line: 1, column: 15, path: "[\"é€\"][2]",
            reason: "expected a JSON value, found '}'"),
        BadJSON(
            text: "{\"a b\": {\"0x\": [{\"ok\": 1, \"q\": -}]}}", line: 1, column: 33, path: "[\"a b\"][\"0x\"][0].q",
            reason: "expected a digit after '-', found '}'"),
    ]

    @Test(arguments: badJSON) func rejectsBadJSONWithPosition(_ bad: BadJSON) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(bad.text) }
        do {
            _ = try JSONParser.parse(bad.text)
        } catch {
            #expect(error.line == bad.line)
            #expect(error.column == bad.column)
            #expect(error.path == bad.path)
            #expect(error.reason == bad.reason)
        }
    }

    @Test func rejectsInvalidUTF8() {
        for bytes: [UInt8] in [
            [0x22, 0xC3, 0x28, 0x22],  // bad continuation
            [0x22, 0xC0, 0x80, 0x22],  // overlong NUL
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // UTF-8 encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // beyond U+10FFFF
            [0x22, 0xE2, 0x82],  // cut short
            [0xFF],
        ] {
            #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(utf8: bytes) }
        }
        #expect((try? JSONParser.parse(utf8: [0x22, 0xF0, 0x9F, 0x98, 0x80, 0x22])) == .string("😀"))
    }

    @Test func limitsNesting() throws {
        let deep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect((try? JSONParser.parse(deep)) != nil)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(tooDeep) }
        // Far deeper than any stack allows if unchecked.
        let hostile = String(repeating: "[{\"a\":", count: 200_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(hostile) }
    }

    // MARK: - Number formatting

    @Test func formatsDoublesAsPrintfG() {
        var values: [Double] = [
            0, -0.0, 1, -1, 0.5, 0.1, 1.0 / 3, 2.0 / 3, 100, 1e16, 1e17, 1.2345678901234567e17, 123456789012345680,
            1e-4, 1e-5, 0.00012345, 1.52587890625e-05, 300.123443603515625, 12.8499908447265625,
            .greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, .pi, -.pi, 9.5, 0.95,
            1e23, 0.000099999999999999995, .leastNonzeroMagnitude.nextUp, 1.7976931348623157e308,
        ]
        var random = SplitMix64(seed: 0x5EED)
        for _ in 0..<4000 {
            let bits = random.next()
            let value = Double(bitPattern: bits)
            if value.isFinite { values.append(value) }
        }
        for _ in 0..<4000 {
            // What dump_choose_args prints: (float)w / (float)0x10000.
            let w = UInt32(truncatingIfNeeded: random.next() >> UInt64(random.below(33)))
            values.append(Double(Float(w) / Float(0x10000)))
        }
        for w in UInt32(0)..<2000 { values.append(Double(Float(w) / Float(0x10000))) }
        for value in values {
            for precision: Int32 in [17, 6, 1, 3, 20] {
                let ours = DecimalFormat.general(value, precision: Int(precision))
                let c = cFormat(value, precision: precision)
                if ours != c {
                    Issue.record("%.\(precision)g of \(value) (bits \(String(value.bitPattern, radix: 16))): \(ours) vs C \(c)")
                    return
                }
            }
        }
        #expect(DecimalFormat.general(.infinity) == "inf")
        #expect(DecimalFormat.general(-.infinity) == "-inf")
        #expect(DecimalFormat.general(.nan) == "nan")
    }

    // MARK: - Dump writer

    @Test(arguments: DumpFixtures.dumps) func dumpEqualsCrushtool(_ dumpPath: String) throws {
        let expected = try DumpFixtures.text(dumpPath)
        let map = try DumpFixtures.map(binary: DumpFixtures.binary(forDump: dumpPath)).normalizedAsCephDecodes()
        let dumped = map.dumpJSON()
        #expect(dumped == expected, "\(firstDifference(dumped, expected))")
    }

    // MARK: - Dump reader

    @Test(arguments: DumpFixtures.dumps) func dumpReadsBackToTheSameDump(_ dumpPath: String) throws {
        let text = try DumpFixtures.text(dumpPath)
        let map = try CrushMap(dumpJSON: text)
        let dumped = map.dumpJSON()
        #expect(dumped == text, "\(firstDifference(dumped, text))")
    }

    @Test(arguments: DumpFixtures.dumps) func dumpReadsBackToTheBinaryMap(_ dumpPath: String) throws {
        let fromJSON = try CrushMap(dumpJSON: DumpFixtures.text(dumpPath))
        var expected = throughFloat(
            try DumpFixtures.map(binary: DumpFixtures.binary(forDump: dumpPath)).normalizedAsCephDecodes())
        if dumpPath == DumpFixtures.nameCutAtNUL {
            // The dump shows a C string: the name ends at its NUL.
            for (id, name) in expected.itemNames {
                if let nul = name.firstIndex(of: "\u{0}") { expected.itemNames[id] = String(name[..<nul]) }
            }
        }
        expectSameMap(fromJSON, expected)
    }

    @Test(arguments: DumpFixtures.compileDumps) func compileDumpReadsBack(_ path: String) throws {
        let text = try DumpFixtures.compileDumpJSON(path)
        let map = try CrushMap(dumpJSON: text)
        let dumped = map.dumpJSON()
        #expect(dumped == text, "\(firstDifference(dumped, text))")
        // The compiled map, choose_args and all, is what the binary holds before Ceph's
        // decode normalisation.
        let binary = throughFloat(try DumpFixtures.map(binary: DumpFixtures.binary(forCompileDump: path)))
        expectSameMap(map, binary)
    }

    private func expectSameMap(_ a: CrushMap, _ b: CrushMap) {
        #expect(a.maxDevices == b.maxDevices)
        #expect(a.buckets.count == b.buckets.count)
        for (x, y) in zip(a.buckets, b.buckets) where x != y {
            Issue.record("bucket \(x?.id ?? y?.id ?? 0): \(String(describing: x)) vs \(String(describing: y))")
        }
        #expect(a.rules == b.rules)
        #expect(a.tunables == b.tunables)
        #expect(a.typeNames == b.typeNames)
        #expect(a.itemNames == b.itemNames)
        #expect(a.ruleNames == b.ruleNames)
        #expect(a.deviceClasses == b.deviceClasses)
        #expect(a.classNames == b.classNames)
        #expect(a.classBuckets == b.classBuckets)
        #expect(a.chooseArgs == b.chooseArgs)
        #expect(a == b)
    }

    struct BadDump: Sendable, CustomTestStringConvertible {
        let label: String
        let replace: String
        let with: String
        let path: String
        let reason: String
        var testDescription: String { label }
    }

    /// Edits of `json/straw-calc-v0.dump.json` (the first occurrence of `replace`).
    static let badDumps: [BadDump] = [
        BadDump(
            label: "negative item weight", replace: "\"weight\": 65536,\n                    \"pos\": 0",
            with: "\"weight\": -1,\n                    \"pos\": 0", path: "buckets[0].items[0].weight",
            reason: "expected an integer from 0 to 4294967295, found -1"),
        BadDump(
            label: "fractional weight", replace: "\"weight\": 229376,", with: "\"weight\": 3.5,",
            path: "buckets[0].weight", reason: "expected an integer from 0 to 4294967295, found 3.5"),
        BadDump(
            label: "weight as string", replace: "\"weight\": 229376,", with: "\"weight\": \"229376\",",
            path: "buckets[0].weight", reason: "expected an integer from 0 to 4294967295, found a string"),
        BadDump(
            label: "unknown algorithm", replace: "\"alg\": \"straw\"", with: "\"alg\": \"straw3\"",
            path: "buckets[0].alg",
            reason: "unknown bucket algorithm 'straw3' (expected uniform, list, tree, straw or straw2)"),
        BadDump(
            label: "unknown hash", replace: "\"hash\": \"rjenkins1\"", with: "\"hash\": \"unknown\"",
            path: "buckets[0].hash", reason: "unknown hash 'unknown' (rjenkins1 is the only one Ceph defines)"),
        BadDump(
            label: "position out of order", replace: "\"pos\": 1", with: "\"pos\": 7",
            path: "buckets[0].items[1].pos", reason: "expected 1, the item's place in the list, found 7"),
        BadDump(
            label: "missing device", replace: "\"id\": 2,\n                    \"weight\"",
            with: "\"id\": 42,\n                    \"weight\"", path: "buckets[0].items[2].id",
            reason: "device 42 is not in devices"),
        BadDump(
            label: "unknown field", replace: "\"type_name\": \"host\",", with: "\"type_name\": \"host\", \"colour\": 3,",
            path: "buckets[0].colour",
            reason: "unknown field (expected one of: alg, hash, id, items, name, type_id, type_name, weight)"),
        BadDump(
            label: "contradicting type_name", replace: "\"type_name\": \"host\"", with: "\"type_name\": \"root\"",
            path: "buckets[0].type_name", reason: "'root' contradicts types, where type 1 is 'host'"),
        BadDump(
            label: "missing tunable", replace: "\"choose_total_tries\": 50,", with: "",
            path: "tunables.choose_total_tries", reason: "required field is missing"),
        BadDump(
            label: "unknown choose type", replace: "\"type\": \"host\"", with: "\"type\": \"chassis\"",
            path: "rules[0].steps[1].type", reason: "type 'chassis' is not in types"),
        BadDump(
            label: "unknown op", replace: "\"op\": \"emit\"", with: "\"op\": \"emit_all\"",
            path: "rules[0].steps[2].op",
            reason: "unknown step op 'emit_all' (expected take, emit, noop, choose_firstn, choose_indep, chooseleaf_firstn, chooseleaf_indep, set_choose_tries, set_chooseleaf_tries, set_choose_local_tries, set_choose_local_fallback_tries, set_chooseleaf_vary_r, set_chooseleaf_stable)"),
        BadDump(
            label: "contradicting item_name", replace: "\"item_name\": \"default~ssd\"",
            with: "\"item_name\": \"default\"", path: "rules[0].steps[0].item_name",
            reason: "'default' contradicts the buckets, where bucket -9 is named 'default~ssd'"),
        BadDump(
            label: "duplicate bucket", replace: "\"id\": -2,", with: "\"id\": -1,", path: "buckets[1].id",
            reason: "bucket -1 is listed twice"),
        BadDump(
            label: "huge bucket id", replace: "\"id\": -2,", with: "\"id\": -2000000000,", path: "buckets[1].id",
            reason: "bucket id -2000000000 is beyond the 65536 bucket slots this reader accepts"),
        BadDump(
            label: "rule size out of range", replace: "\"max_size\": 10,", with: "\"max_size\": 256,",
            path: "rules[0].max_size", reason: "expected an integer from 0 to 255, found 256"),
        BadDump(
            label: "choose_args for a missing bucket", replace: "\"choose_args\": {}",
            with: "\"choose_args\": {\"3\": [{\"bucket_id\": -99, \"ids\": [1]}]}", path: "choose_args[\"3\"][0].bucket_id",
            reason: "bucket -99 is not in buckets"),
        BadDump(
            label: "choose_args ids of the wrong length", replace: "\"choose_args\": {}",
            with: "\"choose_args\": {\"-1\": [{\"bucket_id\": -1, \"ids\": [1]}]}", path: "choose_args[\"-1\"][0].ids",
            reason: "bucket -1 has 3 items, but 1 ids"),
        BadDump(
            label: "negative weight-set weight", replace: "\"choose_args\": {}",
            with: "\"choose_args\": {\"1\": [{\"bucket_id\": -1, \"weight_set\": [[1, -0.5, 1]]}]}",
            path: "choose_args[\"1\"][0].weight_set[0][1]", reason: "a weight from 0 to 65535.99998 is expected, found -0.5"),
        BadDump(
            label: "choose_args name", replace: "\"choose_args\": {}", with: "\"choose_args\": {\"01\": []}",
            path: "choose_args[\"01\"]", reason: "choose_args are named by a decimal integer (a pool id, or -1)"),
    ]

    @Test(arguments: badDumps) func rejectsBadDumpsNamingTheField(_ bad: BadDump) throws {
        let text = try DumpFixtures.text("json/straw-calc-v0.dump.json")
        let range = try #require(text.range(of: bad.replace))
        let edited = text.replacingCharacters(in: range, with: bad.with)
        #expect(throws: CrushJSONError.invalid(path: bad.path, reason: bad.reason)) {
            try CrushMap(dumpJSON: edited)
        }
    }

    @Test func reportsSyntaxErrorsWithTheirPosition() throws {
        let text = try DumpFixtures.text("json/straw-calc-v0.dump.json")
        let cut = String(text.utf8.prefix(1000))!
        do {
            _ = try CrushMap(dumpJSON: cut)
            Issue.record("a cut dump was accepted")
        } catch {
            guard case .syntax(let syntax) = error else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            let lines = cut.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(syntax.line == lines.count)
            #expect(syntax.offset == 1000)
            #expect(syntax.path.hasPrefix("buckets[0]"))
        }
    }

    @Test func readsHolesAndTakesByName() throws {
        // A dump with holes: device1 is a hole (Ceph's invented name, no class, in no bucket);
        // "device3" is held by a bucket, so it is a real name; a take may give only item_name.
        let text = """
            {"devices": [{"id": 0, "name": "osd.0", "class": "hdd"}, {"id": 1, "name": "device1"},
                         {"id": 2, "name": "device2", "class": "hdd"}, {"id": 3, "name": "device3"}],
             "types": [{"type_id": 0, "name": "osd"}, {"type_id": 1, "name": "host"}],
             "buckets": [{"id": -1, "name": "h", "type_id": 1, "weight": 196608, "alg": "straw2",
                          "hash": "rjenkins1", "items": [{"id": 0, "weight": 65536, "pos": 0},
                          {"id": 2, "weight": 65536, "pos": 1}, {"id": 3, "weight": 65536, "pos": 2}]},
                         {"id": -3, "name": "h~hdd", "type_id": 1, "weight": 131072, "alg": "straw2",
                          "hash": "rjenkins1", "items": [{"id": 0, "weight": 65536, "pos": 0},
                          {"id": 2, "weight": 65536, "pos": 1}]}],
             "rules": [{"rule_id": 2, "rule_name": "r", "ruleset": 2, "type": 1, "min_size": 1, "max_size": 10,
                        "steps": [{"op": "take", "item_name": "h~hdd"},
                                  {"op": "chooseleaf_firstn", "num": 0, "type": "osd"}, {"op": "emit"}]}],
             "tunables": {"choose_local_tries": 0, "choose_local_fallback_tries": 0, "choose_total_tries": 50,
                          "chooseleaf_descend_once": 1, "chooseleaf_vary_r": 1, "chooseleaf_stable": 1,
                          "straw_calc_version": 1, "allowed_bucket_algs": 54}}
            """
        let map = try CrushMap(dumpJSON: text)
        #expect(map.maxDevices == 4)
        #expect(map.itemNames == [0: "osd.0", 2: "device2", 3: "device3", -1: "h", -3: "h~hdd"])
        #expect(map.classNames == [0: "hdd"])
        // Shadow buckets have their class in class_map too, as Ceph's device_class_clone sets.
        #expect(map.deviceClasses == [0: 0, 2: 0, -3: 0])
        #expect(map.classBuckets == [-1: [0: -3]])
        // Bucket slots grow as crush_add_bucket grows them: 8 at first.
        #expect(map.buckets.count == 8 && map.buckets[1] == nil && map.buckets[2] != nil)
        #expect(map.rules.count == 3 && map.rules[0] == nil && map.rules[1] == nil)
        #expect(map.rules[2]?.steps == [RuleStep(.take, -3), RuleStep(.chooseLeafFirstN, 0, 0), RuleStep(.emit)])
        #expect(map.chooseArgs.isEmpty)
        #expect(map.bucket(id: -1)?.weight == 196608)
    }

    /// Random edits of real dumps: reading never crashes, and whatever reads is stable: its dump
    /// reads back to the same dump.
    @Test func survivesMutatedDumps() throws {
        let sources = try [
            "json/classes-straw2.compile-dump.txt", "json/algorithms-patched.dump.json",
            "ceph-crushtool/expected/device-class.crush.dump.json",
        ].map { path in Array((path.hasSuffix(".txt") ? try DumpFixtures.compileDumpJSON(path) : try DumpFixtures.text(path)).utf8) }
        let pieces: [[UInt8]] = ["0", "-1", "1e9", "4294967296", "\"", "{", "}", "[", "]", ",", ":", "null", "\"x~y\"", "\\u0000", "65536", "\"straw\"", "\"tree\"", "\"uniform\""].map { Array($0.utf8) }
        var random = SplitMix64(seed: 2024)
        var accepted = 0
        for round in 0..<1500 {
            var bytes = sources[round % sources.count]
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
                case 1: bytes.insert(contentsOf: pieces[random.below(pieces.count)], at: at)
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next())
                default:
                    // Change a digit: stays JSON, changes ids and weights.
                    if let digit = bytes[at...].firstIndex(where: { (48...57).contains($0) }) {
                        bytes[digit] = UInt8(48 + random.below(10))
                    }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let map = try? CrushMap(dumpJSON: text) else { continue }
            accepted += 1
            let dumped = map.dumpJSON()
            let again = try CrushMap(dumpJSON: dumped)
            #expect(again.dumpJSON() == dumped)
        }
        #expect(accepted > 0)
    }
}
