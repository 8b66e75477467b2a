/// Finds GitHub-flavoured Markdown tables as GitHub's parser does (the GFM spec's "tables"
/// extension): a header row, then a delimiter row of `---` cells (optionally `:`-marked), then
/// rows until a line that is not a row. Cells are split on `|` not preceded by a backslash, the
/// outer pipes dropped, each trimmed and unescaped (`\|` → `|`, `\x` → `x`).
enum MarkdownTableParser {
    struct Table: Equatable {
        var header: [String]
        var rightAligned: [Bool]
        var rows: [[String]]
    }

    static func tables(in markdown: String) -> [Table] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var out: [Table] = []
        var i = 0
        while i + 1 < lines.count {
            guard lines[i].hasPrefix("|"), let delimiters = delimiterRow(lines[i + 1]) else {
                i += 1
                continue
            }
            let header = cells(lines[i])
            guard header.count == delimiters.count else {
                i += 1
                continue
            }
            var rows: [[String]] = []
            var j = i + 2
            while j < lines.count, lines[j].hasPrefix("|") {
                rows.append(cells(lines[j]))
                j += 1
            }
            out.append(Table(header: header, rightAligned: delimiters, rows: rows))
            i = j
        }
        return out
    }

    /// For each delimiter cell, whether it is right-aligned; nil if the line is not a
    /// delimiter row.
    static func delimiterRow(_ line: String) -> [Bool]? {
        guard line.hasPrefix("|") else { return nil }
        var result: [Bool] = []
        for raw in split(line) {
            let cell = raw.trimmingSpaces
            var body = Substring(cell)
            let right = body.hasSuffix(":")
            if body.hasPrefix(":") { body = body.dropFirst() }
            if right { body = body.dropLast() }
            guard body.count >= 3, body.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(right)
        }
        return result
    }

    static func cells(_ line: String) -> [String] {
        split(line).map { unescape($0.trimmingSpaces) }
    }

    private static func split(_ line: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped {
                current.append("\\")
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        // Drop what lies outside the outer pipes.
        if parts.first?.trimmingSpaces.isEmpty == true { parts.removeFirst() }
        if parts.last?.trimmingSpaces.isEmpty == true { parts.removeLast() }
        return parts
    }

    private static func unescape(_ s: String) -> String {
        var out = ""
        var escaped = false
        for ch in s {
            if escaped {
                out.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else {
                out.append(ch)
            }
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
