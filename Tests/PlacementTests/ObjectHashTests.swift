import Placement
import Testing

/// The object-name hash and stable mod against what a live Ceph 16.2.15 cluster answered:
/// `osd map swiftpool obj-1` gave raw_pgid 4.9b148003 (see shared/notes/ceph-minicluster.md),
/// i.e. the rjenkins hash of "obj-1" is 0x9b148003; with 8 PGs (mask 7) that is PG 3, and the
/// cluster said pgid 4.3.
@Suite("object hash")
struct ObjectHashTests {
    @Test("rjenkins of an object name matches the cluster's raw pgid")
    func rawPGID() {
        #expect(ObjectHash.rjenkins(Array("obj-1".utf8)) == 0x9b14_8003)
        #expect(cephStableMod(0x9b14_8003, 8, cephPGMask(8)) == 3)
    }

    @Test("growing pg_num by one only moves objects into the new PG", arguments: [UInt32(5), 6, 7, 8, 12, 100])
    func stableModSplits(count: UInt32) {
        for x in UInt32(0)..<4096 {
            let before = cephStableMod(x, count, cephPGMask(count))
            let after = cephStableMod(x, count + 1, cephPGMask(count + 1))
            #expect(before < count && after < count + 1)
            #expect(after == before || after == count, "x \(x): PG \(before) -> \(after)")
        }
    }

    @Test("masks are one less than the next power of two")
    func masks() {
        #expect(cephPGMask(1) == 0)
        #expect(cephPGMask(8) == 7)
        #expect(cephPGMask(9) == 15)
        #expect(cephPGMask(65536) == 65535)
    }
}
