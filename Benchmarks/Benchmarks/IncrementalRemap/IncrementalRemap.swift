import Benchmark
import CRUSH
import Foundation
import Placement

// Incremental remapping against a full mapping pass, on the map scripts/bench-osdmap times
// osdmaptool with: `crushtool --build --num_osds 10000 host straw2 20 rack straw2 20 root
// straw2 0` (../../Fixtures/straw2-10000-20x20.crush), every OSD up and in, osdmaptool's
// `--createsimple` pool (1 'rbd', replicated size 3, rule 0, hashpspool, pgp_num 10000) with
// `--pg_num 65536`. One iteration is one full pass, or one change applied to an
// `IncrementalPlacement` made beforehand (the change is undone outside the measurement).

/// The map and an incremental placement of it, made once.
final class RemapFixture: @unchecked Sendable {
    static let shared = RemapFixture()

    let map: OSDMap
    let placement: IncrementalPlacement
    let mapper: PlacementMapper
    var mapping = PGMapping()
    var next: Int32 = 0

    init() {
        let file = ProcessInfo.processInfo.environment["COLLECTIVE_BENCH_FIXTURES"].map { $0 + "/straw2-10000-20x20.crush" }
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Fixtures/straw2-10000-20x20.crush").path
        guard let data = FileManager.default.contents(atPath: file),
            let crush = try? CrushMap(decoding: [UInt8](data))
        else { fatalError("benchmark fixture missing or unreadable: \(file)") }
        let osds = Array(repeating: OSD(state: [.exists, .up], weight: OSD.weightIn), count: 10_000)
        let pool = Pool(
            id: 1, name: "rbd", kind: .replicated, size: 3, minSize: 2, crushRule: 0, pgNum: 65_536, pgpNum: 10_000)
        map = OSDMap(poolMax: 1, pools: [1: pool], osds: osds, crush: crush)
        mapper = PlacementMapper(map)
        do {
            placement = try IncrementalPlacement(map)
        } catch {
            fatalError("\(error)")
        }
    }

    /// Maps every PG from scratch; returns a checksum so nothing is optimised away.
    @inline(never)
    func fullPass() -> Int32 {
        var sum: Int32 = 0
        for seed in UInt32(0)..<65_536 {
            mapper.map(PGID(pool: 1, seed: seed), into: &mapping)
            sum = sum &+ mapping.upPrimary
        }
        return sum
    }

    /// Applies `change` inside the measurement, then `undo` outside it.
    func measure(_ benchmark: Benchmark, _ change: OSDMapChange, then undo: OSDMapChange?) throws {
        benchmark.startMeasurement()
        let changed = try placement.apply(change).count
        benchmark.stopMeasurement()
        blackHole(changed)
        if let undo { try placement.apply(undo) }
    }

    /// The next OSD to change (a different one each iteration).
    func nextOSD() -> Int32 {
        next = (next &+ 7919) % 10_000
        return next
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .seconds(10),
        maxIterations: 200
    )

    Benchmark("Full mapping pass, 10000 OSDs, 65536 PGs", configuration: .init(maxIterations: 10)) { benchmark in
        blackHole(RemapFixture.shared.fullPass())
    }

    Benchmark("Incremental remap, one OSD out") { benchmark in
        let osd = RemapFixture.shared.nextOSD()
        try RemapFixture.shared.measure(benchmark, .markOut(osd), then: .markIn(osd))
    }

    Benchmark("Incremental remap, one OSD back in") { benchmark in
        let osd = RemapFixture.shared.nextOSD()
        try RemapFixture.shared.placement.apply(.markOut(osd))
        try RemapFixture.shared.measure(benchmark, .markIn(osd), then: nil)
    }

    Benchmark("Incremental remap, one OSD down") { benchmark in
        let osd = RemapFixture.shared.nextOSD()
        try RemapFixture.shared.measure(benchmark, .markDown(osd), then: .markUp(osd))
    }
}
