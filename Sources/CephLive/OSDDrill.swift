#if Live
import CRUSH
import Foundation
import Placement
import Simulation

/// A failure drill on a running cluster: the PG states the simulator predicts once an OSD is
/// down, and the states the cluster then reports, PG by PG.
///
/// The prediction reads the cluster's OSD map (`osd getmap`, binary), marks the OSD down in it,
/// maps every PG with `PlacementMapper` (up set as OSDMap.cc computes it) and asks the simulator's
/// peering verdict (`OSDFailurePrediction`, the code `collective simulate` uses) for each PG,
/// with the PG's reported acting set as the holders of its data and its object count from
/// `pg dump pgs`. The observation polls `osd dump` and `pg dump pgs` until the OSD is down and
/// every PG state has held still for a few readings, bounded by a deadline.
public struct OSDDrill: Sendable, Codable, Equatable {
    /// One PG: predicted and observed state (nil when not read).
    public struct PG: Sendable, Codable, Equatable {
        public var pg: String
        public var predicted: String
        public var observed: String?
        public var agrees: Bool { predicted == observed }
    }

    /// How many PGs were predicted and observed in one state.
    public struct StateCount: Sendable, Codable, Equatable {
        public var state: String
        public var predicted: Int
        public var observed: Int
    }

    public var osd: Int32
    /// The OSD map epoch the prediction was made from.
    public var epoch: UInt32
    public var pgs: [PG]
    /// Whether the OSD was seen down and the PG states settled before the deadline.
    public var settled: Bool
    /// Seconds from the stop command's end until the states settled (or the deadline).
    public var observedAfter: Double
    /// Whether the cluster came back to every OSD up and every PG active+clean after the start
    /// command (nil: no start command given).
    public var recovered: Bool?

    /// PG states that are steps of peering, not an outcome: the drill waits them out.
    /// What one PG's prediction rests on: the pool's redundancy, the OSDs holding its data
    /// before the stop (its acting set then) and its up set with the OSD down. Whether the PG
    /// ends up `degraded` also depends on whether it holds objects (Ceph counts degraded
    /// objects), which clients and the MDS change while the drill runs, so `observe` evaluates
    /// the prediction again with the object counts of the settled reading.
    struct PredictionInput: Sendable, Equatable {
        var size: Int
        var minSize: Int
        var erasureDataChunks: Int?
        var holders: [Int32]
        var up: [Int32]
    }

    var inputs: [PredictionInput] = []
    var osdUp: [Bool] = []

    enum CodingKeys: String, CodingKey {
        case osd, epoch, pgs, settled, observedAfter, recovered
    }

    static let transient = ["peering", "activating", "unknown", "stale", "creating", "wait", "repair"]

    public init(osd: Int32, epoch: UInt32, pgs: [PG], settled: Bool = false, observedAfter: Double = 0, recovered: Bool? = nil) {
        self.osd = osd
        self.epoch = epoch
        self.pgs = pgs
        self.settled = settled
        self.observedAfter = observedAfter
        self.recovered = recovered
    }

    /// Every predicted state equals the observed one.
    public var agrees: Bool { settled && pgs.allSatisfy(\.agrees) }

    /// The PGs whose predicted and observed states differ, in PG order.
    public var differing: [PG] { pgs.filter { !$0.agrees } }

    /// Per state, how many PGs were predicted and observed in it (states sorted by name).
    public var stateCounts: [StateCount] {
        var predicted: [String: Int] = [:]
        var observed: [String: Int] = [:]
        for pg in pgs {
            predicted[pg.predicted, default: 0] += 1
            if let o = pg.observed { observed[o, default: 0] += 1 }
        }
        return Set(predicted.keys).union(observed.keys).sorted().map {
            StateCount(state: $0, predicted: predicted[$0] ?? 0, observed: observed[$0] ?? 0)
        }
    }

    /// PG ids predicted (or observed) to carry a flag, e.g. `degraded`, sorted.
    public func predictedPGs(with flag: String) -> [String] {
        pgs.filter { $0.predicted.split(separator: "+").contains(Substring(flag)) }.map(\.pg)
    }

    public func observedPGs(with flag: String) -> [String] {
        pgs.filter { $0.observed?.split(separator: "+").contains(Substring(flag)) ?? false }.map(\.pg)
    }

    /// Predicts every PG's state once `osd` is down (not yet out), from the cluster as it is now.
    public static func predict(_ rados: Rados, osd: Int32) throws(CephError) -> OSDDrill {
        var map = try ClusterMaps.osdMap(rados)
        guard map.exists(osd) else {
            throw CephError("drill", "osd.\(osd)", errno: .noSuchFileOrDirectory, detail: "the OSD map has no osd.\(osd)")
        }
        let reported = try readPGs(rados)
        map.osds[Int(osd)].state.remove(.up)
        let osdUp = (0..<map.maxOSD).map { map.isUp($0) }
        let mapper = PlacementMapper(map)
        var pgs: [PG] = []
        var inputs: [PredictionInput] = []
        for pool in map.sortedPools {
            for seed in 0..<pool.pgNum {
                let id = PGID(pool: pool.id, seed: seed)
                let now = reported[id]
                let after = mapper.mapping(for: id)
                let erasure = pool.kind == .erasure
                let input = PredictionInput(
                    size: Int(pool.size), minSize: Int(pool.minSize),
                    erasureDataChunks: erasure ? (pool.erasureK ?? 1) : nil,
                    holders: now?.acting ?? mapper.mapping(for: id).acting, up: after.up)
                inputs.append(input)
                pgs.append(PG(pg: id.description, predicted: Self.predicted(input, osdUp: osdUp, objects: now?.objects), observed: nil))
            }
        }
        var drill = OSDDrill(osd: osd, epoch: map.epoch, pgs: pgs)
        drill.inputs = inputs
        drill.osdUp = osdUp
        return drill
    }

    /// The simulator's verdict for one PG (`OSDFailurePrediction`).
    static func predicted(_ input: PredictionInput, osdUp: [Bool], objects: Int?) -> String {
        OSDFailurePrediction.state(
            size: input.size, minSize: input.minSize, erasureDataChunks: input.erasureDataChunks,
            holders: input.holders, up: input.up, osdUp: osdUp, objects: objects
        ).name
    }

    /// Polls the cluster once a second until `osd` is reported down and no PG state has changed
    /// for `stableReadings` readings in a row (and none is a peering step), or until `seconds`
    /// have passed; fills in the observed states. `started` is when the stop command ended.
    public mutating func observe(_ rados: Rados, seconds: Double, stableReadings: Int = 3, started: Date = Date()) throws(CephError) {
        let deadline = started.addingTimeInterval(seconds)
        var last: [PGID: String] = [:]
        var stable = 0
        var states: [PGID: String] = [:]
        var reading: [PGID: ReportedPG] = [:]
        settled = false
        while true {
            let down = try !Self.osdIsUp(rados, osd)
            if down {
                reading = try Self.readPGs(rados)
                states = reading.mapValues(\.state)
                let transient = states.values.contains { s in Self.transient.contains { s.contains($0) } }
                stable = (!transient && states == last) ? stable + 1 : 0
                last = states
                if stable + 1 >= stableReadings && !transient {
                    settled = true
                    break
                }
            }
            if Date() >= deadline { break }
            Thread.sleep(forTimeInterval: 1)
        }
        observedAfter = Date().timeIntervalSince(started)
        for i in pgs.indices {
            guard let id = PGID(parsing: pgs[i].pg) else { continue }
            pgs[i].observed = states[id]
            if i < inputs.count, let objects = reading[id]?.objects {
                pgs[i].predicted = Self.predicted(inputs[i], osdUp: osdUp, objects: objects)
            }
        }
    }

    /// Polls until every OSD is up and every PG is active+clean, or `seconds` pass.
    public static func awaitRecovery(_ rados: Rados, seconds: Double) throws(CephError) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let status = try ClusterStatus.read(rados)
            if status.osdsUp == status.osds && status.pgStates.keys.allSatisfy({ $0 == "active+clean" }) && status.pgs > 0 {
                return true
            }
            if Date() >= deadline { return false }
            Thread.sleep(forTimeInterval: 1)
        }
    }

    static func osdIsUp(_ rados: Rados, _ osd: Int32) throws(CephError) -> Bool {
        let dump = try rados.runJSON(MonCommand("osd dump"))
        if case .array(let osds)? = dump["osds"] {
            for entry in osds {
                if case .number(let n)? = entry["osd"], n.int64 == Int64(osd), case .number(let up)? = entry["up"] {
                    return up.int64 == 1
                }
            }
        }
        return false
    }

    /// What `pg dump pgs` says of one PG.
    struct ReportedPG {
        var state: String
        var acting: [Int32]
        var objects: Int?
    }

    static func readPGs(_ rados: Rados) throws(CephError) -> [PGID: ReportedPG] {
        let dump = try rados.runJSON(MonCommand("pg dump", ["dumpcontents": .strings(["pgs"])]))
        var out: [PGID: ReportedPG] = [:]
        let stats = dump["pg_stats"] ?? dump
        guard case .array(let list) = stats else { return out }
        for entry in list {
            guard case .string(let text)? = entry["pgid"], let pg = PGID(parsing: text),
                case .string(let state)? = entry["state"] else { continue }
            var objects: Int?
            if case .number(let n)? = entry["stat_sum"]?["num_objects"], let v = n.int64 { objects = Int(v) }
            out[pg] = ReportedPG(state: state, acting: PlacementVerification.ints(entry["acting"]) ?? [], objects: objects)
        }
        return out
    }
}
#endif
