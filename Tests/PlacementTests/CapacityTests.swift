import CRUSH
import Placement
import Testing

/// Capacity figures against hand-worked cases of Ceph 16.2.15's formulas (PGMap.cc
/// `get_rule_avail`, `dump_object_stat_sum`; OSDMap.cc `OSDUtilizationDumper`; CrushWrapper.cc
/// `get_rule_weight_osd_map`). Notation: kb = total >> 10, kb_avail = available >> 10; the full
/// ratio is the float 0.95f = 0.949999988079071044921875, so 1 − fr = 0.050000011920928955
/// and kb(1 TiB) × (1 − fr) = 2^30 × 838861 / 2^24 = 53687104 exactly.
@Suite("capacity")
struct CapacityTests {
    typealias F = CapacityFixtures

    // MARK: - rule weight maps

    @Test("weight map of a host rule: crush weights over their sum")
    func ruleWeights() throws {
        let crush = try F.map(F.threeHosts)
        let weights = try RuleOSDWeights(rule: 0, in: crush)
        // BFS from default: hosts a, b, c, then osd.0 (0x10000), osd.1 (0x10000), osd.2 (0x20000);
        // sum 262144 (as float); 65536/262144 = 0.25, 131072/262144 = 0.5.
        #expect(weights.entries.map(\.osd) == [0, 1, 2])
        #expect(weights.entries.map(\.fraction) == [0.25, 0.25, 0.5])
    }

    @Test("a class take walks the shadow tree only; two takes add up")
    func classAndMultipleTakes() throws {
        let crush = try F.map(F.classes)
        let ssd = try RuleOSDWeights(rule: 0, in: crush)
        // default~ssd holds osd.1 (0x8000), osd.3 (0x8000), osd.5 (0x4000): sum 81920;
        // 32768/81920 = 0.4 → float 0.4000000059604645, 16384/81920 = 0.2 → 0.20000000298023224.
        #expect(ssd.entries.map(\.osd) == [1, 3, 5])
        #expect(ssd.entries.map(\.fraction) == [Float(0.4), Float(0.4), Float(0.2)])
        let two = try RuleOSDWeights(rule: 1, in: crush)
        // take h1: osd.0 65536 and osd.1 32768 over 98304 → 2/3 and 1/3 in float;
        // take osd.4: a device taken directly counts 1.0.
        #expect(two.entries.map(\.osd) == [0, 1, 4])
        #expect(two.entries.map(\.fraction) == [Float(65536) / 98304, Float(32768) / 98304, 1.0])
    }

    @Test("a missing rule is an error for the weight map and 0 for MAX AVAIL")
    func missingRule() throws {
        let crush = try F.map(F.threeHosts)
        #expect(throws: CapacityError.noSuchRule(7)) { try RuleOSDWeights(rule: 7, in: crush) }
        let input = CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]))
        let avail = RuleAvailability(rule: 7, input: input)
        #expect(avail.rawAvailableBytes == 0)
        #expect(avail.limitingOSD == nil)
    }

    // MARK: - MAX AVAIL

    /// Three hosts of 1, 1 and 2 TiB, 100 GiB used on each OSD, replicated size 3.
    /// osd.0: kb_avail = 2^30 − 100·2^20 = 968884224; avail = (968884224 − 53687104) × 1024
    ///        = 937161850880; proj = avail / 0.25 = 3748647403520. osd.1: the same.
    /// osd.2: kb = 2^31, unusable 107374208, kb_avail 2044723200 → avail 1981697884160;
    ///        proj = / 0.5 = 3963395768320.
    /// Minimum: osd.0 (first of the tie with osd.1): raw avail 3748647403520.
    /// MAX AVAIL = (float)3748647403520 / 3.0f = 1249549134506.67 → float 1249549090816.
    /// (Physically only ~0.95 TiB fits: each PG needs a copy on both 1 TiB hosts; Ceph's
    /// formula does not see that.)
    @Test("3 hosts 1/1/2 TiB, size 3: limited by a small OSD")
    func replicatedThreeHosts() throws {
        let crush = try F.map(F.threeHosts)
        let osds = F.threeHostOSDs(used: [100 * F.GiB, 100 * F.GiB, 100 * F.GiB])
        let pool = CapacityPool(id: 1, name: "rbd", redundancy: .replicated(size: 3), crushRule: 0)
        let input = CapacityInput(crush: crush, osds: osds, pools: [pool])
        let row = PoolCapacity(pool: pool, input: input)
        #expect(row.availability.projections.map(\.projectedRawBytes) == [3_748_647_403_520, 3_748_647_403_520, 3_963_395_768_320])
        #expect(row.availability.projections.map(\.availableBytes) == [937_161_850_880, 937_161_850_880, 1_981_697_884_160])
        #expect(row.rawAvailable == 3_748_647_403_520)
        #expect(row.limitingOSD == 0)
        #expect(row.maxAvail == 1_249_549_090_816)
        #expect(row.rawUsedRate == 3)
        #expect(row.percentUsed == 0)
        #expect(row.percentUsedText == "0")
        #expect(CapacityFormat.bytes(row.maxAvail) == "1.1 TiB")
        // get_pool_free_space (statfs on the pool): the same division, as int64.
        #expect(PoolCapacity.freeSpace(pool: pool, input: input) == 1_249_549_090_816)
    }

    /// The same OSDs through the erasure rule with k=2, m=1: raw used rate (2+1)/2 = 1.5f;
    /// MAX AVAIL = (float)3748647403520 / 1.5f = 2499098269013.33 → float 2499098181632.
    @Test("EC 2+1 divides the raw availability by (k+m)/k")
    func erasure() throws {
        let crush = try F.map(F.threeHosts)
        let osds = F.threeHostOSDs(used: [100 * F.GiB, 100 * F.GiB, 100 * F.GiB])
        let pool = CapacityPool(id: 2, name: "ec", redundancy: .erasure(k: 2, m: 1), crushRule: 1)
        let row = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(row.availability.rule == 1)
        #expect(row.rawUsedRate == 1.5)
        #expect(row.rawAvailable == 3_748_647_403_520)
        #expect(row.maxAvail == 2_499_098_181_632)
        // EC 4+2 and 3+2: (float)6/4 = 1.5, (float)5/3 = 1.66666662693023681640625.
        #expect(CapacityRedundancy.erasure(k: 4, m: 2).rawUsedRate == 1.5)
        #expect(Double(CapacityRedundancy.erasure(k: 3, m: 2).rawUsedRate) == 1.66666662693023681640625)
    }

    /// find_rule(ruleset 1, erasure, size 4): rule 1's mask says min_size 3, max_size 3, so no
    /// rule matches and Ceph 16.2.15 shows MAX AVAIL 0 for an EC 3+1 pool on it.
    @Test("a pool whose size is outside its rule's min/max size gets no MAX AVAIL")
    func findRuleMask() throws {
        let crush = try F.map(F.threeHosts)
        #expect(crush.findRule(ruleset: 1, poolType: 3, size: 3) == 1)
        #expect(crush.findRule(ruleset: 1, poolType: 3, size: 4) == nil)
        #expect(crush.findRule(ruleset: 0, poolType: 3, size: 3) == nil)
        let pool = CapacityPool(id: 3, name: "ec31", redundancy: .erasure(k: 3, m: 1), crushRule: 1)
        let row = PoolCapacity(
            pool: pool, input: CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [0, 0, 0]), pools: [pool]))
        #expect(row.availability.rule == nil)
        #expect(row.maxAvail == 0)
    }

    /// osd.0 has 800 GiB used: kb_avail = 2^30 − 800·2^20 = 234881024; avail =
    /// (234881024 − 53687104) × 1024 = 185542574080; proj = / 0.25 = 742170296320, the minimum.
    /// Marked out (reweight 0), its stats are zeroed and it is skipped; its weight fraction
    /// stays 0.25 (crush weights do not change), so the limit is osd.1's 3748647403520.
    @Test("an out OSD drops out of MAX AVAIL without renormalising the weights")
    func outOSD() throws {
        let crush = try F.map(F.threeHosts)
        var osds = F.threeHostOSDs(used: [800 * F.GiB, 100 * F.GiB, 100 * F.GiB])
        let pool = CapacityPool(id: 1, name: "rbd", redundancy: .replicated(size: 3), crushRule: 0)
        let inRow = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(inRow.rawAvailable == 742_170_296_320)
        #expect(inRow.limitingOSD == 0)
        osds[0].reweight = 0
        let outRow = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(outRow.availability.projections[0].skipped == .zeroSize)
        #expect(outRow.rawAvailable == 3_748_647_403_520)
        #expect(outRow.limitingOSD == 1)
        // A down OSD that is still in keeps its last stats and still counts.
        osds[0].reweight = 0x10000
        osds[0].isUp = false
        let downRow = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(downRow.limitingOSD == 0)
        // An OSD that does not exist has no stats at all.
        osds[0].exists = false
        let goneRow = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(goneRow.availability.projections[0].skipped == .noStats)
        #expect(goneRow.limitingOSD == 1)
    }

    /// osd.1 is 96% full: kb_avail = (2^40 − 1055531162664) >> 10 = 42949672 (rounded down),
    /// below the unusable 53687104, so avail = max(0, …) = 0, proj = 0 and MAX AVAIL is 0 for
    /// every pool on the rule; a pool with bytes used then shows %USED 100.
    /// At 93% (above nearfull, below full) the OSD still limits: kb_avail = 75161927,
    /// avail = (75161927 − 53687104) × 1024 = 21990218752, proj = ×4 = 87960875008,
    /// MAX AVAIL: (float)87960875008 = 87960879104 (21474823 needs 25 bits), / 3.0f =
    /// 29320293034.67 → float 29320292352.
    @Test("a nearly full OSD brings MAX AVAIL to 0")
    func nearlyFull() throws {
        let crush = try F.map(F.threeHosts)
        let full = UInt64(0.96 * Double(F.TiB))
        let usage = CapacityPoolUsage(dataStoredRaw: 3 * F.GiB, dataAllocatedRaw: 3 * F.GiB, objects: 10)
        let pool = CapacityPool(id: 1, name: "rbd", redundancy: .replicated(size: 3), crushRule: 0, usage: usage)
        let osds = F.threeHostOSDs(used: [100 * F.GiB, full, 100 * F.GiB])
        let row = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(row.availability.projections[1].projectedRawBytes == 0)
        #expect(row.limitingOSD == 1)
        #expect(row.maxAvail == 0)
        #expect(row.percentUsed == 1.0)
        #expect(row.percentUsedText == "100.00")
        #expect(OSDFullness(osd: osds[1], ratios: FullRatios()) == .full)

        let nearly = UInt64(0.93 * Double(F.TiB))
        let osds2 = F.threeHostOSDs(used: [100 * F.GiB, nearly, 100 * F.GiB])
        let row2 = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds2, pools: [pool]))
        #expect(row2.availability.projections[1].projectedRawBytes == 87_960_875_008)
        #expect(row2.limitingOSD == 1)
        #expect(row2.maxAvail == 29_320_292_352)
        #expect(OSDFullness(osd: osds2[1], ratios: FullRatios()) == .backfillFull)
    }

    /// The ssd rule over 500, 500 and 250 GiB OSDs with 50 GiB used each, fractions 0.4, 0.4, 0.2:
    /// osd.1/3: kb = 524288000, unusable = 26214406.25, kb_avail 471859200 → avail
    /// 456340268800 → proj = / 0.4000000059604645 = 1140850655000 (truncated).
    /// osd.5: kb 262144000, unusable 13107203.125, kb_avail 209715200 → avail 201326588800 →
    /// proj = / 0.20000000298023224 = 1006632929000: the minimum, osd.5.
    /// MAX AVAIL for size 3 = (float)1006632929000 / 3 → float 335544320000.
    @Test("a class rule counts only that class")
    func classRule() throws {
        let crush = try F.map(F.classes)
        var osds: [CapacityOSD] = []
        for id: Int32 in 0...5 {
            let size: UInt64 = id % 2 == 0 ? 4 * F.TiB : (id == 5 ? 250 * F.GiB : 500 * F.GiB)
            osds.append(CapacityOSD(id: id, totalBytes: size, usedBytes: id % 2 == 0 ? 3 * F.TiB : 50 * F.GiB))
        }
        let pool = CapacityPool(id: 1, name: "fast", redundancy: .replicated(size: 3), crushRule: 0)
        let row = PoolCapacity(pool: pool, input: CapacityInput(crush: crush, osds: osds, pools: [pool]))
        #expect(row.availability.projections.map(\.osd) == [1, 3, 5])
        #expect(row.availability.projections.map(\.projectedRawBytes) == [1_140_850_655_000, 1_140_850_655_000, 1_006_632_929_000])
        #expect(row.limitingOSD == 5)
        #expect(row.maxAvail == 335_544_320_000)
    }

    // MARK: - pool usage (Ceph's own test: src/test/mon/PGMap.cc, dump_object_stat_sum_0…2)

    /// TEST(pgmap, dump_object_stat_sum_0) of Pacific: data_stored 40 MiB, allocated 82 MiB,
    /// 42 objects with 3 copies (126) of which 13 degraded, size 2, avail 2016 MiB.
    /// copies_rate = 113/126 × 2 = 1.79365074634552f; STORED = 41943040 / 1.7936507f → 23384174;
    /// %USED = 85983232 / (85983232 + 2113929216) = 0.039084844f → "3.91";
    /// MAX AVAIL = 2113929216 / 1.7936507f → 1178562304. USED = allocated.
    @Test("Ceph's dump_object_stat_sum_0: degraded objects scale the raw used rate")
    func cephDumpObjectStatSum0() {
        let usage = CapacityPoolUsage(
            dataStoredRaw: 40 * F.MiB, dataAllocatedRaw: 41 * F.MiB * 2, objects: 42, objectCopies: 42 * 3,
            objectsDegraded: 13)
        let pool = CapacityPool(
            id: 1, name: "p", redundancy: .replicated(size: 2), crushRule: 0, usage: usage,
            quotaMaxBytes: 2000 * F.MiB, quotaMaxObjects: 2000)
        let row = PoolCapacity(pool: pool, availability: RuleAvailabilityStub.avail(2016 * F.MiB))
        let copiesRate = Float(126 - 13) / Float(126) * Float(2)
        #expect(row.effectiveRawUsedRate == copiesRate)
        #expect(row.stored == 23_384_174)
        #expect(row.stored == UInt64(Float(40 * F.MiB) / copiesRate))
        #expect(row.used == 85_983_232)
        #expect(row.percentUsed == Float(85_983_232) / (Float(85_983_232) + Float(2016 * F.MiB)))
        #expect(row.percentUsedText == "3.91")
        #expect(row.maxAvail == 1_178_562_304)
        #expect(row.objects == 42)
        #expect(CapacityFormat.bytes(row.stored) == "22 MiB")
        #expect(CapacityFormat.bytes(row.used) == "82 MiB")
        #expect(CapacityFormat.bytes(row.maxAvail) == "1.1 GiB")
    }

    /// dump_object_stat_sum_1 (empty pool, avail 2016 MiB): zeros, MAX AVAIL = avail / 2;
    /// dump_object_stat_sum_2 (empty, avail 0): MAX AVAIL 0, %USED 0.
    @Test("Ceph's dump_object_stat_sum_1 and _2: empty pools")
    func cephDumpObjectStatSumEmpty() {
        let pool = CapacityPool(id: 1, name: "p", redundancy: .replicated(size: 2), crushRule: 0)
        let row = PoolCapacity(pool: pool, availability: RuleAvailabilityStub.avail(2016 * F.MiB))
        #expect(row.stored == 0 && row.used == 0 && row.objects == 0)
        #expect(row.percentUsedText == "0")
        #expect(row.maxAvail == 2016 * F.MiB / 2)
        let none = PoolCapacity(pool: pool, availability: RuleAvailabilityStub.avail(0))
        #expect(none.maxAvail == 0)
        #expect(none.percentUsed == 0)
    }

    @Test("ceph df: availability computed once per rule, pools in id order")
    func allPools() throws {
        let crush = try F.map(F.threeHosts)
        let osds = F.threeHostOSDs(used: [100 * F.GiB, 100 * F.GiB, 100 * F.GiB])
        let pools = [
            CapacityPool(id: 5, name: "ec", redundancy: .erasure(k: 2, m: 1), crushRule: 1),
            CapacityPool(
                id: 2, name: "rbd", redundancy: .replicated(size: 3), crushRule: 0,
                usage: .logical(bytes: 10 * F.GiB, objects: 2560, redundancy: .replicated(size: 3))),
        ]
        let rows = PoolCapacity.all(CapacityInput(crush: crush, osds: osds, pools: pools))
        #expect(rows.map(\.name) == ["rbd", "ec"])
        // rbd: USED = 30 GiB raw; STORED = 32212254720 / 3.0f = 10 GiB exactly;
        // %USED = 32212254720 / (32212254720 + 3748647403520) = 0.0085190…f → "0.85".
        #expect(rows[0].used == 30 * F.GiB)
        #expect(rows[0].stored == 10 * F.GiB)
        #expect(rows[0].storedRaw == 30 * F.GiB)
        #expect(rows[0].percentUsedText == "0.85")
        #expect(rows[1].maxAvail == 2_499_098_181_632)
    }

    // MARK: - ceph osd df

    /// osd.0 1 TiB 100 GiB used, osd.1 1 TiB 300 GiB used, osd.2 2 TiB 400 GiB used at
    /// reweight 0.5, osd.3 1 TiB out.
    /// average = 100 × (100+300+400)·2^20 KiB / (2^30+2^30+2^31) KiB = 100 × 800/4096 = 19.53125
    /// %USE: 9.765625, 29.296875, 19.53125, 0 → VAR 0.5, 1.5, 1.0, 0 (out: zero stats).
    /// MIN/MAX VAR over reweight > 0: 0.50/1.50.
    /// STDDEV = sqrt((1×9.765625² + 1×9.765625² + 0.5×0) / 2.5) = sqrt(76.2939453125)
    ///        = 8.7346...; printed "8.73". TOTAL: 4 TiB, 800 GiB raw use, 3.2 TiB avail.
    @Test("ceph osd df: VAR, MIN/MAX VAR and the reweight-weighted STDDEV")
    func osdDF() throws {
        let crush = try F.map(F.threeHosts)
        let osds = [
            CapacityOSD(id: 0, totalBytes: F.TiB, usedBytes: 100 * F.GiB, pgCount: 10),
            CapacityOSD(id: 1, totalBytes: F.TiB, usedBytes: 300 * F.GiB, pgCount: 30),
            CapacityOSD(id: 2, totalBytes: 2 * F.TiB, usedBytes: 400 * F.GiB, reweight: 0x8000, pgCount: 20),
            CapacityOSD(id: 3, totalBytes: F.TiB, usedBytes: 10 * F.GiB, reweight: 0),
        ]
        let df = OSDUtilization(input: CapacityInput(crush: crush, osds: osds))
        #expect(df.averageUtilization == 19.53125)
        #expect(df.rows.map(\.utilization) == [9.765625, 29.296875, 19.53125, 0])
        #expect(df.rows.map(\.variance) == [0.5, 1.5, 1.0, 0])
        #expect(df.rows[3].sizeBytes == 0 && df.rows[3].rawUseBytes == 0)
        #expect(df.minVariance == 0.5)
        #expect(df.maxVariance == 1.5)
        #expect(df.standardDeviation == (190.73486328125 / 2.5).squareRoot())
        #expect(df.summaryLine == "MIN/MAX VAR: 0.50/1.50  STDDEV: 8.73")
        #expect(df.totalSize == 4 * F.TiB)
        #expect(df.totalRawUse == 800 * F.GiB)
        #expect(df.rows.map(\.utilizationText) == ["9.77", "29.30", "19.53", "0"])
        #expect([df.totalSize, df.totalRawUse, df.totalAvail].map(CapacityFormat.bytes) == ["4 TiB", "800 GiB", "3.2 TiB"])
        #expect(df.rows.map(\.pgs) == [10, 30, 20, 0])
    }

    @Test("ceph osd df with no OSD in: MIN/MAX VAR print '-', STDDEV 0")
    func osdDFEmpty() throws {
        let crush = try F.map(F.threeHosts)
        let osds = [CapacityOSD(id: 0, totalBytes: F.TiB, usedBytes: 0, reweight: 0)]
        let df = OSDUtilization(input: CapacityInput(crush: crush, osds: osds))
        #expect(df.summaryLine == "MIN/MAX VAR: -/-  STDDEV: 0")
        #expect(df.rows[0].variance == 1.0)  // average 0: VAR defaults to 1
    }

    /// RAW STORAGE: hdd class = osd.0…2 of the three-host map: 4 TiB, 300 GiB raw used,
    /// ratio (float)322122547200 / (float)4398046511104 = 0.0732421875 → "7.32".
    @Test("ceph df RAW STORAGE per class")
    func rawStorage() throws {
        let crush = try F.map(F.threeHosts)
        let raw = RawStorage(input: CapacityInput(crush: crush, osds: F.threeHostOSDs(used: [100 * F.GiB, 100 * F.GiB, 100 * F.GiB])))
        #expect(raw.classes.map(\.name) == ["hdd"])
        #expect(raw.total.size == 4 * F.TiB)
        #expect(raw.total.rawUsed == 300 * F.GiB)
        #expect(raw.total.rawUsedRatio == 0.0732421875)
        #expect(raw.total.rawUsedText == "7.32")
    }

    // MARK: - formats

    @Test("byte_u_t, percentify and lowprecision_t as Ceph prints them")
    func formats() {
        #expect(CapacityFormat.bytes(0) == "0 B")
        #expect(CapacityFormat.bytes(1023) == "1023 B")
        #expect(CapacityFormat.bytes(1 << 30) == "1 GiB")
        #expect(CapacityFormat.bytes(3_221_225_472 + 1) == "3.0 GiB")
        #expect(CapacityFormat.bytes(9_646_899) == "9.2 MiB")  // 9.1999… MiB, "9.20 MiB" is 8 chars
        #expect(CapacityFormat.bytes(888_832) == "868 KiB")
        #expect(CapacityFormat.bytes(1_064_304_640) == "1015 MiB")
        #expect(CapacityFormat.percentify(0.009) == "0")
        #expect(CapacityFormat.percentify(3.90848445892334) == "3.91")
        #expect(CapacityFormat.lowPrecision(-1) == "-")
        #expect(CapacityFormat.lowPrecision(0.0009) == "0")
        #expect(CapacityFormat.lowPrecision(1) == "1.00")
    }
}

/// A rule availability with a given raw value, for the tests taken from Ceph's, which pass
/// `avail` to `dump_object_stat_sum` directly.
enum RuleAvailabilityStub {
    static func avail(_ bytes: UInt64) -> RuleAvailability {
        RuleAvailability(rawAvailableBytes: bytes)
    }
}
