internal import CRUSH
internal import Placement

/// What each timeline event does to the fleet and the cluster. Events that change who runs
/// or who can talk only change the fleet; the monitors notice afterwards (`monitorsReact`).
/// Events that change the OSD map (assimilation, removal, drain, reweight, pool changes) edit
/// it directly; the map is published once per moment.
extension SimulationRun {
    mutating func apply(_ action: EventAction) {
        switch action {
        case .failDisk(let ref):
            if let osd = osd(of: ref) { failedDisks.insert(osd) }
        case .restoreDisk(let ref, let replaced):
            guard let osd = osd(of: ref) else { return }
            failedDisks.remove(osd)
            if replaced { replaceDisk(osd) }
        case .failHost(let host):
            running.remove(host)
        case .restoreHost(let host):
            if cluster.topology.hostIndex(named: host) != nil { running.insert(host) }
        case .failRack(let rack):
            for host in hosts(inRack: rack) { running.remove(host) }
        case .restoreRack(let rack):
            for host in hosts(inRack: rack) { running.insert(host) }
        case .failLink(.host(let host)):
            isolatedHosts.insert(host)
        case .failLink(.rack(let rack)):
            isolatedRacks.insert(rack)
        case .restoreLink(.host(let host)):
            isolatedHosts.remove(host)
        case .restoreLink(.rack(let rack)):
            isolatedRacks.remove(rack)
        case .partition(let groups):
            partition = groups
        case .healPartition:
            partition = nil
        case .failQueen:
            if let queen = currentFleet.queen { running.remove(queen.name) }
        case .restoreQueen:
            if let queen = currentFleet.queen { running.insert(queen.name) }
        case .addHost(let host, let joins):
            addHost(host)
            if joins.contains(.mon), !mons.contains(host.name) { mons.append(host.name) }
        case .removeHost(let host):
            removeHost(host)
        case .drainHost(let host):
            drain(hosts: [host])
        case .reweight(let ref, let reweight):
            guard let osd = osd(of: ref) else { return }
            switch reweight {
            case .override(let value):
                cluster.map.setWeight(osd, UInt32((value * 65536).rounded()))
            case .crushWeight(let weight):
                cluster.map.crush.adjustItemWeight(osd, to: weight)
            }
            mapDirty = true
        case .setPool(let name, let change):
            setPool(name, change)
        case .grow(let name, let bytes):
            if let p = cluster.pools.firstIndex(where: { $0.name == name }) {
                cluster.pools[p].stored += Double(bytes.bytes)
                cluster.pools[p].written += Double(bytes.bytes)
            }
        case .sensorAlarm(let name):
            guard let sensor = currentFleet.hosts.lazy.flatMap(\.sensors).first(where: { $0.name == name }) else { return }
            var hosts: [String] = []
            for target in sensor.drains {
                if currentFleet.host(named: target) != nil { hosts.append(target) } else { hosts += self.hosts(inRack: target) }
            }
            drain(hosts: hosts)
        }
    }

    func osd(of ref: DiskReference) -> Int32? {
        cluster.topology.osd(host: ref.host, disk: ref.disk) ?? ref.osd
    }

    func hosts(inRack rack: String) -> [String] {
        currentFleet.hosts.filter { $0.location.rack == rack }.map(\.name)
    }

    /// `ceph osd destroy` and a new OSD with the same id on the new disk: it starts empty and in.
    mutating func replaceDisk(_ osd: Int32) {
        purgeCopies(on: osd)
        let index = Int(osd)
        stoppedAt[index] = -1
        missesWrites[index] = false
        if cluster.map.osds[index].state.contains(.autoOut) || cluster.map.osds[index].weight == 0 {
            cluster.map.osds[index].state.remove(.autoOut)
            cluster.map.osds[index].weight = OSD.weightIn
        }
        events.append(.replaced(osd))
        mapDirty = true
    }

    /// Every copy or shard on `osd` is gone for good.
    mutating func purgeCopies(on osd: Int32) {
        pgsDirty = true
        for p in cluster.pools.indices {
            for i in cluster.pools[p].holders.indices where cluster.pools[p].holders[i] == osd {
                cluster.setHolder(pool: p, index: i, to: crushItemNone)
            }
        }
    }

    /// CRUSH weight 0 on every OSD of `hosts`.
    mutating func drain(hosts: [String]) {
        var drained: [Int32] = []
        for host in hosts {
            guard let index = cluster.topology.hostIndex(named: host) else { continue }
            for osd in cluster.topology.osds(ofHost: index) {
                cluster.map.crush.adjustItemWeight(osd, to: 0)
                drained.append(osd)
            }
        }
        if !drained.isEmpty {
            events.append(.drained(drained))
            mapDirty = true
        }
    }

    /// Assimilation: the host's disks become OSDs with the lowest free ids (`ceph osd create`),
    /// placed under their host and rack as `ceph-volume` creates them (the generated CRUSH map
    /// is rebuilt with the new host last, so existing bucket ids stay).
    mutating func addHost(_ newHost: Host) {
        guard case .generated(let tunables) = scenario.ceph.crush else {
            events.append(.unsupported("add_host \(newHost.name): assimilation needs a generated CRUSH map, not an imported one"))
            return
        }
        guard cluster.topology.hostIndex(named: newHost.name) == nil else { return }
        var host = newHost
        var taken = Set((0..<cluster.map.maxOSD).filter { cluster.map.exists($0) })
        for h in cluster.topology.hosts { for d in h.disks { if let id = d.osd { taken.insert(id) } } }
        var created: [Int32] = []
        for d in host.disks.indices {
            var id: Int32 = 0
            while taken.contains(id) { id += 1 }
            taken.insert(id)
            host.disks[d].osd = id
            created.append(id)
        }
        var hosts = cluster.topology.hosts
        hosts.append(host)
        guard rebuildCrush(hosts: hosts, tunables: tunables) else { return }
        let maxOSD = Int(created.max().map { $0 + 1 } ?? 0)
        if cluster.map.osds.count < maxOSD {
            cluster.map.osds += [OSD](repeating: OSD(), count: maxOSD - cluster.map.osds.count)
        }
        for id in created {
            cluster.map.osds[Int(id)] = OSD(state: [.exists, .up], weight: OSD.weightIn)
        }
        cluster.topology = ClusterTopology(hosts: hosts, crush: cluster.map.crush, config: config, osdCount: cluster.map.osds.count)
        running.insert(host.name)
        cluster.refreshOSDUp()
        growOSDTables()
        events.append(.created(created))
        mapDirty = true
    }

    /// The host leaves: its OSDs are purged (`ceph osd purge`), its bucket removed.
    mutating func removeHost(_ name: String) {
        guard let index = cluster.topology.hostIndex(named: name) else { return }
        let osds = cluster.topology.osds(ofHost: index)
        var hosts = cluster.topology.hosts
        hosts.remove(at: index)
        if case .generated(let tunables) = scenario.ceph.crush {
            guard rebuildCrush(hosts: hosts, tunables: tunables) else { return }
        } else {
            for osd in osds { cluster.map.crush.adjustItemWeight(osd, to: 0) }
        }
        for osd in osds {
            purgeCopies(on: osd)
            cluster.map.osds[Int(osd)] = OSD()
            failedDisks.remove(osd)
            stoppedAt[Int(osd)] = -1
            markedDownAt[Int(osd)] = -1
            downMarkPending[Int(osd)] = false
        }
        cluster.topology = ClusterTopology(hosts: hosts, crush: cluster.map.crush, config: config, osdCount: cluster.map.osds.count)
        running.remove(name)
        events.append(.purged(osds))
        mapDirty = true
    }

    private mutating func rebuildCrush(hosts: [Host], tunables: Tunables) -> Bool {
        do {
            let crush = try FleetCrushMap.build(hosts: hosts, rules: RuleSpec.rules(for: scenario.ceph.pools), tunables: tunables)
            // Keep CRUSH weights set by drain or reweight events on the OSDs that stay.
            var rebuilt = crush.normalizedAsCephDecodes()
            for host in cluster.topology.hosts {
                for disk in host.disks {
                    guard let osd = disk.osd, let weight = cluster.map.crush.itemWeight(of: osd),
                          UInt32(bitPattern: weight) != disk.crushWeight,
                          hosts.contains(where: { $0.name == host.name })
                    else { continue }
                    rebuilt.adjustItemWeight(osd, to: UInt32(bitPattern: weight))
                }
            }
            cluster.map.crush = rebuilt
            cluster.map.crushVersion &+= 1
            return true
        } catch {
            events.append(.unsupported("cannot rebuild the CRUSH map: \(error)"))
            return false
        }
    }

    /// `ceph osd pool set POOL size|min_size|pg_num`. A pg_num increase splits each PG in place
    /// (the children start on their parent's OSDs); pgp_num follows at once (Pacific's mgr
    /// walks it up in steps of at most `target_max_misplaced_ratio` = 5% misplaced; the
    /// simulator takes the whole step, so the data moves in one backfill wave). A decrease
    /// merges children into their parents.
    mutating func setPool(_ name: String, _ change: PoolChange) {
        guard let p = cluster.pools.firstIndex(where: { $0.name == name }),
              var pool = cluster.map.pools[cluster.pools[p].poolID]
        else { return }
        var size = cluster.pools[p].size
        var pgNum = cluster.pools[p].pgNum
        if let newSize = change.size {
            if cluster.pools[p].erasure {
                events.append(.unsupported("set_pool \(name) size: an erasure-coded pool's size is k+m and cannot change"))
            } else {
                size = newSize
                pool.size = UInt8(clamping: newSize)
            }
        }
        if let minSize = change.minSize {
            pool.minSize = UInt8(clamping: minSize)
            cluster.pools[p].minSize = minSize
        }
        if let newPGNum = change.pgNum {
            pgNum = Int(newPGNum)
            pool.setPGNum(newPGNum)
            pool.setPGPNum(newPGNum)
        }
        if size != cluster.pools[p].size || pgNum != cluster.pools[p].pgNum {
            cluster.relayout(pool: p, size: size, pgNum: pgNum)
        }
        cluster.map.pools[pool.id] = pool
        mapDirty = true
    }
}
