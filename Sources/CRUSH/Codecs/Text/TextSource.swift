/// A crush map's text prepared the way `CrushCompiler::compile` prepares it before parsing:
/// each line loses its `#` comment, runs of white space become one space (leading and trailing
/// white space go), and the non-empty lines are joined with single spaces into one string.
///
/// It remembers where each line starts in the joined string (`line_pos`, where a later line that
/// starts at the same place replaces an earlier one, so blank lines collapse onto the next
/// position) and the original lines, so errors can be located as crushtool locates them and
/// also by the real line and column.
struct TextSource {
    /// The joined, comment-free text (crushtool's `big`).
    let joined: [UInt8]
    /// The original lines, without their `\n`.
    let lines: [[UInt8]]
    /// `(position in joined, line number)`, ascending by position, one entry per position
    /// (the last line that started there), as `std::map<int,int> line_pos`.
    let lineStarts: [(position: Int, line: Int)]
    /// For each line (index = line - 1): where its stripped text starts in `joined`, and for each
    /// byte of the stripped text, its offset in the original line.
    let strippedStart: [Int]
    let strippedToOriginal: [[Int]]

    init(_ text: String) {
        var joined: [UInt8] = []
        var lines: [[UInt8]] = []
        var starts: [(position: Int, line: Int)] = []
        var strippedStart: [Int] = []
        var strippedToOriginal: [[Int]] = []

        var rawLines: [[UInt8]] = []
        var current: [UInt8] = []
        var sawAny = false
        for byte in text.utf8 {
            sawAny = true
            if byte == UInt8(ascii: "\n") {
                rawLines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        // getline() yields a last line without '\n' only if it is not empty.
        if sawAny && !current.isEmpty { rawLines.append(current) }

        for (index, line) in rawLines.enumerated() {
            let lineNumber = index + 1
            lines.append(line)
            let end = line.firstIndex(of: UInt8(ascii: "#")) ?? line.count
            var stripped: [UInt8] = []
            var map: [Int] = []
            var white = false
            for i in 0..<end {
                let c = line[i]
                if TextSource.isSpace(c) {
                    white = true
                } else {
                    if white {
                        if !stripped.isEmpty {
                            stripped.append(UInt8(ascii: " "))
                            map.append(i - 1)
                        }
                        white = false
                    }
                    stripped.append(c)
                    map.append(i)
                }
            }
            if !stripped.isEmpty && !joined.isEmpty && joined.last != UInt8(ascii: " ") {
                joined.append(UInt8(ascii: " "))
            }
            if let last = starts.last, last.position == joined.count {
                starts[starts.count - 1] = (joined.count, lineNumber)
            } else {
                starts.append((joined.count, lineNumber))
            }
            strippedStart.append(joined.count)
            strippedToOriginal.append(map)
            joined.append(contentsOf: stripped)
        }
        self.joined = joined
        self.lines = lines
        self.lineStarts = starts
        self.strippedStart = strippedStart
        self.strippedToOriginal = strippedToOriginal
    }

    /// `isspace` in the C locale.
    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0d)
    }

    /// The line crushtool names for a parse that stopped at `position`, and the offset it
    /// takes into that line (an offset in the stripped text, applied to the original line).
    func crushtoolLocation(ofStop position: Int) -> (line: Int, offset: Int) {
        guard !lineStarts.isEmpty else { return (1, 0) }
        // upper_bound, then step back unless at the beginning.
        var lo = 0
        var hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid].position <= position { lo = mid + 1 } else { hi = mid }
        }
        let index = lo == 0 ? 0 : lo - 1
        return (lineStarts[index].line, position - lineStarts[index].position)
    }

    /// The real line and 1-based column of the byte at `position` in `joined`.
    func location(of position: Int) -> (line: Int, column: Int) {
        // The line whose stripped text contains `position` (the last one starting at or before it
        // among lines with text).
        var best = 0
        var found = false
        for index in 0..<strippedStart.count where !strippedToOriginal[index].isEmpty {
            if strippedStart[index] <= position {
                best = index
                found = true
            } else {
                break
            }
        }
        guard found else { return (max(lines.count, 1), 1) }
        let map = strippedToOriginal[best]
        let offset = position - strippedStart[best]
        if offset < map.count { return (best + 1, map[offset] + 1) }
        let lastColumn = (map.last ?? -1) + 2
        return (best + 1, lastColumn)
    }

    /// What crushtool prints after "parse error at": the original line from `offset` on
    /// (empty if the offset is past its end).
    func crushtoolRest(line: Int, offset: Int) -> String {
        guard line >= 1, line <= lines.count else { return "" }
        let bytes = lines[line - 1]
        guard offset < bytes.count else { return "" }
        return String(decoding: bytes[offset...], as: UTF8.self)
    }
}
