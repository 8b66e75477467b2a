/// Draws a `Chart` as inline SVG (a fixed 760 × 360 view box that scales with the page): a
/// plot area with a y axis of nice ticks and grid lines, an x axis (categories for bars, nice
/// ticks for lines), axis titles with units, dashed threshold lines with their labels, and a
/// legend. Coordinates are printed with one decimal; colours come from a fixed palette; nothing
/// depends on the machine.
enum SVGChart {
    static let width = 760.0
    static let height = 360.0
    static let left = 72.0
    static let right = 120.0
    static let top = 52.0
    static let bottom = 64.0
    /// Colour-blind-safe palette (Okabe–Ito), in order of use.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
    static let thresholdColours = ["#D55E00", "#B00020", "#7F0000"]

    static func render(_ chart: Chart) -> String {
        switch chart {
        case .bar(let c): bar(c)
        case .line(let c): line(c)
        }
    }

    // MARK: bars

    static func bar(_ c: BarChart) -> String {
        let maximum = max(c.bars.map(\.value).max() ?? 0, c.thresholds.map(\.value).max() ?? 0)
        let y = AxisScale(minimum: 0, maximum: maximum)
        var out = open(id: c.id, title: c.title, description: "\(c.bars.count) bars; y: \(c.yAxis.title)")
        out += yAxis(y, title: c.yAxis.title)
        let plotWidth = width - left - right
        let slot = plotWidth / Double(max(c.bars.count, 1))
        let barWidth = slot * 0.7
        let groups = c.groups
        let rotate = c.bars.count > 10
        out += "<g class=\"bars\">"
        for (index, bar) in c.bars.enumerated() {
            let x0 = left + Double(index) * slot + (slot - barWidth) / 2
            let yTop = y.position(bar.value, from: height - bottom, to: top)
            let colour = palette[(bar.group.flatMap { groups.firstIndex(of: $0) } ?? 0) % palette.count]
            out += "<rect class=\"bar\" x=\"\(n(x0))\" y=\"\(n(yTop))\" width=\"\(n(barWidth))\" height=\"\(n(height - bottom - yTop))\" fill=\"\(colour)\">"
            out += "<title>\(escape(bar.label)): \(FixedDecimal.text(bar.value, decimals: c.decimals)) \(escape(c.yAxis.unit))</title></rect>"
            let cx = left + (Double(index) + 0.5) * slot
            if rotate {
                out += "<text class=\"tick\" x=\"\(n(cx))\" y=\"\(n(height - bottom + 12))\" text-anchor=\"end\" transform=\"rotate(-45 \(n(cx)) \(n(height - bottom + 12)))\">\(escape(bar.label))</text>"
            } else {
                out += "<text class=\"tick\" x=\"\(n(cx))\" y=\"\(n(height - bottom + 16))\" text-anchor=\"middle\">\(escape(bar.label))</text>"
            }
        }
        out += "</g>"
        out += xAxisLine()
        out += "<text class=\"axis-title\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 8))\" text-anchor=\"middle\">\(escape(c.xAxis.title))</text>"
        out += thresholds(c.thresholds, scale: y, unit: c.yAxis.unit)
        out += legend(groups.enumerated().map { ($0.element, palette[$0.offset % palette.count], false) })
        return out + "</svg>"
    }

    // MARK: lines

    static func line(_ c: LineChart) -> String {
        let xs = c.series.flatMap { $0.points.map(\.x) }
        let ys = c.series.flatMap { $0.points.map(\.y) } + c.thresholds.map(\.value)
        let x = AxisScale(minimum: xs.min() ?? 0, maximum: xs.max() ?? 1, targetTicks: 8)
        let y = AxisScale(minimum: 0, maximum: ys.max() ?? 1)
        let plotWidth = width - left - right
        var out = open(id: c.id, title: c.title, description: "\(c.series.count) series; x: \(c.xAxis.title); y: \(c.yAxis.title)")
        out += yAxis(y, title: c.yAxis.title)
        out += "<g class=\"x-ticks\">"
        for tick in x.ticks {
            let px = x.position(tick, from: left, to: width - right)
            out += "<line class=\"tick-mark\" x1=\"\(n(px))\" y1=\"\(n(height - bottom))\" x2=\"\(n(px))\" y2=\"\(n(height - bottom + 5))\"/>"
            out += "<text class=\"tick\" x=\"\(n(px))\" y=\"\(n(height - bottom + 18))\" text-anchor=\"middle\">\(FixedDecimal.compact(tick))</text>"
        }
        out += "</g>"
        out += xAxisLine()
        out += "<text class=\"axis-title\" x=\"\(n(left + plotWidth / 2))\" y=\"\(n(height - 20))\" text-anchor=\"middle\">\(escape(c.xAxis.title))</text>"
        out += "<g class=\"series\">"
        for (index, series) in c.series.enumerated() where !series.points.isEmpty {
            let colour = palette[index % palette.count]
            let coordinates = series.points.map {
                "\(n(x.position($0.x, from: left, to: width - right))),\(n(y.position($0.y, from: height - bottom, to: top)))"
            }
            if series.filled, let first = series.points.first, let last = series.points.last {
                let base = n(height - bottom)
                let area = ["\(n(x.position(first.x, from: left, to: width - right))),\(base)"] + coordinates
                    + ["\(n(x.position(last.x, from: left, to: width - right))),\(base)"]
                out += "<polygon class=\"area\" points=\"\(area.joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.25\" stroke=\"none\"/>"
            }
            out += "<polyline class=\"line\" points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"><title>\(escape(series.name))</title></polyline>"
        }
        out += "</g>"
        out += thresholds(c.thresholds, scale: y, unit: c.yAxis.unit)
        out += legend(c.series.enumerated().map { ($0.element.name, palette[$0.offset % palette.count], $0.element.filled) })
        return out + "</svg>"
    }

    // MARK: parts

    private static func open(id: String, title: String, description: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg\" id=\"chart-\(escape(id))\" data-chart=\"\(escape(id))\""
            + " viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-labelledby=\"chart-\(escape(id))-title chart-\(escape(id))-desc\">"
            + "<title id=\"chart-\(escape(id))-title\">\(escape(title))</title><desc id=\"chart-\(escape(id))-desc\">\(escape(description))</desc>"
            + "<text class=\"chart-title\" x=\"\(n(left))\" y=\"20\">\(escape(title))</text>"
    }

    private static func yAxis(_ y: AxisScale, title: String) -> String {
        var out = "<g class=\"y-axis\">"
        for tick in y.ticks {
            let py = y.position(tick, from: height - bottom, to: top)
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(py))\" x2=\"\(n(width - right))\" y2=\"\(n(py))\"/>"
            out += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(py + 4))\" text-anchor=\"end\">\(FixedDecimal.compact(tick))</text>"
        }
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(height - bottom))\"/>"
        let cy = (top + height - bottom) / 2
        out += "<text class=\"axis-title\" x=\"16\" y=\"\(n(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(cy)))\">\(escape(title))</text>"
        return out + "</g>"
    }

    private static func xAxisLine() -> String {
        "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(height - bottom))\" x2=\"\(n(width - right))\" y2=\"\(n(height - bottom))\"/>"
    }

    private static func thresholds(_ list: [ChartThreshold], scale: AxisScale, unit: String) -> String {
        guard !list.isEmpty else { return "" }
        var out = "<g class=\"thresholds\">"
        for (index, t) in list.enumerated() {
            let py = scale.position(t.value, from: height - bottom, to: top)
            let colour = thresholdColours[index % thresholdColours.count]
            out += "<line class=\"threshold\" x1=\"\(n(left))\" y1=\"\(n(py))\" x2=\"\(n(width - right))\" y2=\"\(n(py))\" stroke=\"\(colour)\" stroke-dasharray=\"6 4\"/>"
            out += "<text class=\"threshold-label\" x=\"\(n(width - right + 4))\" y=\"\(n(py + 4))\" fill=\"\(colour)\">\(escape(t.label)) \(FixedDecimal.compact(t.value))\(escape(unit))</text>"
        }
        return out + "</g>"
    }

    private static func legend(_ entries: [(name: String, colour: String, filled: Bool)]) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"legend\">"
        var x = left
        for entry in entries {
            out += "<rect x=\"\(n(x))\" y=\"\(n(top - 22))\" width=\"10\" height=\"10\" fill=\"\(entry.colour)\"/>"
            out += "<text class=\"legend-label\" x=\"\(n(x + 14))\" y=\"\(n(top - 13))\">\(escape(entry.name))</text>"
            x += 24 + Double(entry.name.count) * 6.5
        }
        return out + "</g>"
    }

    /// A coordinate with one decimal.
    static func n(_ value: Double) -> String { FixedDecimal.text(value, decimals: 1) }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
