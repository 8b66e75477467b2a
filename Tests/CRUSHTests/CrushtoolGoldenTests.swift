import CRUSH
import Foundation
import Testing

/// One crushtool `--test` run recorded in a fixture corpus's MANIFEST.tsv (columns map, args,
/// output_file, exit_code), with what crushtool printed.
struct CrushtoolRun: CustomTestStringConvertible, Sendable {
    /// Where a corpus keeps each map's compiled binary.
    enum Layout: Sendable {
        /// `expected/<map>.compiled.bin` (Ceph's crushtool suite).
        case flat
        /// `expected/<map stem>/compiled.bin` or `built.bin` (the project's mapping corpus).
        case perMap
    }

    var corpus: URL
    var layout: Layout
    var map: String
    var args: [String]
    var outputFile: String
    var testDescription: String { "\(map): \(args.joined(separator: " "))" }

    /// The `--test` rows of a corpus's MANIFEST.tsv.
    static func testRuns(in corpus: URL, manifest: String, layout: Layout) -> [CrushtoolRun] {
        guard let text = try? String(contentsOf: corpus.appendingPathComponent(manifest), encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").dropFirst().compactMap { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count >= 4, columns[3] == "0" else { return nil }
            let args = columns[1].split(separator: " ").map(String.init)
            guard args.contains("--test") else { return nil }
            return CrushtoolRun(corpus: corpus, layout: layout, map: columns[0], args: args, outputFile: columns[2])
        }
    }

    /// The map crushtool ran on: its compiled binary as Ceph decodes it, or, for a
    /// `-c MAP --test` run, the text map compiled by Collective.
    func crushMap() throws -> CrushMap {
        if args.first == "-c" {
            return try CrushMap(text: try Fixtures.text(corpus.appendingPathComponent("maps/\(map)")))
        }
        let expected = corpus.appendingPathComponent("expected")
        var candidates: [URL]
        switch layout {
        case .flat:
            candidates = [expected.appendingPathComponent("\(map).compiled.bin")]
        case .perMap:
            let stem = (map as NSString).deletingPathExtension
            candidates = ["compiled.bin", "built.bin"].map { expected.appendingPathComponent("\(stem)/\($0)") }
        }
        let bin = try #require(candidates.first { FileManager.default.fileExists(atPath: $0.path) })
        return try CrushMap(binary: try Fixtures.data(bin)).normalizedAsCephDecodes()
    }

    /// What crushtool printed on standard output and standard error.
    func expectedOutput() throws -> (stdout: String, stderr: String) {
        let out = corpus.appendingPathComponent("expected/\(outputFile)")
        let err = corpus.appendingPathComponent("expected/\(outputFile).stderr")
        let stderr = FileManager.default.fileExists(atPath: err.path) ? try Fixtures.text(err) : ""
        return (try Fixtures.text(out), stderr)
    }

    /// What `collective crush test` prints for the same map and arguments.
    func actualOutput(threads: Int = 1) async throws -> (stdout: String, stderr: String) {
        let testArgs = args.first == "-c" ? Array(args.dropFirst(2)) : args
        var parsed = try CrushToolArguments(parsing: testArgs)
        parsed.options.threads = threads
        let tester = CrushTester(map: try crushMap(), options: parsed.options)
        let (stdout, stderr) = await tester.output()
        let warnings = parsed.warnings.map { $0 + "\n" }.joined()
        // `-c MAP --test` compiles, which counts as building a map.
        let notice = args.first == "-c" ? CrushToolArguments.modifiedNoticeText : (parsed.modifiedNotice ?? "")
        return (stdout + notice, warnings + stderr)
    }
}

@Suite("crushtool golden outputs")
struct CrushtoolGoldenTests {
    static let cephSuiteRuns = CrushtoolRun.testRuns(
        in: Fixtures.crushtool, manifest: "expected/MANIFEST.tsv", layout: .flat)
    static let mappingRuns = CrushtoolRun.testRuns(
        in: Fixtures.root.appendingPathComponent("mapping"), manifest: "MANIFEST.tsv", layout: .perMap)

    @Test("Ceph's own crushtool test maps: every --test run matches crushtool 16.2.15", arguments: cephSuiteRuns)
    func cephSuite(run: CrushtoolRun) async throws {
        try await Self.check(run)
    }

    @Test("the mapping corpus (every algorithm, step, tunable, flag): every run matches crushtool 16.2.15",
          arguments: mappingRuns)
    func mappingCorpus(run: CrushtoolRun) async throws {
        try await Self.check(run)
    }

    @Test("two threads print exactly what one thread prints", arguments: mappingRuns.filter { $0.map.hasPrefix("build-512") })
    func threadsKeepOrder(run: CrushtoolRun) async throws {
        let one = try await run.actualOutput(threads: 1)
        let two = try await run.actualOutput(threads: 2)
        #expect(one.stdout == two.stdout)
        #expect(one.stderr == two.stderr)
    }

    @Test("both corpora are present")
    func corporaPresent() {
        #expect(Self.cephSuiteRuns.count > 800)
        #expect(Self.mappingRuns.count > 700)
    }

    static func check(_ run: CrushtoolRun) async throws {
        let actual = try await run.actualOutput()
        let expected = try run.expectedOutput()
        #expect(actual.stdout == expected.stdout, "\(firstDifference(actual.stdout, expected.stdout))")
        #expect(actual.stderr == expected.stderr, "\(firstDifference(actual.stderr, expected.stderr))")
    }
}
