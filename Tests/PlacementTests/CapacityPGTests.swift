import CRUSH
import Placement
import Testing

/// PG-count statistics and advice: osdmaptool's expected stddev (golden output below), the
/// pgcalc rule, and the 16.2.15 autoscaler (src/pybind/mgr/pg_autoscaler/module.py).
@Suite("capacity: PG counts")
struct CapacityPGTests {
    typealias F = CapacityFixtures

    /// Made with osdmaptool 16.2.15 (Debian 16.2.15+ds-0+deb12u2):
    ///   osdmaptool --createsimple 10 om10 --with-default-pool
    ///   osdmaptool om10 --mark-up-in --test-map-pgs --pool 1
    /// (the simple map has no hosts, so each PG maps to one OSD: 640 placements).
    static let tenOSDs = (
        counts: [71, 68, 59, 69, 54, 57, 74, 57, 71, 60],
        line: " avg 64 stddev 6.91375 (0.108027x) (expected 7.58947 0.118585x))"
    )
    /// osdmaptool om10 --mark-up-in --mark-out 3 --test-map-pgs --pool 1 --pg_num 64
    /// (osd.3 out is not counted: 9 OSDs).
    static let nineOSDs = (
        counts: [13, 7, 2, 6, 12, 8, 7, 7, 2],
        line: " avg 7 stddev 3.54338 (0.506197x) (expected 2.51416 0.359165x))"
    )

    /// avg = 640 / 10 = 64; Σ(64 − c)² = 49+16+25+25+100+49+100+49+49+16 = 478;
    /// stddev = sqrt(47.8) = 6.91375; expected = sqrt(64 × (1 − 1/10)) = sqrt(57.6) = 7.58947.
    /// Nine OSDs: avg = 64 / 9 = 7 (integer); expected = sqrt(64/9 × 8/9) = 2.51416.
    @Test("osdmaptool --test-map-pgs statistics line")
    func osdmaptoolLine() {
        let ten = PGCountStatistics(counts: Self.tenOSDs.counts)
        #expect(ten.average == 64)
        #expect(ten.standardDeviation == Double(47.8).squareRoot())
        #expect(ten.expectedStandardDeviation == (64.0 * 0.9).squareRoot())
        #expect(ten.osdmaptoolLine == Self.tenOSDs.line)
        #expect(PGCountStatistics(counts: Self.nineOSDs.counts).osdmaptoolLine == Self.nineOSDs.line)
    }

    /// osdmaptool om10 --test-map-pgs --pool 1 (no OSD up or in): " in 0" then this line.
    @Test("osdmaptool with no OSD in prints -nan")
    func noOSDIn() {
        #expect(PGCountStatistics(counts: []).osdmaptoolLine == " avg 0 stddev -nan (-nanx) (expected -nan -nanx))")
    }

    /// The balancer's "expected baseline": sqrt(avg × (1 − 1/n)) with avg = 640/10 as float.
    @Test("summarize_mapping_stats expected baseline")
    func baseline() {
        #expect(PGCountStatistics.expectedBaseline(totalReplicas: 640, upInOSDs: 10) == Float(Double(57.6).squareRoot()))
    }

    /// Weighted binomial: rule 0 of the three-host map gives shares 0.25, 0.25, 0.5; 256 PGs of
    /// size 1: expected 64, 64, 128, sd sqrt(256·0.25·0.75) = sqrt(48), sqrt(256·0.5·0.5) = 8;
    /// RMS = sqrt((48 + 48 + 64) / 3). With ten equal OSDs and 640 placements it is osdmaptool's
    /// sqrt(57.6).
    @Test("weighted binomial expectation of PG counts")
    func weightedExpectation() throws {
        let crush = try F.map(F.threeHosts)
        let e = try PGCountExpectation(pgs: 256, size: 1, rule: 0, crush: crush)
        #expect(e.entries.map(\.expectedCount) == [64, 64, 128])
        #expect(e.entries.map(\.standardDeviation) == [Double(48).squareRoot(), Double(48).squareRoot(), 8])
        #expect(e.rootMeanSquareDeviation == (160.0 / 3).squareRoot())
        let equal = PGCountExpectation(pgs: 640, size: 1, shares: (0..<10).map { (Int32($0), 1.0) })
        #expect(abs(equal.rootMeanSquareDeviation - PGCountStatistics(counts: Self.tenOSDs.counts).expectedStandardDeviation) < 1e-12)
        // An out OSD is left out of the shares.
        var osds = F.threeHostOSDs(used: [0, 0, 0])
        osds[2].reweight = 0
        let withOut = try PGCountExpectation(pgs: 256, size: 1, rule: 0, crush: crush, osds: osds)
        #expect(withOut.entries.map(\.osd) == [0, 1])
        #expect(withOut.entries.map(\.expectedCount) == [128, 128])
    }

    // MARK: - pgcalc

    /// 100 × 100 × 1.0 / 3 = 3333.3; 2048 < 0.75 × 3333.3 = 2500 → 4096.
    /// 100 × 10 × 0.5 / 3 = 166.7; 128 ≥ 125 → 128.
    /// 100 × 40 × 0.005 / 3 = 6.67 < 40 / 3 = 13.33 → 13.33; 8 < 10 → 16.
    /// 200 × 60 × 0.25 / 6 (EC 4+2) = 500; 256 < 375 → 512.
    @Test("pgcalc: nearest power of two, up when the lower one is more than 25% below")
    func pgcalc() {
        #expect(PGCalcAdvice(osds: 100, size: 3, dataPercent: 100).pgNum == 4096)
        #expect(PGCalcAdvice(osds: 10, size: 3, dataPercent: 50).pgNum == 128)
        let small = PGCalcAdvice(osds: 40, size: 3, dataPercent: 0.5)
        #expect(small.flooredValue == 40.0 / 3)
        #expect(small.pgNum == 16)
        #expect(small.reason.contains("raised to OSDs / size"))
        #expect(PGCalcAdvice(osds: 60, size: 6, dataPercent: 25, targetPGsPerOSD: 200).pgNum == 512)
    }

    // MARK: - autoscaler

    @Test("nearest_power_of_two: ties go up, fractions below 1 give 0")
    func nearestPowerOfTwo() {
        #expect(PGAutoscaler.nearestPowerOfTwo(99.333) == 128)  // 128−99.3 = 28.7 ≤ 99.3−64 = 35.3
        #expect(PGAutoscaler.nearestPowerOfTwo(47.9) == 32)  // int 47 → 64/32; 16.1 > 15.9
        #expect(PGAutoscaler.nearestPowerOfTwo(48) == 64)  // tie
        #expect(PGAutoscaler.nearestPowerOfTwo(0.73) == 0)
        #expect(PGAutoscaler.nearestPowerOfTwo(1) == 1)
        #expect(PGAutoscaler.nearestPowerOfTwo(150) == 128)
    }

    /// Three-host map, capacity 1 + 1 + 2 TiB = 4398046511104, 3 OSDs → 300 PG replicas.
    /// meta (size 3, 10 GiB stored): ratio 32212254720 / 4398046511104 = 0.00732421875;
    ///   2.197265625 PGs, budget left 300 − 2 = 298; 2.197/3 = 0.73 → 0 → pg_num_min 32.
    /// rbd (target_size_ratio 0.8, the only ratio → effective 1.0): 298 PGs, 298/3 = 99.3 → 128;
    ///   128 > 3 × 32: would adjust.
    /// ec (EC 2+1, bulk, warn): pass 2: even share 1/(3−2) = 1 > its ratio 0 → pass 3:
    ///   1 × 0 PGs left / 3 = 0 → 32; warn mode: "too many" (16.2.15 warns for every warn pool).
    @Test("autoscaler: three passes, target ratio, bulk, pg_num_min, the 3x threshold")
    func autoscaler() throws {
        let crush = try F.map(F.threeHosts)
        let pools = [
            CapacityPool(id: 1, name: "meta", redundancy: .replicated(size: 3), crushRule: 0),
            CapacityPool(id: 2, name: "rbd", redundancy: .replicated(size: 3), crushRule: 0, targetSizeRatio: 0.8),
            CapacityPool(
                id: 3, name: "ec", redundancy: .erasure(k: 2, m: 1), crushRule: 1, bulk: true, autoscaleMode: .warn),
        ]
        let input = CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]), pools: pools)
        let scaler = try PGAutoscaler(input: input, stored: [1: 10 * F.GiB, 2: 0, 3: 0])
        #expect(scaler.targets.map(\.poolName) == ["meta", "rbd", "ec"])
        let meta = try #require(scaler.target(pool: 1))
        #expect(meta.subtreeCapacity == 4 * F.TiB)
        #expect(meta.capacityRatio == 0.00732421875)
        #expect(meta.pgNumIdeal == 0)
        #expect(meta.pgNumFinal == 32)
        #expect(!meta.wouldAdjust)
        let rbd = try #require(scaler.target(pool: 2))
        #expect(rbd.effectiveTargetRatio == 1.0)
        #expect(rbd.pgNumIdeal == 99)
        #expect(rbd.pgNumFinal == 128)
        #expect(rbd.wouldAdjust)
        let ec = try #require(scaler.target(pool: 3))
        #expect(ec.pass == 3)
        #expect(ec.rawUsedRate == 1.5)
        #expect(ec.pgNumFinal == 32)
        #expect(!ec.wouldAdjust)
        #expect(scaler.warnings == [.tooManyPGs(pool: "ec", current: 32, target: 32)])
    }

    /// target_size_bytes 2 TiB at size 3 = 6 TiB raw in 4 TiB: ratio 1.5, 450 PGs, 450/3 = 150
    /// → 128; ratio above 1 so no adjustment; the subtree is overcommitted 1.5×.
    /// A pool_num_max of 64 caps the target; bias 4 multiplies it.
    @Test("autoscaler: target_size_bytes overcommit, pg_num_max, bias")
    func autoscalerTargetBytes() throws {
        let crush = try F.map(F.threeHosts)
        let big = CapacityPool(
            id: 1, name: "big", redundancy: .replicated(size: 3), crushRule: 0, targetSizeBytes: 2 * F.TiB)
        let input = CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]), pools: [big])
        let scaler = try PGAutoscaler(input: input, stored: [1: 0])
        let t = try #require(scaler.target(pool: 1))
        #expect(t.capacityRatio == 1.5)
        #expect(t.pgNumFinal == 128)
        #expect(!t.wouldAdjust)
        #expect(scaler.warnings == [.targetBytesOvercommitted(pools: ["big"], ratio: 1.5)])

        // 1 TiB stored at size 3 → ratio 0.75, 225 PGs, 75 → 64; bias 4 → 300 → 256; max 64.
        var capped = CapacityPool(id: 1, name: "capped", redundancy: .replicated(size: 3), crushRule: 0, autoscaleBias: 4)
        let biased = try PGAutoscaler(
            input: CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]), pools: [capped]),
            stored: [1: F.TiB])
        #expect(biased.targets[0].pgNumFinal == 256)
        capped.pgNumMax = 64
        let limited = try PGAutoscaler(
            input: CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]), pools: [capped]),
            stored: [1: F.TiB])
        #expect(limited.targets[0].pgNumFinal == 64)
    }

    /// Rule 0 of the class map takes default~ssd (osd.1, 3, 5), rule 1 takes h1 (osd.0, 1):
    /// they share osd.1, so both roots overlap and the autoscaler scales neither pool.
    @Test("autoscaler: overlapping roots are left alone")
    func overlappingRoots() throws {
        let crush = try F.map(F.classes)
        var osds: [CapacityOSD] = []
        for id: Int32 in 0...5 { osds.append(CapacityOSD(id: id, totalBytes: F.TiB, usedBytes: 0)) }
        let pools = [
            CapacityPool(id: 1, name: "fast", redundancy: .replicated(size: 3), crushRule: 0),
            CapacityPool(id: 2, name: "odd", redundancy: .replicated(size: 2), crushRule: 1),
        ]
        let scaler = try PGAutoscaler(input: CapacityInput(crush: crush, osds: osds, pools: pools), stored: [1: 0, 2: 0])
        #expect(scaler.targets.isEmpty)
        #expect(scaler.overlappingPools == ["fast", "odd"])
    }
}
