import CRUSH

/// Runs osdmaptool's mapping tests on an OSD map and prints what `osdmaptool` 16.2.15 prints
/// on standard output, line for line (tools/osdmaptool.cc): the `--mark-up-in` / `--mark-out`
/// notices, then `--test-map-object`, `--test-map-pg`, and `--test-map-pgs[-dump[-all]]` with
/// its per-OSD statistics. Standard error gets osdmaptool's error messages; the exit status
/// is osdmaptool's (0, or 1 for a missing pool or an unparsable PG id).
public struct OSDMapTool {
    public var map: OSDMap
    public var arguments: OSDMapToolArguments
    /// Threads for `--test-map-pgs*` (the output does not depend on it).
    public var threads: Int

    /// The name osdmaptool puts before its own messages (`argv[0]`).
    static let me = "osdmaptool"

    public init(map: OSDMap, arguments: OSDMapToolArguments, threads: Int = 1) {
        self.map = map
        self.arguments = arguments
        self.threads = max(1, threads)
    }

    /// Runs the tests; returns the exit status.
    public mutating func run(emit: (String) -> Void, emitError: (String) -> Void) async -> Int32 {
        if arguments.markUpIn {
            emit("marking all OSDs up and in\n")
            Self.markAllUpAndIn(&map)
        }
        if let out = arguments.markOut, out >= 0, out < Int(map.maxOSD) {
            emit("marking OSD@\(out) as out\n")
            map.osds[out].state.insert(.up)
            map.setWeight(Int32(out), 0)
        }
        let mapper = PlacementMapper(map)
        if let name = arguments.testMapObject {
            var pool = arguments.pool ?? -1
            if pool == -1 {
                emit("\(Self.me): assuming pool 1 (use --pool to override)\n")
                pool = 1
            }
            guard let pg = map.pg(object: name, namespace: arguments.objectNamespace, pool: pool) else {
                emitError("There is no pool \(pool)\n")
                return 1
            }
            let mapping = mapper.mapping(for: pg)
            emit(" object '\(name)' -> \(pg) -> \(Self.list(mapping.acting))\n")
        }
        if let text = arguments.testMapPG {
            guard let pg = PGID(parsing: text) else {
                emitError("\(Self.me): failed to parse pg '\(text)\n")
                return 1
            }
            emit(" parsed '\(text)' -> \(pg)\n")
            emit(Self.dumpAllLine(pg, mapper.mapping(for: pg)))
        }
        if arguments.testMapPGs || arguments.testMapPGsDump || arguments.testMapPGsDumpAll {
            if let pool = arguments.pool, map.pools[pool] == nil {
                emitError("There is no pool \(pool)\n")
                return 1
            }
            var tested = map
            if let pgNum = arguments.pgNum, pgNum > 0 {
                for id in tested.pools.keys where arguments.pool == nil || arguments.pool == id {
                    tested.pools[id]!.setPGNum(UInt32(truncatingIfNeeded: pgNum))
                }
            }
            let mode: PGDistribution.Listing =
                arguments.testMapPGsDump ? .dump : (arguments.testMapPGsDumpAll ? .dumpAll : .none)
            let report = PGDistribution(map: tested, pool: arguments.pool, listing: mode, threads: threads)
            await report.compute().write(emit)
        }
        return 0
    }

    /// `--mark-up-in`: every OSD slot up and fully in (which also makes it exist), and an OSD
    /// whose CRUSH weight is 0 gets weight 1.0 (`adjust_item_weightf(…, 1.0)`).
    public static func markAllUpAndIn(_ map: inout OSDMap) {
        // get_item_weight of each device, in one pass: its weight in the first bucket (in slot
        // order) that holds it. Adjusting one device changes no other device's weight.
        var firstWeight: [Int32: UInt32] = [:]
        for bucket in map.crush.buckets {
            guard let bucket else { continue }
            for (position, item) in bucket.items.enumerated() where item >= 0 && firstWeight[item] == nil {
                firstWeight[item] = bucket.itemWeight(at: position)
            }
        }
        for i in 0..<map.osds.count {
            map.osds[i].state.insert(.up)
            map.setWeight(Int32(i), OSD.weightIn)
            if firstWeight[Int32(i)] == 0 {
                map.crush.adjustItemWeight(Int32(i), to: 0x10000)
            }
        }
    }

    /// A vector as Ceph's `operator<<` prints it: `[1,2,3]`.
    static func list(_ osds: [Int32]) -> String {
        "[" + osds.map(String.init).joined(separator: ",") + "]"
    }

    /// One line of `--test-map-pgs-dump-all` (and of `--test-map-pg`).
    static func dumpAllLine(_ pg: PGID, _ m: PGMapping) -> String {
        "\(pg) raw (\(list(m.raw)), p\(m.rawPrimary)) up (\(list(m.up)), p\(m.upPrimary))"
            + " acting (\(list(m.acting)), p\(m.actingPrimary))\n"
    }
}
