/// The CRUSH bucket types every Ceph cluster starts with (`OSDMap::build_simple_crush_map`,
/// as `osdmaptool --createsimple` 16.2.15 writes them): type id = position.
public enum CephCrushTypes {
    public static let names = [
        "osd", "host", "chassis", "rack", "row", "pdu", "pod", "room", "datacenter", "zone", "region", "root",
    ]

    public static let osd: Int32 = 0
    public static let host: Int32 = 1
    public static let rack: Int32 = 3
    public static let root: Int32 = 11

    /// The id of a type name, or nil.
    public static func id(of name: String) -> Int32? {
        names.firstIndex(of: name).map { Int32($0) }
    }
}
