import Benchmark
import CRUSH
import Foundation

// The mapping hot path: `CrushMapper.doRule` on crushtool-built straw2 maps (see
// ../../Fixtures/COMMANDS.txt). Each benchmark iteration maps `scalingFactor` consecutive
// inputs with one workspace, result buffer and weight vector made beforehand. Rows marked `*`
// are per mapping; `--scale` shows them per iteration (1000 mappings) instead. The malloc rows
// must read 0 in both views: the hot path allocates nothing.
//
// No OS metric (`.cpuTotal`, `.cpuUser`, ...) is collected: on Linux the harness reads
// /proc/self/stat and /proc/self/io for those after the clock stops but before it takes the
// closing malloc statistics, and those reads (16 mallocs, about 35 KB) would be counted in
// every iteration, empty or not.

/// A fixture map ready for mapping: the mapper, a workspace and buffers, made once.
final class MappingFixture: @unchecked Sendable {
    let mapper: CrushMapper
    let workspace: CrushWorkspace
    let weights: UnsafeMutableBufferPointer<UInt32>
    let result: UnsafeMutableBufferPointer<Int32>

    init(file: String, resultMax: Int) {
        let map = Self.load(file)
        mapper = CrushMapper(map)
        workspace = mapper.makeWorkspace(resultMax: resultMax)
        // crushtool --test's weight vector for a map whose devices are all in the tree.
        weights = .allocate(capacity: Int(map.maxDevices))
        weights.initialize(repeating: 0x10000)
        result = .allocate(capacity: resultMax)
        result.initialize(repeating: 0)
    }

    deinit {
        weights.deallocate()
        result.deallocate()
    }

    static func load(_ file: String) -> CrushMap {
        let directory = ProcessInfo.processInfo.environment["COLLECTIVE_BENCH_FIXTURES"]
            ?? URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures").path
        let path = directory + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            fatalError("benchmark fixture missing: \(path)")
        }
        do {
            return try CrushMap(binary: [UInt8](data)).normalizedAsCephDecodes()
        } catch {
            fatalError("benchmark fixture \(path) does not decode: \(error)")
        }
    }

    /// Maps `count` inputs starting at `firstX`; returns a checksum so nothing is optimised away.
    @inline(never)
    func map(rule: Int, firstX: Int, count: Int) -> Int32 {
        var sum: Int32 = 0
        let w = UnsafeBufferPointer(weights)
        for i in 0..<count {
            let n = mapper.doRule(
                rule, x: Int32(truncatingIfNeeded: firstX &+ i), result: result, weights: w,
                workspace: workspace)
            sum = sum &+ Int32(truncatingIfNeeded: n) &+ result[0]
        }
        return sum
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .mallocBytesCount, .memoryLeakedBytes],
        timeUnits: .nanoseconds,
        warmupIterations: 3,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000
    )

    let cases: [(name: String, file: String, rule: Int, numRep: Int)] = [
        ("doRule straw2 1000 OSDs replicated firstn 3", "straw2-1000.crush", 0, 3),
        ("doRule straw2 1000 OSDs EC indep 6", "straw2-1000.crush", 1, 6),
        ("doRule straw2 10000 OSDs replicated firstn 3", "straw2-10000.crush", 0, 3),
        ("doRule straw2 10000 OSDs EC indep 6", "straw2-10000.crush", 1, 6),
    ]
    // The harness's own cost of an iteration, for reading the malloc rows above against.
    Benchmark("Empty iteration (harness overhead)") { benchmark in
        for i in benchmark.scaledIterations { blackHole(i) }
    }

    for c in cases {
        let fixture = MappingFixture(file: c.file, resultMax: c.numRep)
        Benchmark(c.name) { benchmark in
            let scale = benchmark.scaledIterations.count
            blackHole(fixture.map(rule: c.rule, firstX: benchmark.currentIteration &* scale, count: scale))
        }
    }
}
