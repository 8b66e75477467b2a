import CRUSH
import Foundation
import Reports
import Testing

/// The four renderers: Markdown tables are tables, text columns line up, JSON keeps the
/// document, the same report gives the same bytes.
@Suite struct RendererTests {
    /// Every table and chart of the hand-made report becomes a GitHub table: a header row, a
    /// delimiter row with one `---`/`---:` per column (`---:` where the column is right-aligned),
    /// and rows with exactly as many cells, whose unescaped text is the cell's text.
    @Test func markdownTablesParseAsTables() throws {
        let report = ReportFixtures.handMade
        let tables = MarkdownTableParser.tables(in: ReportFormat.markdown.render(report))
        #expect(tables.count == 3)  // the table and the two charts' data
        let source = try #require(report.sections.first?.blocks.compactMap { b -> ReportTable? in
            if case .table(let t) = b { t } else { nil }
        }.first)
        let parsed = try #require(tables.first)
        #expect(parsed.header == source.columns.map(\.title))
        #expect(parsed.rightAligned == source.columns.map { $0.alignment == .right })
        #expect(parsed.rows == source.rows.map { $0.map(\.text) })
        for table in tables {
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
    }

    @Test func markdownOfTheDefaultReportHasEveryTable() throws {
        let report = try ReportFixtures.defaultReport()
        let expected = report.sections.flatMap(\.blocks).filter {
            switch $0 {
            case .table, .chart: true
            default: false
            }
        }.count
        let tables = MarkdownTableParser.tables(in: ReportFormat.markdown.render(report))
        #expect(tables.count == expected)
        for table in tables {
            #expect(!table.rows.isEmpty)
            #expect(table.rows.allSatisfy { $0.count == table.header.count })
        }
    }

    /// Text tables: in every line of a table, a left-aligned column starts at the same offset
    /// and a right-aligned one ends at the same offset (the header included).
    @Test func textColumnsLineUp() throws {
        let text = ReportFormat.text.render(ReportFixtures.handMade)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "Sizes:"))
        let table = Array(lines[(start + 1)...(start + 4)])
        #expect(table[0].hasPrefix("NAME"))
        // NAME starts at 0; SIZE's right edge is the end of every (trimmed) line.
        let ends = table.map { $0.count }
        #expect(Set(ends).count == 1, "\(table)")
        for (line, cell) in zip(table.dropFirst(), ["a", "b|c", "long name here"]) {
            #expect(line.hasPrefix(cell + " "))
        }
        // Two spaces separate the columns at the widest cell.
        #expect(table[3] == "long name here  12.50")
    }

    /// The JSON parses, validates against docs/report.schema.json, and carries the document:
    /// ids, titles, every cell's text and value.
    @Test(arguments: ["hand-made", "default"])
    func jsonValidatesAndCarriesTheDocument(which: String) throws {
        let report = which == "default" ? try ReportFixtures.defaultReport() : ReportFixtures.handMade
        let json = try JSONParser.parse(ReportFormat.json.render(report))
        let schemaText = try String(
            contentsOf: ReportFixtures.root.appendingPathComponent("docs/report.schema.json"), encoding: .utf8)
        let schema = try JSONParser.parse(schemaText)
        let problems = SchemaValidator(schema: schema).problems(json)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
        guard case .array(let sections)? = json["sections"] else {
            Issue.record("no sections")
            return
        }
        #expect(sections.count == report.sections.count)
        for (section, parsed) in zip(report.sections, sections) {
            #expect(parsed["id"] == .string(section.id))
            #expect(parsed["title"] == .string(section.title))
            for (block, parsedBlock) in zip(section.blocks, parsed["blocks"].map(elements) ?? []) {
                guard case .table(let table) = block else { continue }
                let rows = parsedBlock["rows"].map(elements) ?? []
                #expect(rows.count == table.rows.count)
                for (row, parsedRow) in zip(table.rows, rows) {
                    for (cell, parsedCell) in zip(row, elements(parsedRow)) {
                        #expect(parsedCell["text"] == .string(cell.text))
                        if case .boolean(let flag)? = cell.value {
                            #expect(parsedCell["value"] == .bool(flag))
                        } else if let value = cell.value {
                            #expect(parsedCell["value"] == .number(JSONNumber(text: value.jsonText)))
                        } else {
                            #expect(parsedCell["value"] == nil)
                        }
                    }
                }
            }
        }
    }

    /// The validator itself rejects what the schema forbids (so a passing validation means
    /// something).
    @Test func schemaValidatorRejectsBrokenDocuments() throws {
        let schemaText = try String(
            contentsOf: ReportFixtures.root.appendingPathComponent("docs/report.schema.json"), encoding: .utf8)
        let validator = SchemaValidator(schema: try JSONParser.parse(schemaText))
        let good = ReportFormat.json.render(ReportFixtures.handMade)
        for (from, to) in [
            ("\"version\": 1", "\"version\": 2"),
            ("\"severity\": \"warning\"", "\"severity\": \"bad\""),
            ("\"align\": \"right\"", "\"align\": 3"),
            ("\"kind\": \"bar\"", "\"kind\": \"pie\""),
            ("\"text\": \"1234\"", "\"txt\": \"1234\""),
        ] {
            let broken = good.replacingOccurrences(of: from, with: to)
            #expect(broken != good, "\(from)")
            #expect(!validator.problems(try JSONParser.parse(broken)).isEmpty, "\(to)")
        }
    }

    /// Rendering twice, from two separately computed reports, gives the same bytes.
    @Test(arguments: ReportFormat.allCases)
    func sameInputSameBytes(format: ReportFormat) throws {
        let first = format.render(try ReportFixtures.defaultReport())
        let second = format.render(try ReportFixtures.defaultReport())
        #expect(first == second)
        #expect(!first.isEmpty)
    }

    /// The HTML is self-contained: no script, no external reference, one inline SVG per chart.
    @Test func htmlIsSelfContained() throws {
        let report = try ReportFixtures.defaultReport()
        let html = ReportFormat.html.render(report)
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("<link"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        // The only URL is the SVG namespace.
        #expect(html.components(separatedBy: "http").count - 1 == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        #expect(html.components(separatedBy: "<svg ").count - 1 == report.charts.count)
    }

    /// Escaping: what a person wrote comes back, never as markup.
    @Test func textIsEscaped() {
        let report = ReportFixtures.handMade
        let html = ReportFormat.html.render(report)
        #expect(html.contains("Hand &lt;made&gt; &amp; &quot;quoted&quot;"))
        #expect(!html.contains("<made>"))
        let markdown = ReportFormat.markdown.render(report)
        #expect(markdown.contains("b\\|c"))
        #expect(markdown.contains("Do \\*this\\*."))
    }

    private func elements(_ value: JSONValue) -> [JSONValue] {
        if case .array(let e) = value { return e }
        return []
    }
}
