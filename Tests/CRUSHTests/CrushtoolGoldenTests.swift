import CRUSH
import Foundation
import Testing

/// One `crushtool -i BIN ARGS` run recorded in a fixture MANIFEST.tsv.
struct CrushtoolRun: CustomTestStringConvertible, Sendable {
    var corpus: URL
    var map: String
    var args: [String]
    var outputFile: String
    var testDescription: String { "\(map): \(args.joined(separator: " "))" }

    /// The `--test` rows of a corpus's MANIFEST.tsv (columns map, args, output_file, exit_code).
    static func testRuns(in corpus: URL) -> [CrushtoolRun] {
        guard let manifest = try? String(contentsOf: corpus.appendingPathComponent("expected/MANIFEST.tsv"), encoding: .utf8)
        else { return [] }
        return manifest.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, columns[3] == "0" else { return nil }
            let args = columns[1].split(separator: " ").map(String.init)
            guard args.contains("--test") else { return nil }
            return CrushtoolRun(corpus: corpus, map: columns[0], args: args, outputFile: columns[2])
        }
    }

    /// The compiled map crushtool ran on.
    func compiledMap() throws -> CrushMap {
        let bin = corpus.appendingPathComponent("expected/\(map).compiled.bin")
        return try CrushMap(binary: try Fixtures.data(bin)).normalizedAsCephDecodes()
    }

    func expectedOutput() throws -> String {
        try Fixtures.text(corpus.appendingPathComponent("expected/\(outputFile)"))
    }

    /// What `collective crush test` prints for the same map and arguments.
    func actualOutput(threads: Int = 1) async throws -> String {
        var parsed = try CrushToolArguments(parsing: args)
        parsed.options.threads = threads
        let tester = CrushTester(map: try compiledMap(), options: parsed.options)
        return (await tester.output()) + (parsed.modifiedNotice ?? "")
    }
}

@Suite("crushtool golden outputs")
struct CrushtoolGoldenTests {
    static let cephSuiteRuns = CrushtoolRun.testRuns(in: Fixtures.crushtool)

    @Test("Ceph's own crushtool test maps: every --test run matches crushtool 16.2.15", arguments: cephSuiteRuns)
    func cephSuite(run: CrushtoolRun) async throws {
        let actual = try await run.actualOutput()
        let expected = try run.expectedOutput()
        #expect(actual == expected, "\(firstDifference(actual, expected))")
    }

    @Test("the Ceph suite's run list is not empty")
    func corpusPresent() {
        #expect(Self.cephSuiteRuns.count > 800)
    }
}
