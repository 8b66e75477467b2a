internal import CRUSH

/// What the simulator needs to know about each OSD and host, in flat arrays indexed by OSD id
/// and host position: which host an OSD sits on, its device class, capacity, recovery
/// bandwidth, and the CRUSH buckets above it (for `mon_osd_down_out_subtree_limit`). Rebuilt
/// when hosts join or leave.
struct ClusterTopology {
    var hosts: [Host]
    /// Host index per OSD id; -1 for ids without a disk.
    var hostOfOSD: [Int]
    var diskOfOSD: [String]
    var capacity: [Double]
    /// Bytes used before the pools' data (`Disk.fill`).
    var baseUsed: [Double]
    /// Recovery bandwidth, bytes per millisecond.
    var diskRate: [Double]
    /// NIC line rate per host, bytes per millisecond.
    var nicRate: [Double]
    /// Parent bucket of each CRUSH item (not the per-class shadow trees).
    private var parent: [Int32: Int32]
    private var bucketType: [Int32: UInt16]
    private var children: [Int32: [Int32]]

    /// `osdCount`: the OSD map's `max_osd` (ids without a disk stay empty).
    init(hosts: [Host], crush: CrushMap, config: CephConfig, osdCount: Int) {
        self.hosts = hosts
        var maxOSD: Int32 = -1
        for host in hosts { for disk in host.disks { if let osd = disk.osd { maxOSD = max(maxOSD, osd) } } }
        let count = max(osdCount, Int(maxOSD + 1))
        hostOfOSD = [Int](repeating: -1, count: count)
        diskOfOSD = [String](repeating: "", count: count)
        capacity = [Double](repeating: 0, count: count)
        baseUsed = [Double](repeating: 0, count: count)
        diskRate = [Double](repeating: 0, count: count)
        nicRate = hosts.map { $0.nic.bytesPerSecond / 1000 }
        for (index, host) in hosts.enumerated() {
            for disk in host.disks {
                guard let osd = disk.osd else { continue }
                let i = Int(osd)
                hostOfOSD[i] = index
                diskOfOSD[i] = disk.name
                capacity[i] = Double(disk.size.bytes)
                baseUsed[i] = Double(disk.size.bytes) * disk.fill
                diskRate[i] = config.osdRecoveryBandwidth.forClass(disk.deviceClass).bytesPerSecond / 1000
            }
        }
        parent = [:]
        bucketType = [:]
        children = [:]
        for bucket in crush.buckets {
            guard let bucket, let name = crush.itemNames[bucket.id], !name.contains("~") else { continue }
            bucketType[bucket.id] = bucket.type
            children[bucket.id] = bucket.items
            for item in bucket.items { parent[item] = bucket.id }
        }
    }

    var osdCount: Int { hostOfOSD.count }

    func hostName(of osd: Int32) -> String? {
        let i = Int(osd)
        guard i >= 0, i < hostOfOSD.count, hostOfOSD[i] >= 0 else { return nil }
        return hosts[hostOfOSD[i]].name
    }

    func hostIndex(named name: String) -> Int? {
        hosts.firstIndex { $0.name == name }
    }

    /// The OSD ids on the host at `index`.
    func osds(ofHost index: Int) -> [Int32] {
        hosts[index].disks.compactMap(\.osd)
    }

    /// The OSD id of `host/disk` in the current fleet.
    func osd(host: String, disk: String) -> Int32? {
        hosts.first { $0.name == host }?.disks.first { $0.name == disk }?.osd
    }

    /// `OSDMap::containing_subtree_is_down` as `OSDMonitor::tick` asks it before marking an OSD
    /// out: the smallest bucket above `osd` whose type is at least `limitType`, if every OSD
    /// under it satisfies `isDown`. Nil when the subtree is not wholly down.
    func downSubtree(containing osd: Int32, limitType: UInt16, isDown: (Int32) -> Bool) -> Int32? {
        var item = osd
        while let up = parent[item] {
            item = up
            if let type = bucketType[item], type >= limitType {
                return allOSDs(under: item).allSatisfy(isDown) ? item : nil
            }
        }
        return nil
    }

    private func allOSDs(under bucket: Int32) -> [Int32] {
        var out: [Int32] = []
        var stack = [bucket]
        while let item = stack.popLast() {
            if item >= 0 { out.append(item) } else { stack.append(contentsOf: children[item] ?? []) }
        }
        return out
    }
}
