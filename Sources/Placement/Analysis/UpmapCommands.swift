/// The `ceph osd pg-upmap-items PGID FROM TO [FROM TO …]` and `ceph osd rm-pg-upmap-items PGID`
/// commands that `osdmaptool MAP --upmap FILE` writes (and `ceph balancer` applies): the new
/// item list of each PG it changes, or its removal. Printed as osdmaptool prints them:
/// removals first, then new lists, each in PG order.
public struct UpmapCommands: Sendable, Equatable {
    /// PG → its new `pg_upmap_items` (empty: remove the entry).
    public var items: [PGID: [UpmapItem]]

    public init(items: [PGID: [UpmapItem]] = [:]) {
        self.items = items
    }

    /// Reads osdmaptool's command file; lines that are neither command (blank, comments,
    /// `ceph osd pg-upmap …`) are errors naming the line.
    public init(text: String) throws(UpmapCommandError) {
        var items: [PGID: [UpmapItem]] = [:]
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(separator: " ").map(String.init)
            if words.isEmpty || words[0].hasPrefix("#") { continue }
            guard words.count >= 4, words[0] == "ceph", words[1] == "osd",
                words[2] == "pg-upmap-items" || words[2] == "rm-pg-upmap-items",
                let pg = PGID(parsing: words[3])
            else {
                throw UpmapCommandError(line: index + 1, reason: "expected `ceph osd [rm-]pg-upmap-items PGID …`")
            }
            if words[2] == "rm-pg-upmap-items" {
                items[pg] = []
                continue
            }
            let osds = words.dropFirst(4).map { Int32($0) }
            guard osds.count % 2 == 0, !osds.isEmpty, !osds.contains(nil) else {
                throw UpmapCommandError(line: index + 1, reason: "expected pairs of OSD ids after \(pg)")
            }
            items[pg] = stride(from: 0, to: osds.count, by: 2).map { UpmapItem(from: osds[$0]!, to: osds[$0 + 1]!) }
        }
        self.items = items
    }

    /// The commands, one per line.
    public var text: String {
        var out = ""
        for pg in items.keys.sorted() where items[pg]!.isEmpty {
            out += "ceph osd rm-pg-upmap-items \(pg)\n"
        }
        for pg in items.keys.sorted() where !items[pg]!.isEmpty {
            out += "ceph osd pg-upmap-items \(pg)" + items[pg]!.map { " \($0.from) \($0.to)" }.joined() + "\n"
        }
        return out
    }

    /// `map` with the commands applied.
    public func applied(to map: OSDMap) -> OSDMap {
        var result = map
        for (pg, list) in items {
            result.pgUpmapItems[pg] = list.isEmpty ? nil : list
        }
        return result
    }
}
