import Foundation
import Testing

@testable import CRUSH

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
}
