import CRUSH

extension MapComparison {
    /// Totals, then the from→to matrix by host (rows from, columns to, shards), then the
    /// OSD pairs with shards (and bytes when known).
    public var text: String {
        var out = "pgs \(pgs) remapped \(pgsRemapped) shards moved \(shardsMoved)"
        if let bytesMoved { out += " bytes moved \(CapacityFormat.bytes(UInt64(bytesMoved.rounded())))" }
        if pgsNotCompared > 0 { out += " (\(pgsNotCompared) pgs in only one map not compared)" }
        out += "\n"
        guard !byOSD.isEmpty else { return out }
        let froms = Array(Set(byHost.map(\.from))).sorted()
        let tos = Array(Set(byHost.map(\.to))).sorted()
        var matrix = TextTable()
        matrix.defineColumn("FROM\\TO", heading: .left, cells: .left)
        for to in tos { matrix.defineColumn(to, heading: .right, cells: .right) }
        matrix.defineColumn("TOTAL", heading: .right, cells: .right)
        for from in froms {
            var row = [from]
            var total = 0
            for to in tos {
                let shards = byHost.first { $0.from == from && $0.to == to }?.shards ?? 0
                total += shards
                row.append(shards == 0 ? "." : String(shards))
            }
            row.append(String(total))
            matrix.appendRow(row)
        }
        out += "\nshards moved by host\n" + matrix.rendered()
        var pairs = TextTable()
        let withBytes = byOSD.contains { $0.bytes != nil }
        for h in ["FROM", "TO", "SHARDS"] + (withBytes ? ["BYTES"] : []) {
            pairs.defineColumn(h, heading: h == "SHARDS" || h == "BYTES" ? .right : .left, cells: h == "SHARDS" || h == "BYTES" ? .right : .left)
        }
        for flow in byOSD {
            pairs.appendRow([flow.from, flow.to, String(flow.shards)]
                + (withBytes ? [flow.bytes.map { CapacityFormat.bytes(UInt64($0.rounded())) } ?? "-"] : []))
        }
        out += "\nshards moved by osd\n" + pairs.rendered()
        return out
    }
}
