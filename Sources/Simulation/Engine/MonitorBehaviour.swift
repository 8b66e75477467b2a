internal import CRUSH
internal import Placement

/// The monitors' side of failure handling (`OSDMonitor` in Pacific):
///
/// - an OSD that stops (disk dead, host off, cut off from the quorum's side of the network) is
///   marked down once its peers' reports arrive: `osd_heartbeat_grace` after its last
///   heartbeat, which went out up to `osd_heartbeat_interval` (6 s) before it stopped (the
///   seeded jitter);
/// - a down OSD is marked out `mon_osd_down_out_interval` after it was marked down, unless the
///   smallest CRUSH subtree of type ≥ `mon_osd_down_out_subtree_limit` containing it is
///   wholly down, or fewer than `mon_osd_min_in_ratio` (0.75) of the OSDs would stay in;
/// - an OSD that runs again boots: it is marked up, and in again if it was marked out
///   automatically; it then recovers the writes it missed;
/// - without a monitor quorum nothing is marked: pending marks are dropped and made again,
///   from the moment quorum returns.
extension SimulationRun {
    static let heartbeatInterval: Int64 = 6_000
    static let minInRatio = 0.75

    func monQuorum() -> Quorum {
        let fleet = currentFleet
        let mons = mons.filter { fleet.host(named: $0) != nil }
        return Quorum.majority(of: mons, components: connectivity.components(of: fleet))
    }

    /// Whether the monitors can hear from `osd`'s daemon.
    func isAlive(_ osd: Int32, quorumHosts: Set<String>?) -> Bool {
        guard !failedDisks.contains(osd), let host = cluster.topology.hostName(of: osd), running.contains(host) else {
            return false
        }
        if let quorumHosts { return quorumHosts.contains(host) }
        return true
    }

    /// The hosts on the quorum's side of the network (nil without quorum).
    func quorumHosts() -> Set<String>? {
        guard quorum.isQuorate, let first = quorum.members.first else { return nil }
        return connectivity.components(of: currentFleet).first { $0.contains(first) }.map(Set.init)
    }

    /// After this moment's events: quorum, OSDs that stopped or came back.
    mutating func monitorsReact() {
        quorum = monQuorum()
        let hosts = quorumHosts()
        // `isAlive` per OSD, its host's part worked out once per host.
        let hostAlive = cluster.topology.hosts.map { host in
            running.contains(host.name) && (hosts?.contains(host.name) ?? true)
        }
        let hostOfOSD = cluster.topology.hostOfOSD
        var jitter: Int64?
        var up: [Int32] = []
        var markedIn: [Int32] = []
        var returning: [Int32] = []
        for osdIndex in 0..<Int(cluster.map.maxOSD) {
            let osd = Int32(osdIndex)
            guard cluster.map.exists(osd) else { continue }
            let host = osdIndex < hostOfOSD.count ? hostOfOSD[osdIndex] : -1
            let alive = host >= 0 && hostAlive[host] && !failedDisks.contains(osd)
            if !alive {
                if stoppedAt[osdIndex] < 0 { stoppedAt[osdIndex] = now }
                if cluster.map.isUp(osd), hosts != nil, !downMarkPending[osdIndex] {
                    if jitter == nil { jitter = detectionRandom.below(Self.heartbeatInterval) }
                    downMarkPending[osdIndex] = true
                    let grace = config.osdHeartbeatGrace.wholeMilliseconds
                    queue.schedule(.markDown(osd: osd), at: now + max(1, grace - jitter!))
                }
            } else if cluster.map.isUp(osd) {
                downMarkPending[osdIndex] = false
                if stoppedAt[osdIndex] >= 0 { returning.append(osd) }
            } else if hosts != nil {
                cluster.map.osds[osdIndex].state.insert(.up)
                markedDownAt[osdIndex] = -1
                up.append(osd)
                if cluster.map.osds[osdIndex].state.contains(.autoOut) {
                    cluster.map.osds[osdIndex].state.remove(.autoOut)
                    cluster.map.osds[osdIndex].weight = OSD.weightIn
                    markedIn.append(osd)
                }
                if stoppedAt[osdIndex] >= 0 { returning.append(osd) }
                mapDirty = true
            }
        }
        catchUp(returning)
        if !up.isEmpty { events.append(.markedUp(up)) }
        if !markedIn.isEmpty { events.append(.markedIn(markedIn)) }
    }

    /// OSDs run again with their data. A PG took writes without one of its holders only once
    /// the monitors had marked that holder down (until then the primary waits for it) and only
    /// while it stayed active without it (at least min_size other complete copies, or k
    /// shards, not coming back now). Those writes are what the holder misses; log-based
    /// recovery brings it up to date.
    mutating func catchUp(_ returning: [Int32]) {
        guard !returning.isEmpty else { return }
        let poolCount = cluster.pools.count
        for osd in returning where Int(osd) < stoppedAt.count { stoppedAt[Int(osd)] = -1 }
        var isReturning = [Bool](repeating: false, count: missesWrites.count)
        var isMissing = [Bool](repeating: false, count: missesWrites.count)
        for osd in returning where Int(osd) < missesWrites.count {
            isReturning[Int(osd)] = true
            isMissing[Int(osd)] = missesWrites[Int(osd)]
            missesWrites[Int(osd)] = false
        }
        guard isMissing.contains(true) else { return }
        let returningHolder = { (osd: Int32) in osd >= 0 && Int(osd) < isReturning.count && isReturning[Int(osd)] }
        let missingHolder = { (osd: Int32) in osd >= 0 && Int(osd) < isMissing.count && isMissing[Int(osd)] }
        for p in 0..<poolCount {
            let pool = cluster.pools[p]
            guard pool.pgNum > 0 else { continue }
            for pg in 0..<pool.pgNum {
                let range = pool.slots(of: pg)
                var others = 0
                guard range.contains(where: { missingHolder(pool.holders[$0]) }) else { continue }
                for i in range where pool.holders[i] != crushItemNone && !returningHolder(pool.holders[i])
                    && pool.isUp(pool.holders[i], cluster.osdUp) && pool.lag[i] == 0 { others += 1 }
                guard others >= max(pool.minSize, pool.readable) else { continue }
                for i in range where missingHolder(pool.holders[i]) {
                    let osd = Int(pool.holders[i])
                    let missed = pool.written - writtenAtStop[osd * poolCount + p]
                    guard missed > 0 else { continue }
                    cluster.setLag(pool: p, index: i, to: Double(pool.lag[i]) + missed / Double(pool.pgNum) / Double(pool.dataChunks))
                }
            }
        }
        pgsDirty = true
    }

    mutating func markDown(_ osd: Int32) {
        let osdIndex = Int(osd)
        guard osdIndex < downMarkPending.count, downMarkPending[osdIndex] else { return }
        downMarkPending[osdIndex] = false
        let hosts = quorumHosts()
        guard hosts != nil, cluster.map.isUp(osd), !isAlive(osd, quorumHosts: hosts) else { return }
        cluster.map.osds[osdIndex].state.remove(.up)
        markedDownAt[osdIndex] = now
        missesWrites[osdIndex] = true
        let pools = cluster.pools.count
        for p in 0..<pools { writtenAtStop[osdIndex * pools + p] = cluster.pools[p].written }
        mapDirty = true
        appendOSD(osd, to: { if case .markedDown(let list) = $0 { list } else { nil } }, make: ClusterEvent.markedDown)
        if cluster.map.isIn(osd) {
            queue.schedule(.markOut(osd: osd), at: now + config.monOSDDownOutInterval.wholeMilliseconds)
        }
    }

    mutating func markOut(_ osd: Int32) {
        let osdIndex = Int(osd)
        guard osdIndex < markedDownAt.count, markedDownAt[osdIndex] >= 0,
              now - markedDownAt[osdIndex] >= config.monOSDDownOutInterval.wholeMilliseconds,
              cluster.map.exists(osd), !cluster.map.isUp(osd), cluster.map.isIn(osd), quorumHosts() != nil
        else { return }
        let limit = UInt16(CephCrushTypes.id(of: config.monOSDDownOutSubtreeLimit) ?? CephCrushTypes.rack)
        let map = cluster.map
        if let subtree = cluster.topology.downSubtree(containing: osd, limitType: limit, isDown: { !map.isUp($0) }) {
            let name = map.crush.itemNames[subtree] ?? "\(subtree)"
            events.append(.keptIn([osd], reason: "all of \(name) is down (mon_osd_down_out_subtree_limit \(config.monOSDDownOutSubtreeLimit))"))
            return
        }
        let existing = (0..<map.maxOSD).filter { map.exists($0) }.count
        let inCount = (0..<map.maxOSD).filter { map.isIn($0) }.count
        if existing > 0, Double(inCount - 1) / Double(existing) < Self.minInRatio {
            events.append(.keptIn([osd], reason: "fewer than 75% of the OSDs would stay in (mon_osd_min_in_ratio)"))
            return
        }
        cluster.map.osds[osdIndex].weight = 0
        cluster.map.osds[osdIndex].state.insert(.autoOut)
        mapDirty = true
        appendOSD(osd, to: { if case .markedOut(let list) = $0 { list } else { nil } }, make: ClusterEvent.markedOut)
    }

    /// Adds `osd` to this moment's event of that kind, or starts one.
    private mutating func appendOSD(_ osd: Int32, to extract: (ClusterEvent) -> [Int32]?, make: ([Int32]) -> ClusterEvent) {
        if let index = events.lastIndex(where: { extract($0) != nil }) {
            events[index] = make(extract(events[index])! + [osd])
        } else {
            events.append(make([osd]))
        }
    }
}
