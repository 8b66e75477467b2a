#if Live
import CRUSH
import Foundation
import Placement

/// Placement computed by this project against placement reported by a running cluster.
///
/// Reads the cluster's own OSD map (`osd getmap`, binary, decoded by `OSDMap(binary:)`), maps
/// every PG of every pool with `PlacementMapper` (up and acting sets, as OSDMap.cc does), and
/// compares with the PG states the cluster reports (`pg dump pgs_brief`). Also computes each
/// pool's MAX AVAIL with Placement's capacity code (`PoolCapacity`, fed with the cluster's
/// `osd df`, `pg dump pools` and full ratios) and compares it with `ceph df`.
public struct PlacementVerification: Sendable, Codable, Equatable {
    /// One PG whose computed placement differs from the reported one (or that is missing on one side).
    public struct Mismatch: Sendable, Codable, Equatable {
        public var pg: String
        public var computedUp: [Int32]?
        public var computedUpPrimary: Int32?
        public var computedActing: [Int32]?
        public var computedActingPrimary: Int32?
        public var reportedUp: [Int32]?
        public var reportedUpPrimary: Int32?
        public var reportedActing: [Int32]?
        public var reportedActingPrimary: Int32?
        public var reportedState: String?
    }

    /// The per-pool outcome.
    public struct PoolResult: Sendable, Codable, Equatable {
        public var id: Int64
        public var name: String
        public var pgs: Int
        public var matching: Int
        public var mismatching: Int
        /// MAX AVAIL in bytes as Placement computes it and as `ceph df` reports it.
        public var computedMaxAvail: UInt64
        public var reportedMaxAvail: UInt64?
        /// Whether the two are within `tolerance` of each other.
        public var maxAvailAgrees: Bool
    }

    public var epoch: UInt32
    public var pools: [PoolResult]
    public var mismatches: [Mismatch]
    /// How many times the cluster was read before the result held (maps move while PGs peer).
    public var attempts: Int
    /// The MAX AVAIL tolerance as a fraction (0.01: 1 %).
    public var tolerance: Double

    /// True when every PG matches and every pool's MAX AVAIL agrees.
    public var agrees: Bool { mismatches.isEmpty && pools.allSatisfy { $0.maxAvailAgrees && $0.mismatching == 0 } }

    /// Reads the cluster and compares. The cluster's report lags its map by up to a stats period
    /// (`mgr_stats_period`) and PGs peer after a change, so a disagreement is read again, once a
    /// second, for up to `settleSeconds`; the last reading is returned.
    public static func run(_ rados: Rados, settleSeconds: Int = 10, tolerance: Double = 0.01) throws(CephError) -> PlacementVerification {
        let deadline = Date().addingTimeInterval(Double(settleSeconds))
        var attempt = 0
        while true {
            attempt += 1
            var result = try read(rados, tolerance: tolerance)
            result.attempts = attempt
            if result.agrees || Date() >= deadline { return result }
            Thread.sleep(forTimeInterval: 1)
        }
    }

    static func read(_ rados: Rados, tolerance: Double) throws(CephError) -> PlacementVerification {
        let map = try ClusterMaps.osdMap(rados)
        let pgDump = try rados.runJSON(MonCommand("pg dump", ["dumpcontents": .strings(["pgs_brief"])]))
        let epochAfter = try ClusterMaps.epoch(rados)
        var reported: [PGID: JSONValue] = [:]
        let stats = pgDump["pg_stats"] ?? pgDump
        if case .array(let list) = stats {
            for entry in list {
                if case .string(let text)? = entry["pgid"], let pg = PGID(parsing: text) { reported[pg] = entry }
            }
        }
        let capacity = try ClusterMaps.capacity(rados, map: map)
        let mapper = PlacementMapper(map)
        var pools: [PoolResult] = []
        var mismatches: [Mismatch] = []
        var computedPGs = Set<PGID>()
        for pool in map.sortedPools {
            var matching = 0
            var mismatching = 0
            for seed in 0..<pool.pgNum {
                let pg = PGID(pool: pool.id, seed: seed)
                computedPGs.insert(pg)
                let m = mapper.mapping(for: pg)
                let r = reported[pg]
                let rUp = r.flatMap { ints($0["up"]) }
                let rActing = r.flatMap { ints($0["acting"]) }
                let rUpPrimary = r.flatMap { int($0["up_primary"]) }
                let rActingPrimary = r.flatMap { int($0["acting_primary"]) }
                if rUp == m.up && rActing == m.acting && rUpPrimary == m.upPrimary && rActingPrimary == m.actingPrimary {
                    matching += 1
                } else {
                    mismatching += 1
                    var state: String?
                    if case .string(let s)? = r?["state"] { state = s }
                    mismatches.append(Mismatch(
                        pg: pg.description, computedUp: m.up, computedUpPrimary: m.upPrimary, computedActing: m.acting,
                        computedActingPrimary: m.actingPrimary, reportedUp: rUp, reportedUpPrimary: rUpPrimary,
                        reportedActing: rActing, reportedActingPrimary: rActingPrimary, reportedState: state))
                }
            }
            let computed = capacity.computed[pool.id] ?? 0
            let reportedAvail = capacity.reported[pool.id]
            let agrees = reportedAvail.map { Self.within(computed, $0, tolerance) } ?? false
            pools.append(PoolResult(
                id: pool.id, name: pool.name, pgs: Int(pool.pgNum), matching: matching, mismatching: mismatching,
                computedMaxAvail: computed, reportedMaxAvail: reportedAvail, maxAvailAgrees: agrees))
        }
        for pg in reported.keys.sorted() where !computedPGs.contains(pg) {
            mismatches.append(Mismatch(pg: pg.description, reportedState: "reported by the cluster, not in its OSD map"))
        }
        var result = PlacementVerification(epoch: map.epoch, pools: pools, mismatches: mismatches, attempts: 1, tolerance: tolerance)
        if epochAfter != map.epoch {
            // The map moved while reading: call it a disagreement so the caller reads again.
            result.mismatches.append(Mismatch(pg: "*", reportedState: "OSD map moved from epoch \(map.epoch) to \(epochAfter) while reading"))
        }
        return result
    }

    static func within(_ a: UInt64, _ b: UInt64, _ tolerance: Double) -> Bool {
        if a == b { return true }
        let diff = Double(a > b ? a - b : b - a)
        return diff <= tolerance * Double(max(a, b))
    }

    /// A JSON list of OSD ids (`up`, `acting` of `pg dump`), or nil when it is not one.
    public static func ints(_ value: JSONValue?) -> [Int32]? {
        guard case .array(let list)? = value else { return nil }
        var out: [Int32] = []
        for v in list {
            guard let n = int(v) else { return nil }
            out.append(n)
        }
        return out
    }

    /// A JSON integer as an OSD id (`up_primary`), or nil.
    public static func int(_ value: JSONValue?) -> Int32? {
        guard case .number(let n)? = value, let v = n.int64 else { return nil }
        return Int32(truncatingIfNeeded: v)
    }
}
#endif
