import Placement
import Simulation

extension ScenarioReport {
    /// The last section: what to do, derived from the figures — PG counts, where capacity runs
    /// out first and how much to add, uneven utilisation — plus `extra` from other sections;
    /// most severe first, each with the number that triggered it.
    public func recommendationsSection(adding extra: [Finding] = []) -> ReportSection {
        var list = recommendations() + extra
        let order: [Finding.Severity] = [.critical, .warning, .info, .ok]
        // Stable: equal severities keep their order.
        list = order.flatMap { severity in list.filter { $0.severity == severity } }
        if list.isEmpty {
            list = [Finding(.ok, code: "NOTHING_TO_DO", message: "Nothing to do: every figure is within its target.",
                trigger: "no check triggered")]
        }
        return ReportSection(id: "recommendations", title: "Recommendations", blocks: [.findings(list)])
    }

    /// The recommendations the capacity figures trigger.
    public func recommendations() -> [Finding] {
        var out: [Finding] = []
        // PG counts: the autoscaler's target when it differs by a factor of 2 or more.
        for pool in plan.pools {
            let current = Int(pool.spec.pgNum)
            guard let target = pool.autoscalerPGs, target != current, target >= current * 2 || target * 2 <= current else { continue }
            out.append(Finding(
                .info, code: target > current ? "POOL_TOO_FEW_PGS" : "POOL_TOO_MANY_PGS",
                message: "Set pg_num of \(pool.spec.name) to \(target) (ceph osd pool set \(pool.spec.name) pg_num \(target)), or let the autoscaler do it.",
                trigger: "pg_num \(current), autoscaler target \(target), pgcalc \(pool.pgCalc.pgNum)"))
        }
        // Without the autoscaler's target, pgcalc's advice when it asks for twice as many or more.
        for pool in plan.pools where pool.autoscalerPGs == nil && (pool.capacity.stored > 0 || pool.spec.growthPerDay.bytes > 0) {
            let current = Int(pool.spec.pgNum)
            let advice = pool.pgCalc.pgNum
            guard advice >= current * 2 else { continue }
            out.append(Finding(
                .info, code: "POOL_TOO_FEW_PGS",
                message: "Set pg_num of \(pool.spec.name) to \(advice) (ceph osd pool set \(pool.spec.name) pg_num \(advice)).",
                trigger: "pg_num \(current), pgcalc \(advice): \(pool.pgCalc.reason)"))
        }
        if !plan.overlappingPools.isEmpty {
            out.append(Finding(
                .warning, code: "AUTOSCALER_OVERLAPPING_ROOTS",
                message: "The PG autoscaler leaves \(plan.overlappingPools.count) pools alone: their rules take overlapping CRUSH roots (a rule over all classes next to class rules). Move device_health_metrics and any class-less pool to a class rule (ceph osd pool set POOL crush_rule RULE).",
                trigger: "overlapping pools: \(plan.overlappingPools.joined(separator: ", "))"))
        }
        let pgs = plan.pgsPerOSD
        if pgs.mean < Double(CapacityPlan.targetPGsPerOSD), plan.pools.count > 0 {
            out.append(Finding(
                .info, code: "RAISE_PG_COUNT",
                message: "Raise pg_num of the pools holding most data so each OSD carries about \(CapacityPlan.targetPGsPerOSD) PGs: smaller PGs spread data more evenly and recover in smaller steps.",
                trigger: "mean \(FixedDecimal.text(pgs.mean, decimals: 1)) PGs per OSD < \(CapacityPlan.targetPGsPerOSD)"))
        }
        out += capacityRecommendations()
        for u in UnusableCapacity.find(plan: plan) {
            out.append(Finding(
                .info, code: "ADD_CAPACITY_ELSEWHERE",
                message: "Add \(u.deviceClass) capacity to hosts other than \(u.host), not to \(u.host): \(u.pool) cannot place more than 1 of \(u.placements) on it, so \(CapacityFormat.bytes(u.unusableBytes)) there already stays empty.",
                trigger: "\(u.host) share \(ReportFigures.percentText(u.share * 100)) of \(u.deviceClass) > \(ReportFigures.percentText(u.cap * 100))"))
        }
        // Uneven utilisation within a device class (classes differ by design).
        for deviceClass in plan.deviceClasses {
            let rows = plan.utilization.rows.filter { $0.deviceClass == deviceClass && $0.sizeBytes > 0 }
            let size = rows.reduce(0.0) { $0 + Double($1.sizeBytes) }
            guard rows.count > 1, size > 0 else { continue }
            let average = rows.reduce(0.0) { $0 + Double($1.rawUseBytes) } / size * 100
            guard average > 0, let worst = rows.max(by: { $0.utilization < $1.utilization }) else { continue }
            let ratio = worst.utilization / average
            guard ratio > 1.2 else { continue }
            out.append(Finding(
                .info, code: "UNEVEN_UTILISATION",
                message: "osd.\(worst.osd) on \(plan.hostOf[worst.osd] ?? "?") fills faster than the other \(deviceClass) OSDs and limits MAX AVAIL of its pools first: turn on the balancer (upmap mode) or raise the PG counts.",
                trigger: "osd.\(worst.osd) %USE \(worst.utilizationText) = \(FixedDecimal.text(ratio, decimals: 2)) × the \(deviceClass) average \(FixedDecimal.text(average, decimals: 2))"))
        }
        return out
    }

    /// Per device class: the first OSD to reach nearfull within a year, and the raw capacity of
    /// that class that would keep it below nearfull for a year at the current growth.
    func capacityRecommendations() -> [Finding] {
        var out: [Finding] = []
        let ratios = plan.input.ratios
        for deviceClass in plan.deviceClasses {
            let trends = plan.projection.osds.filter { $0.deviceClass == deviceClass && $0.sizeBytes > 0 }
            let ids = Set(trends.map(\.osd))
            guard let first = plan.projection.firstDay(over: ratios.nearFull, among: ids) else { continue }
            guard first.day <= 365 else {
                out.append(Finding(
                    .ok, code: "NEARFULL_HORIZON", message: "The \(deviceClass) OSDs stay below nearfull for more than a year at the current growth.",
                    trigger: "first: osd.\(first.osd) on day \(first.day)"))
                continue
            }
            let perDay = trends.reduce(UInt64(0)) { $0 &+ $1.growthPerDay }
            let headroom = trends.reduce(0.0) { $0 + max(0, Double(ratios.nearFull) * Double($1.sizeBytes) - Double($1.usedBytes)) }
            let need = max(0, 365 * Double(perDay) - headroom) / Double(ratios.nearFull)
            let severity: Finding.Severity = first.day <= 30 ? .critical : first.day <= 180 ? .warning : .info
            let trend = trends.first { $0.osd == first.osd }!
            let host = plan.hostOf[first.osd] ?? "?"
            var message = "Add \(deviceClass) capacity before day \(first.day): osd.\(first.osd) on \(host) reaches nearfull first"
            if need > 0 {
                message += "; about \(CapacityFormat.bytes(UInt64(need))) more raw \(deviceClass) capacity keeps the class below nearfull for a year"
                message += " (spread over hosts; a bigger disk on \(host) alone would not help the pools whose other copies must land elsewhere)"
            }
            out.append(Finding(
                severity, code: "NEARFULL_HORIZON", message: message + ".",
                trigger: "osd.\(first.osd) \(ReportFigures.percentText(trend.usedRatio(onDay: 0) * 100)) used, +\(CapacityFormat.bytes(trend.growthPerDay))/day, nearfull (\(ReportFigures.ratioPercent(ratios.nearFull))) on day \(first.day); class grows \(CapacityFormat.bytes(perDay))/day raw"))
        }
        return out
    }
}
