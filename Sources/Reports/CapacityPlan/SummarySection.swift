import Placement
import Simulation

extension ScenarioReport {
    /// Section 1: hosts by role, raw and usable capacity per device class, PGs per OSD, and a
    /// health verdict from those figures.
    public func summarySection() -> ReportSection {
        let fleet = plan.scenario.fleet
        var hosts = ReportTable(
            caption: "Hosts by role",
            columns: [
                .init("ROLE", key: "role"), .init("HOSTS", key: "hosts", alignment: .right),
                .init("NAMES", key: "names"), .init("THREADS", key: "threads", alignment: .right),
                .init("RAM", key: "ram", alignment: .right, unit: "bytes"),
                .init("OSDS", key: "osds", alignment: .right), .init("RAW", key: "raw", alignment: .right, unit: "bytes"),
            ])
        for role in HostRole.allCases {
            let members = fleet.hosts(withRole: role)
            guard !members.isEmpty else { continue }
            hosts.rows.append([
                ReportTable.Cell(role.rawValue), .integer(members.count),
                ReportFigures.names(members.map(\.name)),
                .integer(members.reduce(0) { $0 + $1.threads }),
                ReportFigures.bytes(members.reduce(UInt64(0)) { $0 &+ $1.ram.bytes }),
                .integer(members.reduce(0) { $0 + $1.disks.filter { $0.osd != nil }.count }),
                ReportFigures.bytes(members.reduce(UInt64(0)) { $0 &+ $1.rawCapacity.bytes }),
            ])
        }

        var capacity = ReportTable(
            caption: "Capacity by device class",
            columns: [
                .init("CLASS", key: "class"), .init("OSDS", key: "osds", alignment: .right),
                .init("SIZE", key: "size", alignment: .right, unit: "bytes"),
                .init("RAW USED", key: "raw_used", alignment: .right, unit: "bytes"),
                .init("%RAW USED", key: "raw_used_percent", alignment: .right, unit: "percent"),
                .init("REDUNDANCY", key: "redundancy", alignment: .right, unit: "ratio"),
                .init("USABLE", key: "usable", alignment: .right, unit: "bytes"),
            ])
        var usableTotal: UInt64 = 0
        for line in plan.rawStorage.classes {
            let osds = plan.classOf.values.filter { $0 == line.name }.count
            let rate = redundancy(ofClass: line.name)
            let usable = rate > 0 ? UInt64(Double(line.size) * Double(plan.input.ratios.full) / rate) : 0
            usableTotal &+= usable
            capacity.rows.append([
                ReportTable.Cell(line.name), .integer(osds), ReportFigures.bytes(line.size), ReportFigures.bytes(line.rawUsed),
                ReportFigures.percent(Double(line.rawUsedRatio) * 100), ReportFigures.decimal(rate),
                ReportFigures.bytes(usable),
            ])
        }
        let total = plan.rawStorage.total
        capacity.rows.append([
            "TOTAL", .integer(plan.classOf.count), ReportFigures.bytes(total.size), ReportFigures.bytes(total.rawUsed),
            ReportFigures.percent(Double(total.rawUsedRatio) * 100), "", ReportFigures.bytes(usableTotal),
        ])

        let pgs = plan.pgsPerOSD
        let replicas = plan.pools.reduce(0) { $0 + Int($1.spec.pgNum) * $1.spec.size }
        let pgTable = ReportTable(
            caption: "Placement groups",
            columns: [
                .init("PGS", key: "pgs", alignment: .right), .init("PG REPLICAS", key: "pg_replicas", alignment: .right),
                .init("OSDS IN", key: "osds_in", alignment: .right),
                .init("PGS/OSD MEAN", key: "pgs_per_osd_mean", alignment: .right),
                .init("MIN", key: "pgs_per_osd_min", alignment: .right), .init("MAX", key: "pgs_per_osd_max", alignment: .right),
                .init("TARGET", key: "target", alignment: .right), .init("LIMIT", key: "limit", alignment: .right),
            ],
            rows: [[
                .integer(plan.pools.reduce(0) { $0 + Int($1.spec.pgNum) }), .integer(replicas),
                .integer(plan.input.osds.filter { $0.exists && $0.isIn }.count), ReportFigures.decimal(pgs.mean, 1),
                .integer(pgs.min), .integer(pgs.max), .integer(CapacityPlan.targetPGsPerOSD), .integer(CapacityPlan.maxPGsPerOSD),
            ]])

        let findings = healthFindings()
        let verdict: String
        if findings.contains(where: { $0.severity == .critical }) {
            verdict = "HEALTH_ERR"
        } else if findings.contains(where: { $0.severity == .warning }) {
            verdict = "HEALTH_WARN"
        } else {
            verdict = "HEALTH_OK"
        }
        return ReportSection(
            id: "summary", title: "Cluster summary",
            blocks: [
                .paragraph(
                    "\(fleet.hosts.count) hosts, \(plan.classOf.count) OSDs, \(plan.pools.count) pools; "
                        + "raw \(CapacityFormat.bytes(total.size)), \(CapacityFormat.bytes(total.rawUsed)) used "
                        + "(\(ReportFigures.percentText(Double(total.rawUsedRatio) * 100)))."),
                .table(hosts), .table(capacity),
                .paragraph(
                    "USABLE is what the class holds before its OSDs reach the full ratio "
                        + "(\(ReportFigures.ratioPercent(plan.input.ratios.full))), divided by REDUNDANCY: the raw bytes "
                        + "per stored byte of the pools that use only that class, weighted by the data they store "
                        + "(the largest of their rates while they are empty)."),
                .table(pgTable),
                .paragraph("Health verdict from these figures: \(verdict)."),
                .findings(findings),
            ])
    }

    /// Raw bytes per stored byte over the pools whose OSDs are all of `deviceClass`: weighted by
    /// stored bytes, or the largest rate when they store nothing; 0 without such pools.
    func redundancy(ofClass deviceClass: String) -> Double {
        let pools = plan.pools.filter { p in !p.osds.isEmpty && p.osds.allSatisfy { plan.classOf[$0] == deviceClass } }
        let stored = pools.reduce(0.0) { $0 + Double($1.capacity.stored) }
        if stored > 0 {
            return pools.reduce(0.0) { $0 + Double($1.capacity.stored) * Double($1.capacity.rawUsedRate) } / stored
        }
        return pools.map { Double($0.capacity.rawUsedRate) }.max() ?? 0
    }

    /// The health checks the figures allow: OSD fullness, PGs per OSD, the autoscaler's warnings.
    func healthFindings() -> [Finding] {
        var findings: [Finding] = []
        let ratios = plan.input.ratios
        for row in plan.utilization.rows {
            let text = "osd.\(row.osd) %USE \(row.utilizationText)"
            switch row.fullness {
            case .none: break
            case .nearFull:
                findings.append(Finding(.warning, code: "OSD_NEARFULL", message: "osd.\(row.osd) is nearfull.",
                    trigger: "\(text) > nearfull \(ReportFigures.ratioPercent(ratios.nearFull))"))
            case .backfillFull:
                findings.append(Finding(.warning, code: "OSD_BACKFILLFULL", message: "osd.\(row.osd) is backfillfull: backfill to it stops.",
                    trigger: "\(text) > backfillfull \(ReportFigures.ratioPercent(ratios.backfillFull))"))
            case .full, .failsafe:
                findings.append(Finding(.critical, code: "OSD_FULL", message: "osd.\(row.osd) is full: pools on it stop taking writes.",
                    trigger: "\(text) > full \(ReportFigures.ratioPercent(ratios.full))"))
            }
        }
        if findings.isEmpty, let fullest = plan.utilization.rows.max(by: { $0.utilization < $1.utilization }) {
            findings.append(Finding(.ok, code: "OSD_FULLNESS", message: "No OSD is nearfull.",
                trigger: "fullest osd.\(fullest.osd) %USE \(fullest.utilizationText) ≤ nearfull \(ReportFigures.ratioPercent(ratios.nearFull))"))
        }
        let pgs = plan.pgsPerOSD
        let mean = FixedDecimal.text(pgs.mean, decimals: 1)
        if pgs.max > CapacityPlan.hardPGsPerOSD {
            findings.append(Finding(.critical, code: "TOO_MANY_PGS", message: "An OSD holds more PGs than it will peer (osd_max_pg_per_osd_hard_ratio × mon_max_pg_per_osd).",
                trigger: "max \(pgs.max) PGs on one OSD > \(CapacityPlan.hardPGsPerOSD)"))
        } else if pgs.mean > Double(CapacityPlan.maxPGsPerOSD) {
            findings.append(Finding(.warning, code: "TOO_MANY_PGS", message: "Too many PGs per OSD: Ceph warns and refuses new pools.",
                trigger: "mean \(mean) PGs per OSD > mon_max_pg_per_osd \(CapacityPlan.maxPGsPerOSD)"))
        } else if pgs.mean < Double(CapacityPlan.targetPGsPerOSD) {
            findings.append(Finding(.info, code: "PGS_PER_OSD_LOW", message: "Fewer PGs per OSD than Ceph aims for: data spreads less evenly over the OSDs.",
                trigger: "mean \(mean) PGs per OSD < mon_target_pg_per_osd \(CapacityPlan.targetPGsPerOSD)"))
        } else {
            findings.append(Finding(.ok, code: "PGS_PER_OSD", message: "PGs per OSD are within Ceph's target range.",
                trigger: "mean \(mean) PGs per OSD in \(CapacityPlan.targetPGsPerOSD)…\(CapacityPlan.maxPGsPerOSD)"))
        }
        for warning in plan.autoscalerWarnings {
            switch warning {
            case .tooFewPGs, .tooManyPGs: continue  // warn-mode pools only; the pools section gives the advice
            default:
                findings.append(Finding(.warning, code: warning.code, message: warning.detail + ".", trigger: warning.code))
            }
        }
        if let error = plan.autoscalerError {
            findings.append(Finding(.info, code: "AUTOSCALER_SKIPPED", message: "The PG autoscaler cannot run on this map.", trigger: error))
        }
        return findings
    }
}
