import Foundation
import Reports
import Testing

/// Renders the default scenario's HTML report in a real browser (Debian's `chromium`,
/// headless; `scripts/test` installs it) and checks that it loads without errors and that the
/// rendered DOM holds every section and every chart with its drawing.
///
/// Set `COLLECTIVE_SKIP_BROWSER_TESTS=1` to skip on purpose; without it a missing browser is
/// a failure, never a silent pass. `COLLECTIVE_CHROMIUM` names another binary.
@Suite struct HeadlessBrowserTests {
    static var skipRequested: Bool { ProcessInfo.processInfo.environment["COLLECTIVE_SKIP_BROWSER_TESTS"] == "1" }

    static var browser: String? {
        if let path = ProcessInfo.processInfo.environment["COLLECTIVE_CHROMIUM"] { return path }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the browser headless on `file` with `arguments`; returns (status, stdout, stderr).
    static func run(_ arguments: [String], file: URL) throws -> (Int32, String, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser!)
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("collective-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0",
        ] + arguments + [file.absoluteString]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the browser runs, so neither fills up.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.01) }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test(.disabled(if: skipRequested, "COLLECTIVE_SKIP_BROWSER_TESTS=1 skips the headless browser test"))
    func htmlReportRendersInChromium() throws {
        try check(try ReportFixtures.defaultReport())
        // Every block kind, escaping, an area chart (the recovery timelines' shape).
        try check(ReportFixtures.handMade)
    }

    func check(_ report: Report) throws {
        guard Self.browser != nil else {
            Issue.record("chromium not found: run scripts/test (it installs chromium) or set COLLECTIVE_SKIP_BROWSER_TESTS=1 to skip on purpose")
            return
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("collective-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try ReportFormat.html.render(report).write(to: page, atomically: true, encoding: .utf8)

        let (status, dom, log) = try Self.run(["--dump-dom"], file: page)
        #expect(status == 0, "chromium exit \(status): \(log.suffix(2000))")
        // Console messages (JavaScript errors, CSS or SVG problems the page reports) and failed
        // loads: a self-contained page has none.
        let problems = log.split(separator: "\n").filter {
            $0.contains(":CONSOLE") || $0.contains("net::ERR") || $0.contains("Failed to load")
        }
        #expect(problems.isEmpty, "\(problems)")

        // Every section, with its heading, in the parsed document.
        #expect(dom.contains("<h1>\(escape(report.title))</h1>"))
        for (index, section) in report.sections.enumerated() {
            #expect(dom.contains("<section id=\"\(section.id)\" class=\"report-section\">"), "\(section.id)")
            #expect(dom.contains("<span class=\"number\">\(index + 1).</span> \(escape(section.title))</h2>"), "\(section.title)")
        }
        // Every chart as an SVG element with axes, titles and its marks.
        for chart in report.charts {
            let svg = try #require(Self.element("svg", id: "chart-\(chart.id)", in: dom), "\(chart.id) missing")
            #expect(svg.contains("class=\"axis\""), "\(chart.id): axes")
            #expect(svg.contains("class=\"axis-title\""), "\(chart.id): axis titles")
            switch chart {
            case .bar(let c):
                #expect(svg.components(separatedBy: "<rect class=\"bar\"").count - 1 == c.bars.count, "\(chart.id): bars")
                #expect(svg.contains(c.yAxis.title))
            case .line(let c):
                #expect(svg.components(separatedBy: "<polyline class=\"line\"").count - 1 == c.series.count, "\(chart.id): lines")
                #expect(svg.components(separatedBy: "<polygon class=\"area\"").count - 1 == c.series.filter(\.filled).count, "\(chart.id): areas")
                #expect(svg.contains(c.xAxis.title) && svg.contains(c.yAxis.title))
            }
        }

        // And it paints: a screenshot is a PNG of the window's size.
        let shot = directory.appendingPathComponent("shot.png")
        let (shotStatus, _, shotLog) = try Self.run(["--hide-scrollbars", "--window-size=1200,900", "--screenshot=\(shot.path)"], file: page)
        #expect(shotStatus == 0, "\(shotLog.suffix(2000))")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // IHDR width and height, big-endian at bytes 16…23.
        let bytes = [UInt8](png.prefix(24))
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1200 && height == 900)
    }

    /// Text as a serialised DOM shows it (`&`, `<`, `>` escaped; quotes are not, outside attributes).
    func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The text of the element `<tag … id="id" …>…</tag>` (not nested in itself).
    static func element(_ tag: String, id: String, in dom: String) -> String? {
        guard let idRange = dom.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = dom[..<idRange.lowerBound].range(of: "<\(tag)", options: .backwards) else { return nil }
        guard let close = dom[idRange.upperBound...].range(of: "</\(tag)>") else { return nil }
        return String(dom[open.lowerBound..<close.upperBound])
    }
}
