import Foundation
import Reports
import Simulation

/// Reports the tests render: the default scenario's, and a small hand-made document that uses
/// every block kind.
enum ReportFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A scenario file of the repository, loaded as `collective` loads it.
    static func scenario(_ relativePath: String) throws -> Scenario {
        let text = try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
        return try Scenario(yaml: text, file: relativePath) { path in
            FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
        }
    }

    static func defaultReport() throws -> Report {
        ScenarioReport(scenario: try scenario("scenarios/borg-collective.yaml")).documentWithFailures()
    }

    /// Every block kind, and text that needs escaping in every format (`|`, `<`, `&`, `"`,
    /// `*`, a newline).
    static let handMade = Report(
        title: "Hand <made> & \"quoted\"",
        subtitle: "a | b * c",
        sections: [
            ReportSection(id: "one", title: "First", blocks: [
                .paragraph("Line one\nline two with | pipe and <tag>."),
                .table(ReportTable(
                    caption: "Sizes",
                    columns: [.init("NAME", key: "name"), .init("SIZE", key: "size", alignment: .right, unit: "bytes")],
                    rows: [
                        ["a", ReportTable.Cell("1", value: .integer(1))],
                        ["b|c", ReportTable.Cell("1234", value: .integer(1234))],
                        ["long name here", ReportTable.Cell("12.50", value: .decimal(12.5, decimals: 2))],
                    ])),
            ]),
            ReportSection(id: "two", title: "Second", blocks: [
                .chart(.bar(BarChart(
                    id: "bars", title: "Bars", xAxis: ChartAxis(label: "item", unit: ""),
                    yAxis: ChartAxis(label: "value", unit: "%"),
                    bars: [.init(label: "x", value: 10, group: "g1"), .init(label: "y", value: 42.5, group: "g2")],
                    thresholds: [ChartThreshold(label: "limit", value: 40)]))),
                .chart(.line(LineChart(
                    id: "lines", title: "Lines", xAxis: ChartAxis(label: "time", unit: "h"),
                    yAxis: ChartAxis(label: "degraded", unit: "GiB"),
                    series: [
                        .init(name: "a", points: (0...30).map { .init(x: Double($0), y: Double(30 - $0) * 1.5) }, filled: true),
                        .init(name: "b", points: [.init(x: 0, y: 5), .init(x: 10, y: 0)]),
                    ]))),
                .findings([
                    Finding(.warning, code: "W_ONE", message: "Do *this*.", trigger: "x = 3 > 2"),
                    Finding(.ok, code: "FINE", message: "All good.", trigger: "y = 0"),
                ]),
            ]),
        ])
}
