/// The output formats of a report, and the one entry point that renders a `Report` in them.
/// Every renderer is a pure function of the document: the same report gives the same bytes.
public enum ReportFormat: String, Sendable, CaseIterable {
    /// Aligned plain-text tables for a terminal.
    case text
    /// The document as JSON, in the versioned shape of `docs/report.schema.json`.
    case json
    /// GitHub-flavoured Markdown (pipe tables).
    case markdown
    /// One self-contained HTML page: inline CSS and SVG charts, no scripts, no network.
    case html

    public func render(_ report: Report) -> String {
        switch self {
        case .text: TextRenderer.render(report)
        case .json: JSONRenderer.render(report)
        case .markdown: MarkdownRenderer.render(report)
        case .html: HTMLRenderer.render(report)
        }
    }
}
