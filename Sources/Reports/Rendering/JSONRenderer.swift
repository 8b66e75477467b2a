import CRUSH

/// The report as JSON in the shape `docs/report.schema.json` documents (`schema`
/// "collective-report", `version` 1): members in a fixed order, two-space indentation, arrays of
/// plain values on one line, numbers with the fixed decimals of the text (`ReportValue`), so the
/// same report gives the same bytes. Built as CRUSH's ordered `JSONValue`, written here.
enum JSONRenderer {
    /// Bumped with any change to the shape docs/report.schema.json describes.
    static let version = 1

    static func render(_ report: Report) -> String {
        write(document(report), indent: 0) + "\n"
    }

    static func document(_ report: Report) -> JSONValue {
        .object([
            member("schema", .string("collective-report")),
            member("version", number("\(version)")),
            member("title", .string(report.title)),
            member("subtitle", report.subtitle.map { .string($0) } ?? .null),
            member("sections", .array(report.sections.map { section in
                .object([
                    member("id", .string(section.id)),
                    member("title", .string(section.title)),
                    member("blocks", .array(section.blocks.map(block))),
                ])
            })),
        ])
    }

    static func block(_ block: ReportBlock) -> JSONValue {
        switch block {
        case .paragraph(let text):
            return .object([member("type", .string("paragraph")), member("text", .string(text))])
        case .table(let table):
            return .object([
                member("type", .string("table")),
                member("caption", table.caption.map { .string($0) } ?? .null),
                member("columns", .array(table.columns.map { column in
                    .object([
                        member("key", .string(column.key)),
                        member("title", .string(column.title)),
                        member("align", .string(column.alignment.rawValue)),
                        member("unit", column.unit.map { .string($0) } ?? .null),
                    ])
                })),
                member("rows", .array(table.rows.map { row in
                    .array(row.map { cell in
                        var members = [member("text", .string(cell.text))]
                        if let value = cell.value { members.append(member("value", number(value.jsonText))) }
                        return .object(members)
                    })
                })),
            ])
        case .chart(let chart):
            return .object([member("type", .string("chart")), member("chart", self.chart(chart))])
        case .findings(let findings):
            return .object([
                member("type", .string("findings")),
                member("findings", .array(findings.map { f in
                    .object([
                        member("severity", .string(f.severity.rawValue)),
                        member("code", .string(f.code)),
                        member("message", .string(f.message)),
                        member("trigger", .string(f.trigger)),
                    ])
                })),
            ])
        }
    }

    static func chart(_ chart: Chart) -> JSONValue {
        func axis(_ a: ChartAxis) -> JSONValue {
            .object([member("label", .string(a.label)), member("unit", .string(a.unit))])
        }
        func thresholds(_ list: [ChartThreshold], _ decimals: Int) -> JSONValue {
            .array(list.map { t in
                .object([member("label", .string(t.label)), member("value", decimal(t.value, decimals))])
            })
        }
        switch chart {
        case .bar(let c):
            return .object([
                member("id", .string(c.id)),
                member("kind", .string("bar")),
                member("title", .string(c.title)),
                member("x_axis", axis(c.xAxis)),
                member("y_axis", axis(c.yAxis)),
                member("thresholds", thresholds(c.thresholds, c.decimals)),
                member("bars", .array(c.bars.map { bar in
                    .object([
                        member("label", .string(bar.label)),
                        member("value", decimal(bar.value, c.decimals)),
                        member("group", bar.group.map { .string($0) } ?? .null),
                    ])
                })),
            ])
        case .line(let c):
            return .object([
                member("id", .string(c.id)),
                member("kind", .string("line")),
                member("title", .string(c.title)),
                member("x_axis", axis(c.xAxis)),
                member("y_axis", axis(c.yAxis)),
                member("thresholds", thresholds(c.thresholds, c.yDecimals)),
                member("series", .array(c.series.map { s in
                    .object([
                        member("name", .string(s.name)),
                        member("filled", .bool(s.filled)),
                        member("points", .array(s.points.map { p in
                            .array([decimal(p.x, c.xDecimals), decimal(p.y, c.yDecimals)])
                        })),
                    ])
                })),
            ])
        }
    }

    private static func member(_ key: String, _ value: JSONValue) -> JSONMember {
        JSONMember(key: key, value: value)
    }

    private static func number(_ text: String) -> JSONValue {
        text == "null" ? .null : .number(JSONNumber(text: text))
    }

    private static func decimal(_ value: Double, _ decimals: Int) -> JSONValue {
        number(ReportValue.decimal(value, decimals: decimals).jsonText)
    }

    /// Pretty JSON: objects and arrays of containers one member per line; arrays of scalars on
    /// one line.
    static func write(_ value: JSONValue, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.text
        case .string(let s): return JSONString.quoted(s)
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            if elements.allSatisfy(isScalar) {
                return "[" + elements.map { write($0, indent: 0) }.joined(separator: ", ") + "]"
            }
            return "[\n" + elements.map { pad + write($0, indent: indent + 1) }.joined(separator: ",\n") + "\n" + closePad + "]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { pad + JSONString.quoted($0.key) + ": " + write($0.value, indent: indent + 1) }
                .joined(separator: ",\n") + "\n" + closePad + "}"
        }
    }

    private static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: false
        default: true
        }
    }

}
