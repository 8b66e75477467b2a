import Placement
import Simulation

extension ScenarioReport {
    /// Section 2: each pool's type, redundancy, rule, PGs with the autoscaler's and pgcalc's
    /// advice, STORED, MAX AVAIL with its limiting OSD, %USED, growth and the days to nearfull
    /// and full; then the capacity projection chart.
    public func poolsSection() -> ReportSection {
        var pools = ReportTable(
            caption: "Pools and placement groups",
            columns: [
                .init("ID", key: "id", alignment: .right), .init("NAME", key: "name"), .init("TYPE", key: "type"),
                .init("SIZE", key: "size", alignment: .right), .init("MIN_SIZE", key: "min_size", alignment: .right),
                .init("RULE", key: "rule"), .init("PGS", key: "pgs", alignment: .right),
                .init("AUTOSCALE", key: "autoscale_pgs", alignment: .right),
                .init("PGCALC", key: "pgcalc_pgs", alignment: .right),
            ])
        var usage = ReportTable(
            caption: "Pool capacity and growth horizon (ceph df)",
            columns: [
                .init("NAME", key: "name"),
                .init("STORED", key: "stored", alignment: .right, unit: "bytes"),
                .init("MAX AVAIL", key: "max_avail", alignment: .right, unit: "bytes"),
                .init("LIMITED BY", key: "limiting_osd"),
                .init("%USED", key: "percent_used", alignment: .right, unit: "percent"),
                .init("GROWTH/DAY", key: "growth_per_day", alignment: .right, unit: "bytes"),
                .init("NEARFULL IN", key: "days_to_nearfull", alignment: .right, unit: "days"),
                .init("FULL IN", key: "days_to_full", alignment: .right, unit: "days"),
            ])
        for pool in plan.pools {
            let spec = pool.spec
            let type: String
            switch spec.kind {
            case .replicated: type = "replicated"
            case .erasure(let k, let m): type = "erasure k=\(k) m=\(m)"
            }
            let growing = plan.projection.osds.contains { pool.osds.contains($0.osd) && $0.growthPerDay > 0 }
            pools.rows.append([
                .integer(spec.id), ReportTable.Cell(spec.name), ReportTable.Cell(type), .integer(spec.size),
                .integer(spec.minSize), ReportTable.Cell(spec.rule), .integer(spec.pgNum),
                pool.autoscalerPGs.map { .integer($0) } ?? "-", .integer(pool.pgCalc.pgNum),
            ])
            usage.rows.append([
                ReportTable.Cell(spec.name),
                ReportFigures.bytes(pool.capacity.stored), ReportFigures.bytes(pool.capacity.maxAvail),
                ReportTable.Cell(pool.capacity.limitingOSD.map { "osd.\($0)" } ?? "-"),
                ReportFigures.percent(Double(pool.capacity.percentUsed) * 100),
                ReportFigures.bytes(spec.growthPerDay.bytes),
                ReportFigures.horizon(pool.nearFull, growing: growing), ReportFigures.horizon(pool.full, growing: growing),
            ])
        }
        let ratios = plan.input.ratios
        return ReportSection(
            id: "pools", title: "Pools",
            blocks: [
                .table(pools), .table(usage),
                .paragraph(
                    "MAX AVAIL and %USED are ceph df's (Ceph 16.2.15): what the pool can still take before the first OSD "
                        + "of its rule (LIMITED BY) reaches the full ratio. AUTOSCALE is the PG autoscaler's target "
                        + "(mon_target_pg_per_osd \(CapacityPlan.targetPGsPerOSD); \"-\" where it skips the pool); PGCALC is the classic pgcalc advice "
                        + "for the pool's share of the raw data on its OSDs."),
                .paragraph(
                    "NEARFULL IN and FULL IN: the first day an OSD the pool's rule uses is over the nearfull "
                        + "(\(ReportFigures.ratioPercent(ratios.nearFull))) or full (\(ReportFigures.ratioPercent(ratios.full))) ratio "
                        + "when every pool grows at its GROWTH/DAY at once (the whole cluster is projected, so pools sharing "
                        + "OSDs shrink each other's MAX AVAIL). Each OSD grows by its share of every pool's daily growth, "
                        + "placed PG by PG through the current mapping; the day is solved in closed form and checked "
                        + "against Ceph's own fullness test. Nothing is rebalanced and no hardware is added."),
                .chart(.line(projectionChart())),
            ])
    }

    /// The capacity projection: the fullest OSD of each device class, in %USE, day by day, with
    /// the nearfull, backfillfull and full ratios.
    func projectionChart() -> LineChart {
        let projection = plan.projection
        let ratios = plan.input.ratios
        let lastFull = plan.pools.compactMap { $0.full?.day }.max()
        var horizon = 365
        if let lastFull, lastFull > 0 {
            horizon = min(1825, max(90, ((lastFull + lastFull / 10) + 29) / 30 * 30))
        }
        let step = max(1, horizon / 150)
        var days = Array(stride(from: 0, through: horizon, by: step))
        if days.last != horizon { days.append(horizon) }
        var series: [LineChart.Series] = []
        for deviceClass in plan.deviceClasses {
            let trends = projection.osds.filter { $0.deviceClass == deviceClass && $0.sizeBytes > 0 }
            guard !trends.isEmpty else { continue }
            series.append(LineChart.Series(
                name: "fullest \(deviceClass) OSD",
                points: days.map { day in
                    LineChart.Point(x: Double(day), y: min(100, trends.map { $0.usedRatio(onDay: day) }.max()! * 100))
                }))
        }
        let sized = projection.osds.filter { $0.sizeBytes > 0 }
        let totalSize = sized.reduce(0.0) { $0 + Double($1.sizeBytes) }
        if totalSize > 0 {
            series.append(LineChart.Series(
                name: "all OSDs (raw)",
                points: days.map { day in
                    LineChart.Point(x: Double(day), y: min(100, sized.reduce(0.0) { $0 + Double($1.used(onDay: day)) } / totalSize * 100))
                }, filled: true))
        }
        return LineChart(
            id: "capacity-projection", title: "Capacity projection at the scenario's growth rates",
            xAxis: ChartAxis(label: "time", unit: "days"), yAxis: ChartAxis(label: "used", unit: "%"),
            series: series,
            thresholds: [
                ChartThreshold(label: "nearfull", value: Double(ratios.nearFull) * 100),
                ChartThreshold(label: "full", value: Double(ratios.full) * 100),
            ],
            xDecimals: 0, yDecimals: 2)
    }
}
