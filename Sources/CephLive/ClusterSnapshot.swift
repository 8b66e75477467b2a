#if Live
import Foundation

/// What `collective live import -o DIR` saves of a running cluster, one file per map, in the
/// formats the offline commands read: `collective osdmap osdmap.bin`, or
/// `collective osdmap osd-dump.json --crush crush.bin`, the capacity readers' JSON, and the
/// daemons' metadata and file systems that `ClusterImport` needs to write a scenario.
public struct ClusterSnapshot: Sendable {
    /// File name and the command that produced it, in the order they are written.
    public static let files: [(name: String, command: MonCommand, json: Bool)] = [
        ("crush.bin", MonCommand("osd getcrushmap"), false),
        ("osdmap.bin", MonCommand("osd getmap"), false),
        ("osd-dump.json", MonCommand("osd dump"), true),
        ("pg-dump.json", MonCommand("pg dump"), true),
        ("pg-dump-pools.json", MonCommand("pg dump", ["dumpcontents": .strings(["pools"])]), true),
        ("osd-df.json", MonCommand("osd df"), true),
        ("df.json", MonCommand("df", ["detail": .string("detail")]), true),
        ("osd-metadata.json", MonCommand("osd metadata"), true),
        ("mon-metadata.json", MonCommand("mon metadata"), true),
        ("mgr-metadata.json", MonCommand("mgr metadata"), true),
        ("mds-metadata.json", MonCommand("mds metadata"), true),
        ("fs-ls.json", MonCommand("fs ls"), true),
        ("config-dump.json", MonCommand("config dump"), true),
    ]

    /// Writes every file into `directory` (created if missing) and returns the names written.
    public static func write(_ rados: Rados, to directory: String) throws(CephError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw CephError("create directory", directory, errno: CephErrno(rawValue: Int32((error as NSError).code)))
        }
        var written: [String] = []
        for file in files {
            let reply = try rados.run(file.json ? file.command.json : file.command)
            let path = directory + "/" + file.name
            guard FileManager.default.createFile(atPath: path, contents: Data(reply.output)) else {
                throw CephError("write", path, errno: .permissionDenied)
            }
            written.append(file.name)
        }
        return written
    }
}
#endif
