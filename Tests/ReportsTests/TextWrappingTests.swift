import Testing

@testable import Reports

/// Paragraphs of the text format are wrapped at spaces without losing or reordering words.
@Suite struct TextWrappingTests {
    @Test(arguments: [10, 25, 100])
    func wrappingKeepsWordsAndWidth(width: Int) {
        let text = "Each OSD grows by its share of every pool's daily growth, placed PG by PG through the current mapping;"
            + " averyveryverylongwordthatexceedsthewidth stays whole.\nA second line."
        let wrapped = TextRenderer.wrapped(text, width: width)
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        for line in lines where line.contains(" ") {
            #expect(line.count <= width, "\(line)")
        }
        #expect(wrapped.hasSuffix("\n"))
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(wrapped.split(whereSeparator: { $0 == " " || $0 == "\n" }) == words)
        // The explicit line break survives: "A" starts a line, "whole." ends one.
        #expect(lines.contains { $0.hasPrefix("A second") || $0 == "A" })
        #expect(lines.contains { $0.hasSuffix("whole.") })
    }
}
