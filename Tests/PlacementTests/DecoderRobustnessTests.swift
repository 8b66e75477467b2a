import CRUSH
import Foundation
import Placement
import Testing
import CollectiveTestSupport

/// The OSD map decoders never crash and never over-allocate on damaged input: every prefix of a
/// real map is rejected with an error that names a byte offset inside the input, and random
/// corruption either fails cleanly or gives a map that can be mapped.
@Suite("OSD map decoders on damaged input")
struct DecoderRobustnessTests {
    static func bytes(_ name: String) throws -> [UInt8] {
        try Fixtures.data(Fixtures.maps.appendingPathComponent(name))
    }

    @Test("every truncation of a binary map is an error at a byte inside it", arguments: ["simple8.osdmap", "mon12-partial.osdmap"])
    func truncated(_ name: String) throws {
        let full = try Self.bytes(name)
        #expect(throws: Never.self) { try OSDMap(binary: full) }
        for length in 0..<full.count {
            do {
                _ = try OSDMap(binary: Array(full[..<length]))
                Issue.record("a \(length)-byte prefix decoded")
            } catch {
                #expect(error.offset >= 0 && error.offset <= length, "\(error)")
            }
        }
    }

    @Test("random corruption of a binary map fails cleanly or maps", arguments: ["classes12.osdmap", "mon12.osdmap"])
    func corrupted(_ name: String) throws {
        let full = try Self.bytes(name)
        var rng = SplitMix64(seed: 0x05D_3A9)
        var decoded = 0
        for round in 0..<3000 {
            var damaged = full
            let flips = 1 + Int(rng.next() % 4)
            for _ in 0..<flips {
                let at = Int(rng.next() % UInt64(damaged.count))
                // Mostly small changes to counts and versions; sometimes any byte.
                damaged[at] = round % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : damaged[at] ^ (1 << (rng.next() % 8))
            }
            guard let map = try? OSDMap(binary: damaged) else { continue }
            decoded += 1
            mapSome(map)
        }
        // The CRC catches nearly every change; the decode must still have run over them.
        #expect(decoded < 3000)
    }

    @Test("a binary map whose CRC is wrong is refused, naming the CRC")
    func badCRC() throws {
        var bytes = try Self.bytes("simple8.osdmap")
        bytes[bytes.count - 1] ^= 0xff
        #expect {
            try OSDMap(binary: bytes)
        } throws: { error in
            guard let e = error as? OSDMapBinaryError, case .badCRC = e.reason else { return false }
            return e.field == "OSDMap crc"
        }
    }

    @Test("errors name the field", arguments: [
        (10, "OSDMap client data struct_len"),
        (12, "fsid"),
        (40, "created, modified"),
    ])
    func fieldNames(_ length: Int, _ field: String) throws {
        let full = try Self.bytes("simple8.osdmap")
        #expect {
            try OSDMap(binary: Array(full[..<length]))
        } throws: { error in
            (error as? OSDMapBinaryError)?.field == field
        }
    }

    @Test("a text that is not a binary map is refused")
    func notAMap() {
        #expect(throws: OSDMapBinaryError.self) { try OSDMap(binary: Array("hello world".utf8)) }
        #expect(throws: OSDMapBinaryError.self) { try OSDMap(binary: []) }
        #expect(throws: OSDMapBinaryError.self) { try OSDMap(binary: [8, 7, 0xff, 0xff, 0xff, 0xff]) }
    }

    @Test("damaged JSON dumps fail with a path or a position, never crash")
    func json() throws {
        let crush = try CrushMap(decoding: try Self.bytes("mon12-partial.crush"))
        let full = try Self.bytes("mon12-partial.json")
        #expect(throws: Never.self) { try OSDMap(dumpJSON: full, crush: crush) }
        var rng = SplitMix64(seed: 42)
        for round in 0..<1500 {
            var damaged = full
            if round % 2 == 0 {
                damaged = Array(full[..<Int(rng.next() % UInt64(full.count))])
            } else {
                for _ in 0..<3 {
                    let at = Int(rng.next() % UInt64(damaged.count))
                    damaged[at] = Array("0123456789-.,:[]{}\"ae ".utf8)[Int(rng.next() % 22)]
                }
            }
            if let map = try? OSDMap(dumpJSON: damaged, crush: crush) { mapSome(map) }
        }
    }

    @Test("JSON errors say which field", arguments: [
        (#"{"epoch": 1}"#, "max_osd"),
        (#"{"epoch": 1, "max_osd": 2, "osds": [{"osd": 5}]}"#, "osds[0].osd"),
        (#"{"epoch": 1, "max_osd": 2, "pools": [{"pool": 1, "type": 1, "size": 3, "crush_rule": 0, "pg_num": -4}]}"#, "pools[0].pg_num"),
        (#"{"epoch": 1, "max_osd": 2, "pg_temp": [{"pgid": "zz", "osds": []}]}"#, "pg_temp[0].pgid"),
        (#"{"epoch": 1, "max_osd": 2, "primary_temp": ["1.0"]}"#, "primary_temp[0]"),
        (#"{"epoch": 1, "max_osd": 2, "osds": [{"osd": 1, "state": ["exists", "sleepy"]}]}"#, "osds[0].state[1]"),
    ])
    func jsonFieldErrors(_ text: String, _ path: String) throws {
        let crush = try CrushMap(decoding: try Self.bytes("simple8.crush"))
        #expect {
            try OSDMap(dumpJSON: Array(text.utf8), crush: crush)
        } throws: { error in
            (error as? OSDMapJSONError)?.path == path
        }
    }

    /// Maps a few PGs of every pool: whatever decoded must be placeable without trapping.
    func mapSome(_ map: OSDMap) {
        let mapper = PlacementMapper(map)
        var m = PGMapping()
        for pool in map.pools.keys.sorted().prefix(8) {
            for seed in UInt32(0)..<4 { mapper.map(PGID(pool: pool, seed: seed), into: &m) }
        }
    }
}

