/// The PGs whose placement one `IncrementalPlacement.apply(_:)` changed, in PG order, with
/// their mapping before and after. A PG is listed when its up set, up primary, acting set or
/// acting primary differs, and when it came into being or went away (pg_num changes; its
/// mapping on the other side is empty, primaries -1).
///
/// The mappings live in one flat buffer; `old(_:into:)` and `new(_:into:)` refill a
/// `PGMapping` without allocating once its arrays have grown.
public struct PGMappingChanges: Sendable {
    /// The changed PGs, ascending.
    public private(set) var pgs: [PGID] = []
    var records = MappingRecords()

    public init() {}

    public var count: Int { pgs.count }
    public var isEmpty: Bool { pgs.isEmpty }

    /// Entry `i`'s mapping before the change.
    public func old(_ i: Int, into mapping: inout PGMapping) { records.read(2 * i, into: &mapping) }

    /// Entry `i`'s mapping after the change.
    public func new(_ i: Int, into mapping: inout PGMapping) { records.read(2 * i + 1, into: &mapping) }

    public func old(_ i: Int) -> PGMapping {
        var m = PGMapping()
        old(i, into: &m)
        return m
    }

    public func new(_ i: Int) -> PGMapping {
        var m = PGMapping()
        new(i, into: &m)
        return m
    }

    mutating func removeAll() {
        pgs.removeAll(keepingCapacity: true)
        records.removeAll()
    }

    mutating func append(_ pg: PGID, old: PGMapping, new: PGMapping) {
        pgs.append(pg)
        records.append(old)
        records.append(new)
    }
}

/// PG mappings one after the other in one `[Int32]`: per mapping the raw count, raw set, raw
/// primary, then the same for up and acting.
struct MappingRecords: Sendable {
    private var values: [Int32] = []
    private var starts: [Int] = []

    var count: Int { starts.count }

    mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
    }

    mutating func append(_ m: PGMapping) {
        starts.append(values.count)
        put(m.raw, m.rawPrimary)
        put(m.up, m.upPrimary)
        put(m.acting, m.actingPrimary)
    }

    private mutating func put(_ set: [Int32], _ primary: Int32) {
        values.append(Int32(set.count))
        values.append(contentsOf: set)
        values.append(primary)
    }

    func read(_ i: Int, into m: inout PGMapping) {
        var at = starts[i]
        func next(_ set: inout [Int32]) -> Int32 {
            let n = Int(values[at])
            set.removeAll(keepingCapacity: true)
            set.append(contentsOf: values[(at + 1)..<(at + 1 + n)])
            at += n + 2
            return values[at - 1]
        }
        m.rawPrimary = next(&m.raw)
        m.upPrimary = next(&m.up)
        m.actingPrimary = next(&m.acting)
    }
}
