import Benchmark
import Foundation
import Placement
import Simulation

// The simulator at scale: scenarios/large.yaml (10000 OSDs, 2^20 PGs, 10 timeline events).
//
// - "Full mapping pass": every PG of the scenario's initial OSD map through Placement's
//   mapper once: the unit the simulator's per-event cost is compared with.
// - "Large scenario": the whole run, all 10 events and the recovery they cause. Each event
//   publishes one to three maps (down, out, up/in); Placement's incremental remapper remaps
//   only the PGs each change reaches (a CRUSH weight change or a new host remaps the pools
//   whose rule reaches it, whole), and a recovery step visits only the PGs whose
//   reservations could change.
//
// Memory beyond the OSD map, per PG, by layout (size-3 pools): holders 3×4 B, state and
// recovery flags 2×4 B, missing/misplaced copies and lost 3×1 B (PoolPGs): 23 B; missed bytes
// only for the holders that miss writes; the incremental remapper's raw sets and per-OSD
// indexes (`IncrementalPlacement.storageBytes`). `.peakMemoryResident` shows the whole process
// (map, CRUSH tables and mapper included).

func loadLarge() -> Scenario {
    let root = ProcessInfo.processInfo.environment["COLLECTIVE_ROOT"]
        ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    let path = root + "/scenarios/large.yaml"
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        fatalError("cannot read \(path); run from Benchmarks/ or set COLLECTIVE_ROOT")
    }
    do {
        return try Scenario(yaml: text, file: path) { _ in nil }
    } catch {
        fatalError("\(error)")
    }
}

let benchmarks: @Sendable () -> Void = {
    let scenario = loadLarge()
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident], timeUnits: .milliseconds, warmupIterations: 0,
        scalingFactor: .one, maxDuration: .seconds(3600), maxIterations: 1)

    Benchmark("Full mapping pass, 2^20 PGs, 10000 OSDs", configuration: configuration) { benchmark in
        let map = scenario.initialOSDMap()
        benchmark.startMeasurement()
        let mapper = PlacementMapper(map)
        var mapping = PGMapping()
        var sink: Int32 = 0
        for pool in map.sortedPools {
            for seed in 0..<pool.pgNum {
                mapper.map(PGID(pool: pool.id, seed: seed), into: &mapping)
                sink &+= mapping.upPrimary
            }
        }
        benchmark.stopMeasurement()
        blackHole(sink)
    }

    Benchmark("Large scenario, 10 events", configuration: configuration) { benchmark in
        var eventTimes: [Duration] = []
        var last = ContinuousClock.now
        let result = Simulator(scenario: scenario).run { step in
            let now = ContinuousClock.now
            if step.events.contains(where: { if case .timeline = $0 { true } else { false } }) {
                eventTimes.append(now - last)
            }
            last = now
        }
        blackHole(result.final.epoch)
        // Each timeline moment's own cost (the later down/out/recovery moments are not in it).
        let line = eventTimes.map { "\($0.components.seconds).\(String(format: "%03d", Int($0.components.attoseconds / 1_000_000_000_000_000)))s" }
        FileHandle.standardError.write(Data("timeline moments: \(line.joined(separator: " "))\n".utf8))
    }
}
