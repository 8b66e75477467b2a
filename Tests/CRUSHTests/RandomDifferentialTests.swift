import CRUSH
import Foundation
import Testing
import CollectiveTestSupport

/// Random maps, compiled and tested by the real crushtool, then mapped by Collective from the
/// same binary: every output line must agree. Runs only where crushtool is installed (the
/// test command installs it); the committed golden corpora cover machines without it.
@Suite("random maps against live crushtool", .enabled(if: Crushtool.isAvailable, "crushtool is not installed"))
struct RandomDifferentialTests {
    /// 60 maps by default; set COLLECTIVE_RANDOM_MAPS to try more.
    static let seeds: [UInt64] = Array(1...UInt64(ProcessInfo.processInfo.environment["COLLECTIVE_RANDOM_MAPS"].flatMap { UInt64($0) } ?? 60))

    @Test("random hierarchies, algorithms, weights, tunables and rules map as crushtool maps them", arguments: seeds)
    func randomMap(seed: UInt64) async throws {
        let generated = RandomCrushMap(seed: seed)
        let dir = try Program.temporaryDirectory("collective-crushtool")
        defer { try? FileManager.default.removeItem(at: dir) }
        try generated.text.write(to: dir.appendingPathComponent("map.txt"), atomically: true, encoding: .utf8)
        let compile = try Crushtool.run(["-c", "map.txt", "-o", "map.bin"], in: dir)
        try #require(compile.status == 0, "crushtool refused the generated map: \(compile.stderr)\n\(generated.text)")
        let binary = try Data(contentsOf: dir.appendingPathComponent("map.bin"))
        let map = try CrushMap(binary: [UInt8](binary)).normalizedAsCephDecodes()

        var rng = SplitMix64(seed: seed &* 7919)
        var runs: [[String]] = []
        for rule in 0..<generated.ruleCount {
            var args = ["--test", "--show-mappings", "--show-bad-mappings", "--rule", "\(rule)",
                        "--num-rep", "\(rng.int(1...6))", "--min-x", "0", "--max-x", "511"]
            if rng.chance(50) {
                for _ in 0..<rng.int(1...3) {
                    let device = rng.int(0...max(generated.deviceCount - 1, 0))
                    args += ["--weight", "\(device)", rng.pick(["0", "0.5", ".1", "0.75", "1"])]
                }
            }
            if rng.chance(30) { args += ["--pool-id", "\(rng.int(0...20))"] }
            runs.append(args)
        }
        runs.append(["--test", "--show-statistics", "--show-utilization", "--min-x", "0", "--max-x", "255"])
        runs.append(["--test", "--show-choose-tries", "--min-x", "0", "--max-x", "127",
                     "--set-choose-total-tries", "\(rng.int(5...60))"])
        for args in runs {
            let expected = try Crushtool.run(["-i", "map.bin"] + args, in: dir)
            try #require(expected.status == 0, "crushtool failed: \(expected.stderr)")
            let parsed = try CrushToolArguments(parsing: args)
            let actual = (await CrushTester(map: map, options: parsed.options).output().stdout)
                + (parsed.modifiedNotice ?? "")
            // crushtool names itself by argv[0] in its notice.
            let crushtoolOutput = expected.stdout.replacingOccurrences(of: "\(Crushtool.path!) ", with: "crushtool ")
            #expect(actual == crushtoolOutput,
                    "seed \(seed), \(args.joined(separator: " ")): \(firstDifference(actual, crushtoolOutput))")
        }
    }
}
