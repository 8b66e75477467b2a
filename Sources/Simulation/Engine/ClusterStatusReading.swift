internal import CRUSH
internal import Placement

/// `ceph status` and `ceph health` for the run's current moment.
extension SimulationRun {
    static let objectSize: Double = 4 * 1024 * 1024

    func status() -> CephStatus {
        let map = cluster.map
        var osds = 0
        var up = 0
        var inCount = 0
        var downIn: [Int32] = []
        for osd in 0..<map.maxOSD where map.exists(osd) {
            osds += 1
            if map.isUp(osd) { up += 1 }
            if map.isIn(osd) { inCount += 1 }
            if !map.isUp(osd) && map.isIn(osd) { downIn.append(osd) }
        }
        let states = cluster.stateCounts.map { PGStateCount(state: $0.key, count: $0.value) }
            .sorted { ($0.count, $1.state.name) > ($1.count, $0.state.name) }
        var degradedPGs = 0
        var undersizedPGs = 0
        var downPGs = 0
        var incompletePGs = 0
        var peeredPGs = 0
        var tooFullPGs = 0
        for entry in states {
            if entry.state.contains(.degraded) { degradedPGs += entry.count }
            if entry.state.contains(.undersized) { undersizedPGs += entry.count }
            if entry.state.contains(.down) { downPGs += entry.count }
            if entry.state.contains(.incomplete) { incompletePGs += entry.count }
            if entry.state.contains(.peered) { peeredPGs += entry.count }
            if entry.state.contains(.backfillTooFull) { tooFullPGs += entry.count }
        }
        var inactivePools: [String] = []
        var degradedObjects = 0.0
        var misplacedObjects = 0.0
        var objectCopies = 0.0
        var stored = 0.0
        for (p, pool) in cluster.pools.enumerated() {
            let objectsPerShard = (pool.pgBytes / Self.objectSize).rounded(.up)
            degradedObjects += Double(cluster.missingCopies[p]) * objectsPerShard + (max(0, cluster.lagBytes[p]) / Self.objectSize).rounded()
            misplacedObjects += Double(cluster.misplacedCopies[p]) * objectsPerShard
            objectCopies += Double(pool.pgNum * pool.size) * objectsPerShard
            stored += pool.stored
            if cluster.inactivePerPool[p] > 0 {
                inactivePools.append(pool.name)
            }
        }

        var checks: [HealthCheck] = []
        let mons = mons.filter { currentFleet.host(named: $0) != nil }
        if !quorum.isQuorate {
            checks.append(HealthCheck(
                name: "MON_DOWN", severity: .err,
                summary: "no monitor quorum (\(quorum.votes) of \(mons.count) mons can talk, \(quorum.needed) needed): ceph commands hang and no map changes"))
        } else if quorum.members.count < mons.count {
            checks.append(HealthCheck(
                name: "MON_DOWN", severity: .warn,
                summary: "\(mons.count - quorum.members.count)/\(mons.count) mons down, quorum \(quorum.members.joined(separator: ","))"))
        }
        if !downIn.isEmpty {
            checks.append(HealthCheck(name: "OSD_DOWN", severity: .warn, summary: "\(downIn.count) osds down"))
            var downHosts: [String] = []
            var downHostOSDs = 0
            for (index, host) in cluster.topology.hosts.enumerated() {
                let hostOSDs = cluster.topology.osds(ofHost: index).filter { map.exists($0) && map.isIn($0) }
                if !hostOSDs.isEmpty, hostOSDs.allSatisfy({ !map.isUp($0) }) {
                    downHosts.append(host.name)
                    downHostOSDs += hostOSDs.count
                }
            }
            if !downHosts.isEmpty {
                checks.append(HealthCheck(
                    name: "OSD_HOST_DOWN", severity: .warn,
                    summary: "\(downHosts.count) host\(downHosts.count == 1 ? "" : "s") (\(downHostOSDs) osds) down"))
            }
        }
        var full = 0
        var backfillfull = 0
        var nearfull = 0
        let utilization = utilization.count == cluster.topology.osdCount ? utilization : cluster.utilizations()
        for osd in 0..<map.maxOSD where map.exists(osd) && map.isIn(osd) {
            let used = utilization[Int(osd)]
            if used >= config.fullRatio { full += 1 } else if used >= config.backfillfullRatio { backfillfull += 1 } else if used >= config.nearfullRatio { nearfull += 1 }
        }
        if full > 0 { checks.append(HealthCheck(name: "OSD_FULL", severity: .err, summary: "\(full) full osd(s)")) }
        if backfillfull > 0 { checks.append(HealthCheck(name: "OSD_BACKFILLFULL", severity: .warn, summary: "\(backfillfull) backfillfull osd(s)")) }
        if nearfull > 0 { checks.append(HealthCheck(name: "OSD_NEARFULL", severity: .warn, summary: "\(nearfull) nearfull osd(s)")) }
        if cluster.inactivePGs > 0 {
            var parts = ["\(cluster.inactivePGs) pgs inactive"]
            if downPGs > 0 { parts.append("\(downPGs) pgs down") }
            if incompletePGs > 0 { parts.append("\(incompletePGs) pgs incomplete") }
            if peeredPGs > 0 { parts.append("\(peeredPGs) pgs peered") }
            checks.append(HealthCheck(name: "PG_AVAILABILITY", severity: .warn, summary: "Reduced data availability: " + parts.joined(separator: ", ")))
        }
        if degradedPGs > 0 || undersizedPGs > 0 {
            var parts: [String] = []
            let degraded = UInt64(degradedObjects)
            let total = UInt64(objectCopies)
            if degraded > 0 {
                let percent = total > 0 ? Double(degraded) * 100 / Double(total) : 0
                parts.append("\(degraded)/\(total) objects degraded (\(DecimalFormat.fixed(percent, decimals: 3))%)")
            }
            if degradedPGs > 0 { parts.append("\(degradedPGs) pgs degraded") }
            if undersizedPGs > 0 { parts.append("\(undersizedPGs) pgs undersized") }
            checks.append(HealthCheck(name: "PG_DEGRADED", severity: .warn, summary: "Degraded data redundancy: " + parts.joined(separator: ", ")))
        }
        if tooFullPGs > 0 {
            checks.append(HealthCheck(
                name: "PG_BACKFILL_FULL", severity: .warn,
                summary: "Low space hindering backfill (add storage if this doesn't resolve itself): \(tooFullPGs) pgs backfill_toofull"))
        }
        checks.sort { $0.name < $1.name }
        let health = HealthReport(status: checks.map(\.severity).max() ?? .ok, checks: checks)
        return CephStatus(
            epoch: map.epoch, monQuorum: quorum, osds: osds, osdsUp: up, osdsIn: inCount, pgs: cluster.totalPGs,
            pgStates: states, inactivePGs: cluster.inactivePGs, degradedPGs: degradedPGs, undersizedPGs: undersizedPGs,
            lostPGs: cluster.lostPGs, inactivePools: inactivePools,
            degradedBytes: UInt64(max(0, cluster.degradedBytes)), misplacedBytes: UInt64(max(0, cluster.misplacedBytes)),
            degradedObjects: UInt64(degradedObjects), misplacedObjects: UInt64(misplacedObjects),
            objectCopies: UInt64(objectCopies), recoveringPGs: scheduler.runningCount, waitingPGs: scheduler.waitingCount,
            bytesMoved: UInt64(scheduler.bytesMoved), storedBytes: UInt64(stored), health: health)
    }
}
