#if Live
public import Placement

/// What `collective live watch` publishes of a running cluster: its status (`ceph status`:
/// health, PG states, OSD counts) and the capacity model's input built from its `osd df`,
/// `pg dump pools` and `df` (the same input `live verify` compares MAX AVAIL with), plus the
/// number of hosts in its CRUSH map.
public struct LiveFigures: Sendable {
    public var status: ClusterStatus
    public var capacity: CapacityInput
    public var hosts: Int

    /// Reads the cluster now.
    public static func read(_ rados: Rados) throws(CephError) -> LiveFigures {
        let status = try ClusterStatus.read(rados)
        let map = try ClusterMaps.osdMap(rados)
        let (input, _) = try ClusterMaps.capacityInput(rados, map: map)
        let hostType = map.crush.typeID(named: "host")
        let hosts = map.crush.buckets.filter { $0 != nil && Int32($0!.type) == hostType && !map.crush.isShadow($0!.id) }.count
        return LiveFigures(status: status, capacity: input, hosts: hosts)
    }
}
#endif
