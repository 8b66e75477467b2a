/// A chart's data as a table, for the formats that cannot draw (text, Markdown): a bar chart's
/// bars, or a line chart's points at up to `tableRows` x values (evenly spaced over the union
/// of the series' x values, the last always kept).
enum ChartDataTable {
    /// The data table captioned "Chart: TITLE (x: …, y: …)".
    static func captioned(_ chart: Chart) -> ReportTable {
        var table = table(chart)
        table.caption = "Chart: \(chart.title) (x: \(chart.xAxis.title), y: \(chart.yAxis.title))"
        return table
    }

    /// "nearfull 85, full 95", or nil without thresholds.
    static func thresholdList(_ chart: Chart) -> String? {
        chart.thresholds.isEmpty ? nil : chart.thresholds.map { "\($0.label) \(FixedDecimal.compact($0.value))" }.joined(separator: ", ")
    }

    static func table(_ chart: Chart) -> ReportTable {
        switch chart {
        case .bar(let c):
            var columns = [ReportTable.Column(c.xAxis.title, key: "label")]
            let grouped = !c.groups.isEmpty
            if grouped { columns.append(ReportTable.Column("group", key: "group")) }
            columns.append(ReportTable.Column(c.yAxis.title, key: "value", alignment: .right))
            let rows = c.bars.map { bar -> [ReportTable.Cell] in
                var row: [ReportTable.Cell] = [ReportTable.Cell(bar.label)]
                if grouped { row.append(ReportTable.Cell(bar.group ?? "")) }
                row.append(ReportTable.Cell(FixedDecimal.text(bar.value, decimals: c.decimals)))
                return row
            }
            return ReportTable(caption: c.title, columns: columns, rows: rows)
        case .line(let c):
            var xs: [Double] = []
            for series in c.series { xs.append(contentsOf: series.points.map(\.x)) }
            xs.sort()
            var unique: [Double] = []
            for x in xs where unique.last != x { unique.append(x) }
            let shown = sample(unique, count: c.tableRows)
            var columns = [ReportTable.Column(c.xAxis.title, key: "x", alignment: .right)]
            for (index, series) in c.series.enumerated() {
                columns.append(ReportTable.Column("\(series.name) (\(c.yAxis.unit))", key: "y\(index)", alignment: .right))
            }
            let rows = shown.map { x -> [ReportTable.Cell] in
                var row = [ReportTable.Cell(FixedDecimal.text(x, decimals: c.xDecimals))]
                for series in c.series {
                    let y = series.points.first(where: { $0.x == x })?.y
                    row.append(ReportTable.Cell(y.map { FixedDecimal.text($0, decimals: c.yDecimals) } ?? ""))
                }
                return row
            }
            return ReportTable(caption: c.title, columns: columns, rows: rows)
        }
    }

    /// Up to `count` elements evenly spread over `values`, first and last included.
    static func sample(_ values: [Double], count: Int) -> [Double] {
        guard values.count > count, count >= 2 else { return values }
        var out: [Double] = []
        for i in 0..<count {
            let index = i * (values.count - 1) / (count - 1)
            if out.last != values[index] { out.append(values[index]) }
        }
        return out
    }
}
