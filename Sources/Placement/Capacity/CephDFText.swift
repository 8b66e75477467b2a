import CRUSH

/// The plain text of `ceph df` and `ceph df detail` as Ceph 16.2.15 prints it
/// (`PGMapDigest::dump_cluster_stats` and `dump_pool_stats_full`, joined by the monitor's
/// `df` command): a RAW STORAGE table per device class with a TOTAL line, a line holding one
/// space, then the POOLS table. Pools are cache tiers never here, so DIRTY prints "N/A".
public enum CephDFText {
    public static func render(_ input: CapacityInput, detail: Bool = false) -> String {
        let raw = RawStorage(input: input)
        var storage = TextTable()
        storage.defineColumn("CLASS", heading: .left, cells: .left)
        for heading in ["SIZE", "AVAIL", "USED", "RAW USED", "%RAW USED"] { storage.defineColumn(heading, heading: .right, cells: .right) }
        for line in raw.classes + [raw.total] {
            storage.appendRow([
                line.name, CapacityFormat.bytes(line.size), CapacityFormat.bytes(line.avail), CapacityFormat.bytes(line.used),
                CapacityFormat.bytes(line.rawUsed), line.rawUsedText,
            ])
        }

        var pools = TextTable()
        pools.defineColumn("POOL", heading: .left, cells: .left)
        var headings = ["ID", "PGS", "STORED"]
        if detail { headings += ["(DATA)", "(OMAP)"] }
        headings += ["OBJECTS", "USED"]
        if detail { headings += ["(DATA)", "(OMAP)"] }
        headings += ["%USED", "MAX AVAIL"]
        if detail { headings += ["QUOTA OBJECTS", "QUOTA BYTES", "DIRTY", "USED COMPR", "UNDER COMPR"] }
        for heading in headings { pools.defineColumn(heading, heading: .right, cells: .right) }
        let byID = Dictionary(input.pools.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for row in PoolCapacity.all(input) {
            var cells = [row.name, "\(row.poolID)", "\(row.pgNum)", CapacityFormat.bytes(row.stored)]
            if detail { cells += [CapacityFormat.bytes(row.storedData), CapacityFormat.bytes(row.storedOmap)] }
            cells += [CapacityFormat.si(row.objects), CapacityFormat.bytes(row.used)]
            if detail { cells += [CapacityFormat.bytes(row.usedData), CapacityFormat.bytes(row.usedOmap)] }
            cells += [row.percentUsedText, CapacityFormat.bytes(row.maxAvail)]
            if detail {
                let usage = byID[row.poolID]?.usage ?? CapacityPoolUsage()
                cells += [
                    row.quotaMaxObjects == 0 ? "N/A" : CapacityFormat.si(row.quotaMaxObjects),
                    row.quotaMaxBytes == 0 ? "N/A" : CapacityFormat.bytes(row.quotaMaxBytes),
                    "N/A", CapacityFormat.bytes(usage.compressedAllocated), CapacityFormat.bytes(usage.compressedOriginal),
                ]
            }
            pools.appendRow(cells)
        }
        return "--- RAW STORAGE ---\n" + storage.rendered() + " \n--- POOLS ---\n" + pools.rendered()
    }
}
