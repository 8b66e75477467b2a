public import Placement

/// The capacity figures' input (`CapacityInput`: what `ceph df` and `ceph osd df` read) for a
/// simulated cluster: each OSD's size from its disk; its used bytes from the disk's `fill`
/// plus its share of the pools' data, spread PG by PG as the PG mapping places it; each pool's
/// usage as a healthy pool holding its stored bytes in 4 MiB objects.
///
/// A PG holds `Pool.pgBytes(stored:seed:)`; every OSD of its acting set holds
/// `Pool.shardBytes(ofPG:)` of it: a full copy (replicated) or a `1/k` shard (erasure).
public enum ScenarioCapacity {
    /// RBD's and CephFS's default object size: the objects a pool's bytes make.
    public static let objectSize: UInt64 = 4 << 20

    /// The input for `map`, its OSDs' disks, the pools' stored bytes and the ratios.
    /// `diskOf[osd]` gives the disk behind each OSD (OSDs without one count as size 0).
    public static func input(
        map: OSDMap, diskOf: [Int32: Disk], stored: [Int64: UInt64], ratios: FullRatios
    ) -> CapacityInput {
        var used = [UInt64](repeating: 0, count: map.osds.count)
        var pgs = [Int](repeating: 0, count: map.osds.count)
        for (osd, disk) in diskOf where Int(osd) < used.count {
            used[Int(osd)] = UInt64((Double(disk.size.bytes) * disk.fill).rounded(.down))
        }
        let mapper = PlacementMapper(map)
        var mapping = PGMapping()
        var pools: [CapacityPool] = []
        for pool in map.sortedPools {
            let bytes = stored[pool.id] ?? 0
            for seed in 0..<pool.pgNum {
                mapper.map(PGID(pool: pool.id, seed: seed), into: &mapping)
                let share = pool.shardBytes(ofPG: pool.pgBytes(stored: bytes, seed: seed))
                for osd in mapping.acting where osd >= 0 && Int(osd) < used.count {
                    used[Int(osd)] &+= share
                    pgs[Int(osd)] += 1
                }
            }
            let redundancy: CapacityRedundancy = pool.kind == .erasure
                ? .erasure(k: pool.erasureK ?? 0, m: pool.erasureM ?? 0)
                : .replicated(size: Int(pool.size))
            pools.append(CapacityPool(
                id: pool.id, name: pool.name, redundancy: redundancy, crushRule: pool.crushRule,
                pgNum: pool.pgNum,
                usage: .logical(bytes: bytes, objects: (bytes + objectSize - 1) / objectSize, redundancy: redundancy)))
        }
        var osds: [CapacityOSD] = []
        for (index, osd) in map.osds.enumerated() where osd.exists {
            let id = Int32(index)
            let size = diskOf[id]?.size.bytes ?? 0
            osds.append(CapacityOSD(
                id: id, totalBytes: size, usedBytes: min(used[index], size), reweight: osd.weight,
                isUp: osd.isUp, pgCount: pgs[index], dataBytes: min(used[index], size)))
        }
        return CapacityInput(crush: map.crush, osds: osds, pools: pools, ratios: ratios)
    }
}

extension Scenario {
    /// The disk behind each OSD of the fleet at time 0.
    public var disksByOSD: [Int32: Disk] {
        var result: [Int32: Disk] = [:]
        for host in fleet.hosts {
            for disk in host.disks {
                if let osd = disk.osd { result[osd] = disk }
            }
        }
        return result
    }

    /// The full ratios of the scenario's Ceph config.
    public var fullRatios: FullRatios {
        FullRatios(
            full: Float(ceph.config.fullRatio), backfillFull: Float(ceph.config.backfillfullRatio),
            nearFull: Float(ceph.config.nearfullRatio))
    }

    /// The capacity input of the cluster at time 0 (`ScenarioCapacity`), with the OSDs of
    /// `outHosts` down and out: their data counts where it is re-replicated.
    public func capacityInput(outHosts: Set<String> = []) -> CapacityInput {
        ScenarioCapacity.input(
            map: osdMap(outHosts: outHosts), diskOf: disksByOSD,
            stored: Dictionary(uniqueKeysWithValues: ceph.pools.map { ($0.id, $0.stored.bytes) }),
            ratios: fullRatios)
    }
}
