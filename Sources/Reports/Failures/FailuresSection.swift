import Placement
import Simulation

extension FailureTable {
    /// Recovery longer than this is worth a recommendation.
    static let longRecovery: Duration = .seconds(24 * 3600)

    /// Section 5, "Failures": the table of single failures, the recovery timeline of each host
    /// holding OSDs (degraded and misplaced data over time), what stays pending, and the
    /// findings.
    public func section() -> ReportSection {
        var table = ReportTable(
            caption: "Ceph after each failure at time 0, nothing restored",
            columns: [
                .init("FAILURE", key: "failure"),
                .init("DEGRADED PGS", key: "degraded_pgs", alignment: .right),
                .init("INACTIVE PGS", key: "inactive_pgs", alignment: .right),
                .init("AT RISK", key: "at_risk", alignment: .right, unit: "bytes"),
                .init("LOST PGS", key: "lost_pgs", alignment: .right),
                .init("TO MOVE", key: "bytes_moved", alignment: .right, unit: "bytes"),
                .init("ACTIVE+CLEAN", key: "active_clean_after", alignment: .right, unit: "seconds"),
                .init("HEALTH_OK", key: "health_ok_after", alignment: .right, unit: "seconds"),
                .init("RE-REPLICATES", key: "re_replicates"),
                .init("MON QUORUM", key: "mon_quorum_lost"),
            ])
        var why = ReportTable(
            caption: "Why not HEALTH_OK",
            columns: [.init("FAILURE", key: "failure"), .init("WHY", key: "why")])
        var workloads = ReportTable(
            caption: "Services, VMs and pods after each failure",
            columns: [
                .init("FAILURE", key: "failure"), .init("SERVICES DOWN", key: "services_down"),
                .init("RESTARTED", key: "restarted", alignment: .right), .init("PENDING", key: "pending", alignment: .right),
                .init("DOWN OR PENDING", key: "pending_names"),
            ])
        for o in outcomes {
            let i = o.incident
            let rebuilt = o.reReplication
            table.rows.append([
                ReportTable.Cell(o.failure.label), .integer(i.worstDegradedPGs), .integer(i.worstInactivePGs),
                ReportFigures.bytes(i.peakDegradedBytes), .integer(i.lostPGs), ReportFigures.bytes(i.bytesMoved),
                o.stayedClean ? ReportTable.Cell("stayed", value: .integer(0)) : Self.time(i.activeCleanAfter),
                o.stayedHealthy ? ReportTable.Cell("stayed", value: .integer(0)) : Self.time(i.healthOKAfter),
                ReportTable.Cell(rebuilt.done ? "yes" : "no", value: .boolean(rebuilt.done)),
                ReportTable.Cell(i.monQuorumLost ? "lost" : "kept", value: .boolean(i.monQuorumLost)),
            ])
            if let blocker = o.healthBlocker {
                why.rows.append([ReportTable.Cell(o.failure.label), ReportTable.Cell(blocker)])
            }
            if !o.servicesDown.isEmpty || !o.restarted.isEmpty || !o.pending.isEmpty {
                workloads.rows.append([
                    ReportTable.Cell(o.failure.label),
                    ReportTable.Cell(o.servicesDown.isEmpty ? "-" : o.servicesDown.map(\.service.rawValue).joined(separator: ", ")),
                    .integer(o.restarted.count), .integer(o.pending.count),
                    ReportTable.Cell(o.pending.isEmpty ? "-" : o.pending.joined(separator: ", ")),
                ])
            }
        }
        var blocks: [ReportBlock] = [
            .paragraph(
                "Each failure alone at time 0, run by the simulator on the fleet with nothing restored: the worst degraded and inactive PG counts, the peak degraded data (at risk: one more failure away from loss), PGs that lost every copy, the bytes recovery and backfill wrote (until recovery stopped, when it does not finish), the time to active+clean and to HEALTH_OK (stayed: never left it; never: why in the table below), whether Ceph rebuilt every copy within the full ratios, and whether the monitors lost quorum."),
        ]
        for kind in capped {
            let shape = switch kind {
            case .disk: "device class and size"
            case .host: "role and disk layout"
            case .rack: "set of host shapes"
            }
            let tried = outcomes.filter { $0.failure.kind == kind }.count
            blocks.append(.paragraph(
                "The fleet has \(counts[kind] ?? 0) \(kind.rawValue)s: the table tries the first \(kind.rawValue) of each \(shape) (\(tried)), not every one; the others of a shape behave alike up to where CRUSH puts their data."))
        }
        blocks.append(.table(table))
        if !why.rows.isEmpty { blocks.append(.table(why)) }
        if !workloads.rows.isEmpty {
            blocks.append(.paragraph("The services each failure stops (as the services section lists them), and the VMs and pods the Proxmox HA manager and K3s restart elsewhere or leave down or pending (failures that touch none are left out)."))
            blocks.append(.table(workloads))
        }

        for o in outcomes where o.failure.kind == .host && o.incident.peakDegradedBytes > 0 {
            blocks.append(.chart(.line(recoveryChart(o))))
        }
        blocks.append(.findings(findings()))
        return ReportSection(id: "failures", title: "Failures", blocks: blocks)
    }

    /// Degraded and misplaced GiB over hours since the failure.
    func recoveryChart(_ o: FailureOutcome) -> LineChart {
        let gib = Double(1 << 30)
        func series(_ name: String, _ value: (FailureOutcome.Point) -> UInt64) -> LineChart.Series {
            LineChart.Series(
                name: name,
                points: o.timeline.map { LineChart.Point(x: Self.hours($0.time), y: Double(value($0)) / gib) },
                filled: true)
        }
        let id = "recovery-" + String(o.failure.target.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
        return LineChart(
            id: id, title: "Recovery after \(o.failure.label) fails",
            xAxis: ChartAxis(label: "time since the failure", unit: "h"),
            yAxis: ChartAxis(label: "data", unit: "GiB"),
            series: [series("degraded", \.degradedBytes), series("misplaced", \.misplacedBytes)],
            xDecimals: 2, yDecimals: 2)
    }

    /// What the failures trigger, each with its figure: data loss, inactive PGs, recovery
    /// that cannot finish within the full ratios, long recovery, monitor quorum lost.
    public func findings() -> [Finding] {
        var out: [Finding] = []
        for o in outcomes {
            let i = o.incident
            let label = o.failure.label
            if i.lostPGs > 0 {
                out.append(Finding(
                    .critical, code: "FAILURE_LOSES_DATA",
                    message: "Losing \(label) loses data: raise the size of the pools it holds, or spread their copies over more failure domains.",
                    trigger: "\(i.lostPGs) PGs lost every copy"))
            }
            if i.worstInactivePGs > 0 {
                let pools = o.inactivePools.isEmpty ? "" : " in " + o.inactivePools.joined(separator: ", ")
                out.append(Finding(
                    .critical, code: "FAILURE_PGS_INACTIVE",
                    message: "Losing \(label) stops I/O to PGs\(pools): fewer than min_size copies stay; keep size ≥ min_size + 1 copies on separate hosts.",
                    trigger: "\(i.worstInactivePGs) PGs inactive at worst"))
            }
            if o.backfillTooFull && !o.reReplication.done {
                out.append(Finding(
                    .critical, code: "RECOVERY_TOOFULL",
                    message: "After losing \(label), Ceph cannot rebuild every copy within the full ratios: add capacity so the surviving OSDs hold the failed one's data below the backfillfull ratio.",
                    trigger: "backfill_toofull; \(CapacityFormat.bytes(o.final.degradedBytes)) still degraded at the end"))
            }
            if let after = i.activeCleanAfter, after > Self.longRecovery {
                out.append(Finding(
                    .warning, code: "RECOVERY_SLOW",
                    message: "Recovery after losing \(label) takes more than a day, with the data one failure from loss meanwhile: faster disks or links, more OSDs to share the work, or a higher osd_max_backfills.",
                    trigger: "active+clean after \(Self.timeText(after)) > \(Self.timeText(Self.longRecovery))"))
            }
            if i.monQuorumLost {
                out.append(quorumFinding(o))
            }
        }
        return out
    }

    /// The monitors a failure takes out, and what to do when they were a majority.
    func quorumFinding(_ o: FailureOutcome) -> Finding {
        let mons = scenario.ceph.mons
        let lost = mons.filter { o.failure.hosts.contains($0) }
        let needed = mons.count / 2 + 1
        var message = "Losing \(o.failure.label) stops the Ceph monitors and with them every client's I/O and all recovery"
        if o.failure.kind == .rack {
            message += ": run a fifth monitor outside the racks (on an Edge host) so either rack's loss leaves a majority, or move one monitor out of \(o.failure.target) so it holds fewer than half."
        } else {
            message += ": run 3 or 5 monitors on different hosts."
        }
        return Finding(
            o.failure.kind == .rack ? .warning : .critical, code: "FAILURE_MON_QUORUM_LOST", message: message,
            trigger: "\(o.failure.target) holds \(lost.count) of \(mons.count) monitors (\(lost.joined(separator: ", "))); quorum needs \(needed)")
    }

    static func hours(_ d: Duration) -> Double {
        let (seconds, atto) = d.components
        return (Double(seconds) + Double(atto) / 1e18) / 3600
    }

    static func timeText(_ d: Duration) -> String { Duration.seconds(d.components.seconds).scenarioText }

    static func time(_ d: Duration?) -> ReportTable.Cell {
        guard let d else { return ReportTable.Cell("never") }
        return ReportTable.Cell(timeText(d), value: .integer(d.components.seconds))
    }
}
