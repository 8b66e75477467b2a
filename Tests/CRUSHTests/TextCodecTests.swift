import Foundation
import Testing

@testable import CRUSH
import CollectiveTestSupport

/// The crushtool fixture maps, read from MANIFEST.tsv: those that compile (with their
/// decompiled output) and those that crushtool refuses (with its stderr).
enum TextFixtures {
    struct Row {
        var map: String
        var args: String
        var output: String
        var exitCode: Int
    }

    static let rows: [Row] = {
        let url = Fixtures.crushtoolExpected.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? Fixtures.text(url) else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 4, let code = Int(f[3]) else { return nil }
            return Row(map: f[0], args: f[1], output: f[2], exitCode: code)
        }
    }()

    /// Maps crushtool compiles (the `-c` row exited 0).
    static let compiling: [String] = rows.filter { $0.args.hasPrefix("-c ") && $0.args.contains(" -o ") && $0.exitCode == 0 }.map(\.map)
    /// Maps crushtool refuses.
    static let refused: [String] = rows.filter { $0.args.hasPrefix("-c ") && $0.exitCode != 0 }.map(\.map)

    static func mapText(_ map: String) throws -> String {
        try Fixtures.text(Fixtures.crushtoolMaps.appendingPathComponent(map))
    }

    static func expected(_ name: String) throws -> String {
        try Fixtures.text(Fixtures.crushtoolExpected.appendingPathComponent(name))
    }

    /// The stderr section of a `.compile-error.txt`.
    static func compileError(_ map: String) throws -> String {
        let text = try expected(map + ".compile-error.txt")
        guard let range = text.range(of: "stderr:\n") else { return "" }
        return String(text[range.upperBound...]).trimmingCharacters(in: .newlines)
    }
}

/// The fixtures written for the text codec (Fixtures/text, see its COMMANDS.txt).
enum OwnTextFixtures {
    static let root = Fixtures.root.appendingPathComponent("text")
    static let maps = root.appendingPathComponent("maps")
    static let expected = root.appendingPathComponent("expected")

    static func files(in url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted()
    }

    static let valid: [String] = files(in: maps)
    static let errors: [String] = files(in: maps.appendingPathComponent("errors"))

    struct CompileError {
        var exitCode: Int
        var stderr: String
    }

    static func compileError(_ name: String) throws -> CompileError {
        let text = try Fixtures.text(expected.appendingPathComponent("errors/\(name).compile-error.txt"))
        let code = text.split(separator: "\n").first { $0.hasPrefix("exit_code: ") }
            .flatMap { Int($0.dropFirst("exit_code: ".count)) } ?? -1
        let stderr = text.range(of: "stderr:\n").map { String(text[$0.upperBound...]) } ?? ""
        return CompileError(exitCode: code, stderr: stderr)
    }
}

@Suite("TextCodec")
struct TextCodecTests {
    @Test("crushtool fixture maps decompile byte for byte", arguments: TextFixtures.compiling)
    func decompileMatchesCrushtool(map: String) throws {
        let text = try TextFixtures.mapText(map)
        let compiled = try CrushMap(text: text)
        let expected = try TextFixtures.expected(map + ".decompiled.txt")
        #expect(compiled.decompiled() == expected)
    }

    @Test("crushtool fixture maps that crushtool refuses are refused the same way", arguments: TextFixtures.refused)
    func refusedLikeCrushtool(map: String) throws {
        let text = try TextFixtures.mapText(map)
        let stderr = try TextFixtures.compileError(map)
        #expect(throws: CrushTextError.self) { try CrushMap(text: text) }
        do {
            _ = try CrushMap(text: text)
        } catch {
            let name = (map as NSString).lastPathComponent
            let printed = error.kind == .syntax
                ? "\(name):\(error.crushtoolLine ?? 0) error: \(error.message)"
                : error.message
            #expect(printed == stderr, "\(error)")
        }
    }

    /// The strongest check: every bucket array (weights, straws, node weights, sums), every
    /// shadow id and name, the rules and the tunables equal those in crushtool's own binary.
    @Test("compiled map equals crushtool's compiled binary", arguments: TextFixtures.compiling)
    func compiledMapEqualsCrushtoolBinary(map: String) throws {
        let compiled = try CrushMap(text: TextFixtures.mapText(map))
        let bytes = try Fixtures.data(Fixtures.crushtoolExpected.appendingPathComponent(map + ".compiled.bin"))
        let decoded = try CrushMap(binary: bytes)
        #expect(compiled == decoded)
        #expect(compiled.binaryEncoded() == bytes)
    }

    @Test("decompile, compile, decompile is stable", arguments: TextFixtures.compiling)
    func roundTripIsStable(map: String) throws {
        let first = try CrushMap(text: TextFixtures.mapText(map)).decompiled()
        let second = try CrushMap(text: first).decompiled()
        #expect(second == first)
    }

    // MARK: - Fixtures written for the text codec

    @Test("own fixture maps: compile, decompile and binary equal crushtool's", arguments: OwnTextFixtures.valid)
    func ownFixtureMatchesCrushtool(map: String) throws {
        let text = try Fixtures.text(OwnTextFixtures.maps.appendingPathComponent(map))
        let compiled = try CrushMap(text: text)
        let expected = OwnTextFixtures.expected
        let decompiled = try Fixtures.text(expected.appendingPathComponent(map + ".decompiled.txt"))
        #expect(compiled.decompiled() == decompiled)
        let bytes = try Fixtures.data(expected.appendingPathComponent(map + ".compiled.bin"))
        #expect(compiled == (try CrushMap(binary: bytes)))
        #expect(compiled.binaryEncoded() == bytes)
        // crushtool's own second round (weights come back rounded to 3 decimals).
        let recompiled = try Fixtures.text(expected.appendingPathComponent(map + ".recompiled.txt"))
        #expect(try CrushMap(text: decompiled).decompiled() == recompiled)
    }

    /// `crushtool --dump` shows each bucket's weight and each item's weight as Ceph reads it
    /// (`crush_get_bucket_item_weight`), printed as a C int.
    @Test("own fixture maps: bucket weights equal crushtool --dump", arguments: OwnTextFixtures.valid)
    func ownFixtureWeightsMatchDump(map: String) throws {
        let compiled = try CrushMap(text: Fixtures.text(OwnTextFixtures.maps.appendingPathComponent(map)))
        let data = try Data(contentsOf: OwnTextFixtures.expected.appendingPathComponent(map + ".dump.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let buckets = try #require(json["buckets"] as? [[String: Any]])
        #expect(buckets.count == compiled.buckets.compactMap { $0 }.count)
        for entry in buckets {
            let id = try #require(entry["id"] as? Int)
            let bucket = try #require(compiled.bucket(id: Int32(id)))
            #expect(entry["weight"] as? Int == Int(Int32(bitPattern: bucket.weight)), "bucket \(id)")
            #expect(entry["alg"] as? String == bucket.algorithm.name)
            let items = try #require(entry["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? Int } == bucket.items.map { Int($0) })
            #expect(
                items.map { $0["weight"] as? Int }
                    == (0..<bucket.size).map { Int(Int32(bitPattern: bucket.itemWeight(at: $0))) },
                "bucket \(id)")
        }
    }

    @Test("own error fixtures: refused with crushtool's message", arguments: OwnTextFixtures.errors)
    func ownErrorFixtureRefused(map: String) throws {
        let text = try Fixtures.text(OwnTextFixtures.maps.appendingPathComponent("errors/" + map))
        let expected = try OwnTextFixtures.compileError(map)
        do {
            let compiled = try CrushMap(text: text)
            Issue.record("compiled a map crushtool refuses: \(compiled.buckets.count) buckets")
        } catch {
            switch expected.exitCode {
            case 1 where expected.stderr.isEmpty:
                // crushtool fails without a message (unknown class in `step take`).
                #expect(error.kind == .undefinedClass, "\(error)")
            case 1:
                let printed = error.kind == .syntax
                    ? "\(map):\(error.crushtoolLine ?? 0) error: \(error.message)\n"
                    : error.message + "\n"
                #expect(printed == expected.stderr, "\(error)")
            default:
                // crushtool crashes (a uniform bucket of zero-weight items).
                #expect(expected.stderr.contains("FAILED ceph_assert"))
                #expect(error.kind == .badWeight, "\(error)")
            }
        }
    }

    // MARK: - Decompiling decoded binaries

    /// `crushtool -d FILE` is decode + decompile: the decoded binary prints the same text.
    @Test("decoded crushtool binaries decompile byte for byte", arguments: TextFixtures.compiling)
    func decodedBinaryDecompiles(map: String) throws {
        let bytes = try Fixtures.data(Fixtures.crushtoolExpected.appendingPathComponent(map + ".compiled.bin"))
        let expected = try TextFixtures.expected(map + ".decompiled.txt")
        #expect(try CrushMap(binary: bytes).decompiled() == expected)
    }

    @Test("decoded binaries of the text fixtures decompile byte for byte", arguments: OwnTextFixtures.valid)
    func decodedOwnBinaryDecompiles(map: String) throws {
        let bytes = try Fixtures.data(OwnTextFixtures.expected.appendingPathComponent(map + ".compiled.bin"))
        let expected = try Fixtures.text(OwnTextFixtures.expected.appendingPathComponent(map + ".decompiled.txt"))
        #expect(try CrushMap(binary: bytes).decompiled() == expected)
    }

    // MARK: - Numbers

    /// Weights are `strtof(text) * (float)0x10000` truncated to 32 bits, as crushtool reads them.
    @Test func weightsParseLikeStrtof() {
        var generator = SplitMix64(seed: 7)
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 9) + 1
            let whole = generator.next() % 200
            let frac = generator.next() % UInt64(pow(10.0, Double(digits)))
            var text = "\(whole).\(String(repeating: "0", count: max(0, digits - String(frac).count)))\(frac)"
            if generator.next() % 5 == 0 { text += "e\(Int(generator.next() % 7) - 3)" }
            let f = strtof(text, nil)
            let expected = UInt32(truncatingIfNeeded: Int64((f * 65536).rounded(.towardZero)))
            if TextCompiler.cWeight(text) != expected { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
        #expect(TextCompiler.cWeight("1.99999999") == 0x20000)
        #expect(TextCompiler.cWeight("-1") == 0xffff_0000)
        #expect(TextCompiler.cWeight("1e39") == 0)  // inf converts to INT64_MIN, low bits 0
        #expect(TextCompiler.cInt("4294967297") == 1)
        #expect(TextCompiler.cInt("99999999999999999999") == -1)  // LONG_MAX, low 32 bits
        #expect(TextCompiler.cInt("-2147483649") == 2_147_483_647)
    }

    @Test func threeDecimalsRoundTiesToEven() {
        // Exact binary values, printed as glibc prints "%.3f".
        #expect(FixedPointFormat.threeDecimals(0x1000) == "0.062")  // 0.0625
        #expect(FixedPointFormat.threeDecimals(0x3000) == "0.188")  // 0.1875
        #expect(FixedPointFormat.threeDecimals(0x2800) == "0.156")  // 0.15625
        #expect(FixedPointFormat.threeDecimals(0xffff_ffff) == "-0.000")  // int -1
        #expect(FixedPointFormat.threeDecimals(0x8000_0000) == "-32768.000")
        #expect(FixedPointFormat.threeDecimals(65_536_008) == "1000.000")  // float rounding first
        var generator = SplitMix64(seed: 3)
        for _ in 0..<20_000 {
            let w = UInt32(truncatingIfNeeded: generator.next())
            let expected = String(format: "%.3f", Double(Float(Int32(bitPattern: w)) / 65536))
            #expect(FixedPointFormat.threeDecimals(w) == expected)
        }
    }

    // MARK: - Errors

    @Test func errorsPointAtTheToken() throws {
        let text = """
            type 0 osd
            type 1 host
            device 0 osd.0
            host h {
            \talg straw2
            \titem osd.9 weight 1
            }
            """
        let error = try #require(throws: CrushTextError.self) { try CrushMap(text: text) }
        #expect(error.kind == .undefinedItem)
        #expect(error.line == 6 && error.column == 7 && error.token == "osd.9")
        #expect(error.message == "item 'osd.9' in bucket 'h' is not defined")

        let syntax = "type 0 osd\ntype 1 host\nhost h {\n  alg straw2\n  item x weight\n}\n"
        let parse = try #require(throws: CrushTextError.self) { try CrushMap(text: syntax) }
        #expect(parse.kind == .syntax)
        #expect(parse.crushtoolLine == 2 && parse.message == "parse error at ''")
        // The grammar got furthest at the '}' where a weight should have been.
        #expect(parse.line == 6 && parse.column == 1 && parse.token == "}")
        #expect(parse.expected.contains("a number"), "\(parse)")
    }

    // MARK: - Robustness

    /// Mangled maps are compiled or refused with an error, never a crash, and whatever compiles
    /// decompiles to text that compiles again.
    @Test func mangledMapsNeverCrash() throws {
        var generator = SplitMix64(seed: 11)
        let sources = try TextFixtures.compiling.map { try Array(TextFixtures.mapText($0).utf8) }
        let pieces: [String] = [
            "{", "}", " ", "\n", "#", "-", "1", "0", "-1", "4294967295", "99999999999", "id", "class",
            "item", "weight", "pos", "alg", "uniform", "tree", "list", "straw", "straw2", "hash", "rule",
            "step", "take", "choose", "chooseleaf", "firstn", "indep", "emit", "type", "device",
            "tunable", "choose_args", "bucket_id", "weight_set", "ids", "[", "]", "1e38", ".", "~",
        ]
        for _ in 0..<3000 {
            var bytes = sources[Int(generator.next() % UInt64(sources.count))]
            for _ in 0..<(1 + generator.next() % 4) {
                let at = Int(generator.next() % UInt64(bytes.count + 1))
                switch generator.next() % 3 {
                case 0 where at < bytes.count:
                    bytes.removeSubrange(at..<min(bytes.count, at + Int(generator.next() % 12)))
                case 1:
                    bytes.insert(contentsOf: Array(pieces[Int(generator.next() % UInt64(pieces.count))].utf8), at: at)
                default:
                    if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: generator.next()) }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            if let map = try? CrushMap(text: text) {
                let again = map.decompiled()
                #expect(throws: Never.self) { _ = try CrushMap(text: again) }
            }
        }
    }
}
