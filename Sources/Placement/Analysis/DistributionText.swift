import CRUSH

extension DistributionAnalysis {
    /// The analysis as text tables: pools with their cropped weight, then OSDs, hosts and
    /// failure domains with shards, primaries, expected shards (by weight and cropped), the
    /// deviation from the cropped expectation, and bytes when known.
    public var text: String {
        var out = ""
        var poolTable = TextTable()
        for heading in ["POOL", "ID", "SIZE", "PGS", "STORED", "DOMAIN", "WEIGHT", "USABLE", "CROPPED"] {
            poolTable.defineColumn(heading, heading: heading == "POOL" || heading == "DOMAIN" ? .left : .right,
                                   cells: heading == "POOL" || heading == "DOMAIN" ? .left : .right)
        }
        for pool in pools {
            let weight = pool.cropped?.domains.reduce(0.0) { $0 + $1.weight }
            let usable = pool.cropped?.domains.reduce(0.0) { $0 + $1.usableWeight }
            poolTable.appendRow([
                pool.name, String(pool.id), String(pool.size), String(pool.pgNum),
                pool.storedBytes.map { CapacityFormat.bytes($0) } ?? "-", pool.failureDomain ?? "-",
                weight.map { Self.fixed($0, 4) } ?? "-", usable.map { Self.fixed($0, 4) } ?? "-",
                pool.cropped.map { Self.fixed($0.unusableWeight, 4) } ?? "-",
            ])
        }
        out += poolTable.rendered()
        for pool in pools {
            guard let cropped = pool.cropped, cropped.unusableWeight > 1e-9 else { continue }
            out += "\npool \(pool.name): \(Self.fixed(cropped.unusableWeight, 4)) of weight cannot be used"
                + " (a \(cropped.domainType) holds at most one of \(cropped.size) shards of a PG):\n"
            for domain in cropped.domains where domain.weight - domain.usableWeight > 1e-9 {
                out += "  \(cropped.domainType) \(domain.name): weight \(Self.fixed(domain.weight, 4)),"
                    + " usable \(Self.fixed(domain.usableWeight, 4))\n"
            }
        }
        out += "\n" + table("OSD", osds)
        for group in groups {
            out += "\n" + table(group.type.uppercased(), group.rows)
        }
        return out
    }

    private func table(_ heading: String, _ rows: [Row]) -> String {
        let withBytes = rows.contains { $0.bytes != nil || $0.expectedBytes != nil }
        var t = TextTable()
        var headings = [heading, "WEIGHT", "SHARDS", "PRIMARY", "EXPECTED", "CROPPED", "DEV", "DEV%"]
        if withBytes { headings += ["BYTES", "EXP BYTES"] }
        for h in headings { t.defineColumn(h, heading: h == heading ? .left : .right, cells: h == heading ? .left : .right) }
        for row in rows {
            let deviation = row.deviation
            var cells = [
                row.name, Self.fixed(row.crushWeight, 4), String(row.shards), String(row.primaries),
                Self.fixed(row.expected, 2), Self.fixed(row.expectedCropped, 2), Self.fixed(deviation, 2),
                row.expectedCropped > 0 ? Self.fixed(100 * deviation / row.expectedCropped, 1) : "-",
            ]
            if withBytes {
                cells.append(row.bytes.map { CapacityFormat.bytes(UInt64($0.rounded())) } ?? "-")
                cells.append(row.expectedBytes.map { CapacityFormat.bytes(UInt64($0.rounded())) } ?? "-")
            }
            t.appendRow(cells)
        }
        return t.rendered()
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        DecimalFormat.fixed(value, decimals: decimals)
    }
}
