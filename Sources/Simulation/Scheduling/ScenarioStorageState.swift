public import Placement
internal import CRUSH

extension Scenario {
    /// The initial OSD map with the OSDs of `downHosts` down (still in, as in the first
    /// `mon_osd_down_out_interval` after a failure) and those of `outHosts` down and out
    /// (after it: their data is re-replicated elsewhere).
    public func osdMap(downHosts: Set<String> = [], outHosts: Set<String> = []) -> OSDMap {
        var map = initialOSDMap()
        for host in fleet.hosts where downHosts.contains(host.name) || outHosts.contains(host.name) {
            for disk in host.disks {
                guard let id = disk.osd, Int(id) < map.osds.count else { continue }
                map.osds[Int(id)].state.remove(.up)
                if outHosts.contains(host.name) { map.osds[Int(id)].weight = 0 }
            }
        }
        return map
    }

    /// Pools with at least one PG whose acting set has fewer than `min_size` OSDs when the
    /// OSDs of `downHosts` are down: I/O to them blocks, so a VM or pod with a volume there does
    /// not start. Computed from the PG mapping of `osdMap(downHosts:)`.
    public func inactivePools(downHosts: Set<String>) -> Set<String> {
        guard !downHosts.isEmpty else { return [] }
        let map = osdMap(downHosts: downHosts)
        let mapper = PlacementMapper(map)
        var inactive: Set<String> = []
        for spec in ceph.pools {
            for seed in 0..<spec.pgNum {
                let mapping = mapper.mapping(for: PGID(pool: spec.id, seed: seed))
                let present = mapping.acting.filter { $0 >= 0 && $0 != crushItemNone }.count
                if present < spec.minSize {
                    inactive.insert(spec.name)
                    break
                }
            }
        }
        return inactive
    }

    /// MAX AVAIL of every pool (scenario order) with `outHosts` out.
    public func poolMaxAvail(outHosts: Set<String> = []) -> [(pool: String, maxAvail: UInt64)] {
        let input = capacityInput(outHosts: outHosts)
        return input.pools.map { ($0.name, PoolCapacity(pool: $0, input: input).maxAvail) }
    }
}
