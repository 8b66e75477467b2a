/// A report document, independent of how it is printed: a title, a line saying what it is
/// about, and sections in reading order. The renderers (`ReportFormat`) turn it into text,
/// JSON, Markdown or a self-contained HTML page; the same document gives the same bytes in
/// every format.
public struct Report: Sendable, Equatable {
    public var title: String
    /// One line under the title (the scenario's name and description, say).
    public var subtitle: String?
    public var sections: [ReportSection]

    public init(title: String, subtitle: String? = nil, sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// The charts of every section, in reading order.
    public var charts: [Chart] {
        sections.flatMap { $0.blocks.compactMap { if case .chart(let c) = $0 { c } else { nil } } }
    }
}

/// One numbered part of a report (the cluster summary, the pools, …): an id that anchors it
/// (`summary`, `pools`; HTML `id`, JSON `id`), a title, and blocks in reading order.
public struct ReportSection: Sendable, Equatable {
    /// Lowercase letters, digits and `-`: stable across versions, used as anchor and JSON key.
    public var id: String
    public var title: String
    public var blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock] = []) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A piece of a section.
public enum ReportBlock: Sendable, Equatable {
    /// A paragraph of plain text (no markup; renderers escape it).
    case paragraph(String)
    case table(ReportTable)
    case chart(Chart)
    /// Verdicts and recommendations, each with the figure that triggered it.
    case findings([Finding])
}
