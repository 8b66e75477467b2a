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

    /// The capacity figures' input for the scenario at time 0 with `outHosts` out: each OSD's
    /// size from its disk, its used bytes the disk's `fill` plus its share of every pool's
    /// stored bytes (a PG holds `stored / pg_num`; each replica that much, each erasure shard a
    /// k-th of it) by the PG mapping of `osdMap(outHosts:)`, so the data of an out host counts
    /// where it is re-replicated.
    public func capacityInput(outHosts: Set<String> = []) -> CapacityInput {
        let map = osdMap(outHosts: outHosts)
        let mapper = PlacementMapper(map)
        var used: [Int32: Double] = [:]
        var pgs: [Int32: Int] = [:]
        var pools: [CapacityPool] = []
        for spec in ceph.pools {
            let perPG = Double(spec.stored.bytes) / Double(max(spec.pgNum, 1))
            let shard: Double
            let redundancy: CapacityRedundancy
            switch spec.kind {
            case .replicated:
                shard = perPG
                redundancy = .replicated(size: spec.size)
            case .erasure(let k, let m):
                shard = perPG / Double(max(k, 1))
                redundancy = .erasure(k: k, m: m)
            }
            for seed in 0..<spec.pgNum {
                for osd in mapper.mapping(for: PGID(pool: spec.id, seed: seed)).up where osd >= 0 && osd != crushItemNone {
                    used[osd, default: 0] += shard
                    pgs[osd, default: 0] += 1
                }
            }
            pools.append(CapacityPool(
                id: spec.id, name: spec.name, redundancy: redundancy, crushRule: spec.ruleID, pgNum: spec.pgNum,
                usage: .logical(bytes: spec.stored.bytes, redundancy: redundancy)))
        }
        var osds: [CapacityOSD] = []
        for host in fleet.hosts {
            for disk in host.disks {
                guard let id = disk.osd else { continue }
                let out = outHosts.contains(host.name)
                let base = Double(disk.size.bytes) * disk.fill
                let bytes = min(base + (used[id] ?? 0), Double(disk.size.bytes))
                osds.append(CapacityOSD(
                    id: id, totalBytes: disk.size.bytes, usedBytes: UInt64(bytes), reweight: out ? 0 : 0x10000,
                    isUp: !out, pgCount: pgs[id] ?? 0, crushWeight: disk.crushWeight))
            }
        }
        let config = ceph.config
        return CapacityInput(
            crush: map.crush, osds: osds, pools: pools,
            ratios: FullRatios(
                full: Float(config.fullRatio), backfillFull: Float(config.backfillfullRatio), nearFull: Float(config.nearfullRatio)))
    }

    /// MAX AVAIL of every pool (scenario order) with `outHosts` out.
    public func poolMaxAvail(outHosts: Set<String> = []) -> [(pool: String, maxAvail: UInt64)] {
        let input = capacityInput(outHosts: outHosts)
        return input.pools.map { ($0.name, PoolCapacity(pool: $0, input: input).maxAvail) }
    }
}
