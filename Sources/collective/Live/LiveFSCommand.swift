#if Live
import ArgumentParser
import CephLive

/// `collective live fs mkdir|quota|layout|ls` on CephFS through libcephfs.
struct LiveFSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fs", abstract: "CephFS directories, quotas and layouts.",
        subcommands: [MakeDirectory.self, Quota.self, Layout.self, List.self])

    struct MakeDirectory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "mkdir", abstract: "Create a directory (and parents), optionally with a quota.")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Path, e.g. /volumes/k3s.") var path: String
        @Option(help: "Byte quota, e.g. 10GiB.") var maxBytes: SizeArgument?
        @Option(help: "File quota.") var maxFiles: UInt64?

        func run() throws {
            let fs = try CephFSMount(options.config)
            try fs.makeDirectory(path)
            try fs.updateQuota(path, maxBytes: maxBytes?.bytes, maxFiles: maxFiles)
            try LiveOutput.done("directory '\(path)' ready", options.format)
        }
    }

    struct QuotaRow: Encodable { var path: String; var maxBytes: UInt64; var maxFiles: UInt64; var bytes: UInt64; var files: UInt64 }

    struct Quota: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "quota", abstract: "Show a directory's quota and usage, or set it with --max-bytes/--max-files (0: none).")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Directory.") var path: String
        @Option(help: "Byte quota, e.g. 10GiB.") var maxBytes: SizeArgument?
        @Option(help: "File quota.") var maxFiles: UInt64?

        func run() throws {
            let fs = try CephFSMount(options.config)
            let q = try fs.updateQuota(path, maxBytes: maxBytes?.bytes, maxFiles: maxFiles)
            let usage = try fs.recursiveUsage(path)
            let row = QuotaRow(path: path, maxBytes: q.maxBytes, maxFiles: q.maxFiles, bytes: usage.bytes, files: usage.files)
            try LiveOutput.emit(row, options.format) {
                "\(path): max_bytes \(row.maxBytes) max_files \(row.maxFiles); holds \(row.bytes) bytes in \(row.files) files"
            }
        }
    }

    struct Layout: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "layout",
            abstract: "Show the data pool a directory's own layout names (ceph.dir.layout.pool), or set it with --pool.",
            discussion: "Files made in the directory from then on go to the pool; files already there stay. The pool must be a data pool of the file system (ceph fs add_data_pool FS POOL), else Ceph answers EINVAL.")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Directory.") var path: String
        @Option(help: "The data pool for new files.") var pool: String?

        struct Row: Encodable { var path: String; var pool: String? }

        func run() throws {
            let fs = try CephFSMount(options.config)
            if let pool { try fs.setLayoutPool(path, pool) }
            let row = Row(path: path, pool: try fs.layoutPool(path))
            try LiveOutput.emit(row, options.format) {
                "\(path): " + (row.pool.map { "pool \($0)" } ?? "no layout of its own (its files follow the nearest parent's)")
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "Entries of a directory, and the file system's size.")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Directory.") var path: String = "/"

        struct Row: Encodable { var name: String; var directory: Bool }
        struct Listing: Encodable { var path: String; var entries: [Row]; var totalBytes: UInt64; var availableBytes: UInt64 }

        func run() throws {
            let fs = try CephFSMount(options.config)
            let entries = try fs.entries(path).map { Row(name: $0.name, directory: $0.isDirectory) }
            let usage = try fs.statfs(path)
            let listing = Listing(path: path, entries: entries, totalBytes: usage.totalBytes, availableBytes: usage.availableBytes)
            try LiveOutput.emit(listing, options.format) {
                (entries.map { $0.name + ($0.directory ? "/" : "") } + ["(\(usage.availableBytes) of \(usage.totalBytes) bytes available)"]).joined(separator: "\n")
            }
        }
    }
}
#endif
