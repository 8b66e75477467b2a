import CRUSH
import Placement

extension ScenarioReport {
    /// Section 3: `ceph osd df tree` — every bucket of the CRUSH hierarchy (shadow trees left
    /// out) with the sums of the OSDs under it, then each OSD: size, %USE, VAR, PGs — and the
    /// OSD utilisation chart.
    public func osdSection() -> ReportSection {
        let u = plan.utilization
        let crush = plan.input.crush
        var table = ReportTable(
            caption: "OSDs (ceph osd df tree)",
            columns: [
                .init("ID", key: "id", alignment: .right), .init("CLASS", key: "class"),
                .init("WEIGHT", key: "weight", alignment: .right), .init("REWEIGHT", key: "reweight", alignment: .right),
                .init("SIZE", key: "size", alignment: .right, unit: "bytes"),
                .init("RAW USE", key: "raw_use", alignment: .right, unit: "bytes"),
                .init("DATA", key: "data", alignment: .right, unit: "bytes"),
                .init("AVAIL", key: "avail", alignment: .right, unit: "bytes"),
                .init("%USE", key: "percent_use", alignment: .right, unit: "percent"),
                .init("VAR", key: "var", alignment: .right), .init("PGS", key: "pgs", alignment: .right),
                .init("STATUS", key: "status"), .init("TYPE NAME", key: "type_name"),
            ])
        var rowOf: [Int32: OSDUtilization.Row] = [:]
        for row in u.rows { rowOf[row.osd] = row }

        // Sums per bucket over the OSD lines below it.
        let items = crush.crushTreeItems().filter { !crush.isShadow($0.id) && !($0.parent != 0 && crush.isShadow($0.parent)) }
        var sums = [(size: UInt64, used: UInt64, data: UInt64, avail: UInt64)](repeating: (0, 0, 0, 0), count: items.count)
        var stack: [Int] = []
        for (index, item) in items.enumerated() {
            while let last = stack.last, items[last].depth >= item.depth { stack.removeLast() }
            if item.id >= 0, let row = rowOf[item.id] {
                for b in stack {
                    sums[b].size &+= row.sizeBytes
                    sums[b].used &+= row.rawUseBytes
                    sums[b].data &+= row.dataBytes
                    sums[b].avail &+= row.availBytes
                }
            }
            if item.id < 0 { stack.append(index) }
        }
        var listed = Set<Int32>()
        for (index, item) in items.enumerated() {
            let indent = String(repeating: "    ", count: item.depth)
            if item.id < 0 {
                let s = sums[index]
                let util = s.size > 0 ? 100 * Double(s.used) / Double(s.size) : 0
                let variance = u.averageUtilization != 0 ? util / u.averageUtilization : 1
                let type = crush.bucket(id: item.id).flatMap { crush.typeNames[Int32($0.type)] } ?? "bucket"
                table.rows.append([
                    .integer(item.id), "", ReportTable.Cell(CapacityFormat.weight(item.weight)), "",
                    ReportFigures.bytes(s.size), ReportFigures.bytes(s.used), ReportFigures.bytes(s.data),
                    ReportFigures.bytes(s.avail), percentCell(util), varCell(variance), "", "",
                    ReportTable.Cell(indent + type + " " + (crush.itemNames[item.id] ?? "\(item.id)")),
                ])
            } else if let row = rowOf[item.id] {
                listed.insert(item.id)
                table.rows.append(osdRow(row, weight: item.weight, name: indent + "osd.\(row.osd)"))
            }
        }
        for row in u.rows where !listed.contains(row.osd) {
            table.rows.append(osdRow(row, weight: row.crushWeight, name: "osd.\(row.osd)"))
        }
        table.rows.append([
            "", "", "", "TOTAL", ReportFigures.bytes(u.totalSize), ReportFigures.bytes(u.totalRawUse),
            ReportFigures.bytes(u.totalData), ReportFigures.bytes(u.totalAvail), percentCell(u.averageUtilization), "", "", "", "",
        ])
        return ReportSection(
            id: "osds", title: "OSDs",
            blocks: [
                .table(table),
                .paragraph(u.summaryLine + ". %USE and VAR as ceph osd df computes them; PGS counts the PG replicas and "
                    + "shards the OSD holds. A bucket's line sums the OSDs below it."),
                .chart(.bar(utilisationChart())),
                .paragraph("Weights that cannot be used: a host's disks beyond what its failure domain lets CRUSH fill."),
                .findings(unusableFindings()),
            ])
    }

    /// One finding per host whose class capacity exceeds what its pools can place on it.
    func unusableFindings() -> [Finding] {
        let list = UnusableCapacity.find(plan: plan)
        guard !list.isEmpty else {
            return [Finding(.ok, code: "WEIGHTS_USABLE", message: "Every host's capacity can be filled: no host holds more of a class than its pools can place on one host.",
                trigger: "no host over 1/n of its class")]
        }
        return list.map { u in
            Finding(
                .warning, code: "UNUSABLE_WEIGHT",
                message: "\(u.host) holds \(ReportFigures.percentText(u.share * 100)) of the \(u.deviceClass) capacity, but \(u.pool) puts at most 1 of its \(u.placements) copies or shards on a host: about \(CapacityFormat.bytes(u.unusableBytes)) of \(u.host)'s \(u.deviceClass) disks stays empty when the other hosts are full.",
                trigger: "share \(ReportFigures.percentText(u.share * 100)) > 1/\(u.placements) = \(ReportFigures.percentText(u.cap * 100)); \(CapacityFormat.bytes(u.hostBytes)) on \(u.host)")
        }
    }

    private func osdRow(_ row: OSDUtilization.Row, weight: Float, name: String) -> [ReportTable.Cell] {
        [
            .integer(row.osd), ReportTable.Cell(row.deviceClass), ReportTable.Cell(CapacityFormat.weight(weight)),
            ReportTable.Cell(CapacityFormat.weight(row.reweight)), ReportFigures.bytes(row.sizeBytes),
            ReportFigures.bytes(row.rawUseBytes), ReportFigures.bytes(row.dataBytes), ReportFigures.bytes(row.availBytes),
            percentCell(row.utilization), varCell(row.variance), .integer(row.pgs),
            ReportTable.Cell(row.isUp ? "up" : "down"), ReportTable.Cell(name),
        ]
    }

    private func percentCell(_ p: Double) -> ReportTable.Cell {
        ReportTable.Cell(CapacityFormat.lowPrecision(p), value: .decimal(p, decimals: 2))
    }

    private func varCell(_ v: Double) -> ReportTable.Cell {
        ReportTable.Cell(CapacityFormat.lowPrecision(v), value: .decimal(v, decimals: 2))
    }

    /// %USE per OSD, coloured by device class, with the fullness ratios; for more than 48 OSDs
    /// a histogram of OSD counts in 5-point %USE bins.
    func utilisationChart() -> BarChart {
        let ratios = plan.input.ratios
        let rows = plan.utilization.rows.sorted { $0.osd < $1.osd }
        if rows.count > 48 {
            var counts = [Int](repeating: 0, count: 20)
            for row in rows { counts[min(19, max(0, Int(row.utilization / 5)))] += 1 }
            return BarChart(
                id: "osd-utilisation", title: "OSD utilisation distribution",
                xAxis: ChartAxis(label: "%USE bin", unit: "%"), yAxis: ChartAxis(label: "OSDs", unit: "count"),
                bars: counts.enumerated().map { BarChart.Bar(label: "\($0.offset * 5)–\($0.offset * 5 + 5)", value: Double($0.element)) },
                decimals: 0)
        }
        return BarChart(
            id: "osd-utilisation", title: "OSD utilisation distribution",
            xAxis: ChartAxis(label: "OSD", unit: ""), yAxis: ChartAxis(label: "%USE", unit: "%"),
            bars: rows.map { BarChart.Bar(label: "osd.\($0.osd)", value: $0.utilization, group: $0.deviceClass.isEmpty ? nil : $0.deviceClass) },
            thresholds: [
                ChartThreshold(label: "nearfull", value: Double(ratios.nearFull) * 100),
                ChartThreshold(label: "backfillfull", value: Double(ratios.backfillFull) * 100),
                ChartThreshold(label: "full", value: Double(ratios.full) * 100),
            ])
    }
}
