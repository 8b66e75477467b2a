/// One `pg_upmap_items` pair: in the PG's raw set, put OSD `to` where OSD `from` was
/// (`ceph osd pg-upmap-items PGID FROM TO …`).
public struct UpmapItem: Sendable, Hashable {
    public var from: Int32
    public var to: Int32

    public init(from: Int32, to: Int32) {
        self.from = from
        self.to = to
    }
}
