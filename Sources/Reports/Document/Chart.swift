/// A chart of a report, described by its data (renderers draw it: HTML as inline SVG, text and
/// Markdown as the table of its data, JSON as the data itself).
public enum Chart: Sendable, Equatable {
    case bar(BarChart)
    case line(LineChart)

    /// Stable id (HTML `id`, JSON `id`): lowercase letters, digits and `-`.
    public var id: String {
        switch self {
        case .bar(let c): c.id
        case .line(let c): c.id
        }
    }

    public var title: String {
        switch self {
        case .bar(let c): c.title
        case .line(let c): c.title
        }
    }

    public var xAxis: ChartAxis {
        switch self {
        case .bar(let c): c.xAxis
        case .line(let c): c.xAxis
        }
    }

    public var yAxis: ChartAxis {
        switch self {
        case .bar(let c): c.yAxis
        case .line(let c): c.yAxis
        }
    }

    public var thresholds: [ChartThreshold] {
        switch self {
        case .bar(let c): c.thresholds
        case .line(let c): c.thresholds
        }
    }
}

/// An axis: what it measures and in which unit ("utilisation", "%"; "time", "days").
public struct ChartAxis: Sendable, Equatable {
    public var label: String
    public var unit: String

    public init(label: String, unit: String) {
        self.label = label
        self.unit = unit
    }

    /// "label (unit)", as axis titles read.
    public var title: String { unit.isEmpty ? label : "\(label) (\(unit))" }
}

/// A horizontal line across a chart at a value of the y axis (the nearfull ratio, say).
public struct ChartThreshold: Sendable, Equatable {
    public var label: String
    public var value: Double

    public init(label: String, value: Double) {
        self.label = label
        self.value = value
    }
}

/// Vertical bars, one per category, on a y axis from 0: a histogram when the categories are
/// bins, or one bar per item (an OSD's %USE). A bar may carry a group (its device class) that
/// colours it.
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// Bars of one group share a colour and a legend entry; nil: no legend.
        public var group: String?

        public init(label: String, value: Double, group: String? = nil) {
            self.label = label
            self.value = value
            self.group = group
        }
    }

    public var id: String
    public var title: String
    /// The categories' axis (its unit may be empty) and the values' axis.
    public var xAxis: ChartAxis
    public var yAxis: ChartAxis
    public var bars: [Bar]
    public var thresholds: [ChartThreshold]
    /// Decimals of the values in data tables and JSON.
    public var decimals: Int

    public init(
        id: String, title: String, xAxis: ChartAxis, yAxis: ChartAxis, bars: [Bar],
        thresholds: [ChartThreshold] = [], decimals: Int = 2
    ) {
        self.id = id
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.bars = bars
        self.thresholds = thresholds
        self.decimals = decimals
    }

    /// The groups in order of first appearance.
    public var groups: [String] {
        var seen: [String] = []
        for bar in bars { if let g = bar.group, !seen.contains(g) { seen.append(g) } }
        return seen
    }
}

/// Series of (x, y) points joined by lines, optionally filled down to the x axis (an area: the
/// degraded bytes of a recovery timeline), with horizontal thresholds; both axes linear, the y
/// axis from 0.
public struct LineChart: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    public struct Series: Sendable, Equatable {
        public var name: String
        public var points: [Point]
        /// Fill the area under the line.
        public var filled: Bool

        public init(name: String, points: [Point], filled: Bool = false) {
            self.name = name
            self.points = points
            self.filled = filled
        }
    }

    public var id: String
    public var title: String
    public var xAxis: ChartAxis
    public var yAxis: ChartAxis
    public var series: [Series]
    public var thresholds: [ChartThreshold]
    /// Decimals of x and y in data tables and JSON.
    public var xDecimals: Int
    public var yDecimals: Int
    /// At most this many rows when text or Markdown lists the data (evenly spaced points, the
    /// last one always included); JSON and the SVG use every point.
    public var tableRows: Int

    public init(
        id: String, title: String, xAxis: ChartAxis, yAxis: ChartAxis, series: [Series],
        thresholds: [ChartThreshold] = [], xDecimals: Int = 0, yDecimals: Int = 2, tableRows: Int = 12
    ) {
        self.id = id
        self.title = title
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.series = series
        self.thresholds = thresholds
        self.xDecimals = xDecimals
        self.yDecimals = yDecimals
        self.tableRows = tableRows
    }
}
