import Foundation
import Testing

@testable import CRUSH
import CollectiveTestSupport

/// A binary map and the `crushtool -i MAP --tree` output committed for it
/// (`Fixtures/tree/COMMANDS.txt`).
struct TreeFixture: CustomTestStringConvertible, Sendable {
    /// Paths relative to `Fixtures.root`.
    var map: String
    var tree: String
    var testDescription: String { map }

    static let folder = Fixtures.root.appendingPathComponent("tree")

    /// Maps crushtool 16.2.15 crashes on, so they have no expected output (see COMMANDS.txt).
    static let crushtoolCrashes = ["json/algorithms-patched.bin"]

    /// Every binary map of the fixture folders, in a stable order.
    static let allMaps: [String] =
        maps(under: "ceph-crushtool/expected", suffix: ".compiled.bin") + maps(under: "generated", suffix: ".bin")
        + maps(under: "json", suffix: ".bin") + maps(under: "tree", suffix: ".bin")

    static let all: [TreeFixture] = allMaps.filter { !crushtoolCrashes.contains($0) }.map { map in
        let tree: String
        if map.hasPrefix("ceph-crushtool/expected/") {
            tree = "tree/ceph-crushtool/" + map.dropFirst("ceph-crushtool/expected/".count)
                .dropLast(".compiled.bin".count) + ".tree.txt"
        } else if map.hasPrefix("tree/") {
            tree = map.dropLast(".bin".count) + ".tree.txt"
        } else {
            tree = "tree/" + map.dropLast(".bin".count) + ".tree.txt"
        }
        return TreeFixture(map: map, tree: tree)
    }

    static func maps(under folder: String, suffix: String) -> [String] {
        let base = Fixtures.root.appendingPathComponent(folder)
        let paths = (try? FileManager.default.subpathsOfDirectory(atPath: base.path)) ?? []
        return paths.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\($0)" }
    }

    /// The map as crushtool holds it after reading the file.
    static func decoded(_ path: String) throws -> CrushMap {
        try CrushMap(binary: Fixtures.data(Fixtures.root.appendingPathComponent(path))).normalizedAsCephDecodes()
    }
}

@Suite("TreeText")
struct TreeTextTests {
    @Test func everyMapHasAnExpectedTree() {
        // 22 Ceph test maps, 12 generated/, 6 json/ (one crashes crushtool), 6 made for this suite.
        #expect(TreeFixture.allMaps.count == 46)
        #expect(TreeFixture.all.count == TreeFixture.allMaps.count - TreeFixture.crushtoolCrashes.count)
        for fixture in TreeFixture.all {
            #expect(
                FileManager.default.fileExists(atPath: Fixtures.root.appendingPathComponent(fixture.tree).path),
                "no crushtool --tree output for \(fixture.map): run Fixtures/tree/regenerate.sh")
        }
    }

    @Test("treeText() is crushtool --tree, byte for byte", arguments: TreeFixture.all)
    func matchesCrushtool(_ fixture: TreeFixture) throws {
        let expected = try Fixtures.text(Fixtures.root.appendingPathComponent(fixture.tree))
        let actual = try TreeFixture.decoded(fixture.map).treeText()
        let same = actual == expected
        #expect(same, "\(fixture.map): \(firstDifference(actual, expected))")
    }

    /// crushtool crashes on this map (bucket -5, a child of root -7, has no name). Collective
    /// sorts the nameless bucket as an empty name, first among its siblings, and prints
    /// "<type> " for it, as the C++ stream would before stopping at the null name.
    @Test func unnamedChildBucketDoesNotCrash() throws {
        let map = try TreeFixture.decoded("json/algorithms-patched.bin")
        #expect(map.bucket(id: -5) != nil && map.itemNames[-5] == nil)
        // The same items as crushtool lists for algorithms.bin, the map before the patch (the
        // order differs: the nameless -5 now sorts first).
        let original = try Fixtures.text(Fixtures.root.appendingPathComponent("tree/json/algorithms.tree.txt"))
        let originalIDs = original.split(separator: "\n").dropFirst().compactMap { line in
            line.split(separator: " ").first.flatMap { Int32($0) }
        }
        #expect(map.crushTreeItems().map(\.id).sorted() == originalIDs.sorted())
        // (Bucket -3's name holds a newline, so text lines and items differ from there on.)
        let lines = map.treeText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let column = try #require(lines.first?.range(of: "TYPE NAME")).lowerBound
        func typeAndName(_ line: String) -> String {
            String(line[column...]).replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
        let root = try #require(lines.firstIndex { $0.hasPrefix("-7 ") })
        // Root -7's type (3) lost its name: only the (empty) indentation is left.
        #expect(typeAndName(lines[root]) == "")
        #expect(lines[root + 1].hasPrefix("-5 "))
        #expect(String(lines[root + 1][column...]).hasPrefix("    rack "))
        #expect(typeAndName(lines[root + 1]) == "    rack")
    }

    /// crushtool never ends on a cycle; Collective lists a bucket met again below itself
    /// without expanding it.
    @Test func cyclesEnd() {
        var map = CrushMap(typeNames: [0: "osd", 1: "host"], itemNames: [-1: "a", -2: "b", -3: "top", 0: "osd.0"])
        map.setBucket(Bucket(id: -1, type: 1, algorithm: .straw2, weight: 0x10000, items: [-2, 0], itemWeights: [0, 0x10000]))
        map.setBucket(Bucket(id: -2, type: 1, algorithm: .straw2, items: [-1], itemWeights: [0]))
        map.setBucket(Bucket(id: -3, type: 1, algorithm: .straw2, weight: 0x10000, items: [-1], itemWeights: [0x10000]))
        let ids = map.crushTreeItems().map(\.id)
        #expect(ids == [-3, -1, -2, -1, 0])
        let rows = [
            "ID  CLASS  WEIGHT   TYPE NAME         ",
            "-3         1.00000  host top          ",
            "-1         1.00000      host a        ",
            "-2               0          host b    ",
            "-1               0              host a",
            " 0         1.00000          osd.0     ",
        ]
        #expect(map.treeText() == rows.map { $0 + "\n" }.joined())
    }

    @Test func weightsPrintAsCephWeightfT() {
        #expect(CrushMap.weightText(0) == "0")
        #expect(CrushMap.weightText(0.0000009) == "0")
        #expect(CrushMap.weightText(-0.005) == "0")
        #expect(CrushMap.weightText(-0.02) == "-")
        #expect(CrushMap.weightText(1 / 65536) == "0.00002")
        #expect(CrushMap.weightText(Float(UInt32.max) / 65536) == "65536.00000")
    }
}

/// Random maps compiled by the real crushtool: its `--tree` output must equal `treeText()` of
/// the binary it wrote. Runs only where crushtool is installed.
@Suite("TreeText against live crushtool", .enabled(if: Crushtool.isAvailable, "crushtool is not installed"))
struct TreeTextLiveTests {
    static let seeds: [UInt64] = Array(1...30)

    @Test("random hierarchies, classes and weights", arguments: seeds)
    func randomMap(seed: UInt64) throws {
        let generated = RandomCrushMap(seed: seed)
        let dir = try Program.temporaryDirectory("collective-crushtool")
        defer { try? FileManager.default.removeItem(at: dir) }
        try generated.text.write(to: dir.appendingPathComponent("map.txt"), atomically: true, encoding: .utf8)
        let compile = try Crushtool.run(["-c", "map.txt", "-o", "map.bin"], in: dir)
        try #require(compile.status == 0, "crushtool refused the generated map: \(compile.stderr)")
        let expected = try Crushtool.run(["-i", "map.bin", "--tree"], in: dir)
        try #require(expected.status == 0, "crushtool --tree failed: \(expected.stderr)")
        let binary = try Data(contentsOf: dir.appendingPathComponent("map.bin"))
        let actual = try CrushMap(binary: [UInt8](binary)).normalizedAsCephDecodes().treeText()
        let same = actual == expected.stdout
        #expect(same, "seed \(seed): \(firstDifference(actual, expected.stdout))\n\(generated.text)")
    }
}
