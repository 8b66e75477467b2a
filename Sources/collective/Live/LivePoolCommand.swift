#if Live
import ArgumentParser
import CephLive

/// `collective live pool ls|create|set|rm`.
struct LivePoolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pool", abstract: "List, create, change and delete pools.",
        subcommands: [List.self, Create.self, Set.self, Remove.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "Pools with size, PGs, rule, quotas and applications.")
        @OptionGroup var options: LiveOptions

        func run() throws {
            let pools = try options.connect().pools()
            try LiveOutput.emit(pools, options.format) {
                pools.map { p in
                    var line = "\(p.id) \(p.name) \(p.type) size \(p.size) min_size \(p.minSize) pg_num \(p.pgNum) crush_rule \(p.crushRule)"
                    if !p.erasureCodeProfile.isEmpty { line += " erasure_code_profile \(p.erasureCodeProfile)" }
                    if p.quotaMaxBytes > 0 { line += " quota_max_bytes \(p.quotaMaxBytes)" }
                    if p.quotaMaxObjects > 0 { line += " quota_max_objects \(p.quotaMaxObjects)" }
                    if !p.applications.isEmpty { line += " application " + p.applications.joined(separator: ",") }
                    return line
                }.joined(separator: "\n")
            }
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create", abstract: "Create a replicated pool, or an erasure-coded one with --erasure.")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Pool name.") var pool: String
        @Option(help: "Placement groups.") var pgNum: Int = 32
        @Option(help: "Replicas (replicated pools).") var size: Int = 3
        @Option(help: "Replicas needed for I/O (replicated pools).") var minSize: Int?
        @Flag(help: "Erasure-coded, with --k, --m and --failure-domain.") var erasure = false
        @Option(help: "Data chunks.") var k: Int = 2
        @Option(help: "Coding chunks.") var m: Int = 1
        @Option(help: "CRUSH failure domain of the erasure-code profile.") var failureDomain: String = "host"
        @Option(help: "CRUSH rule name.") var rule: String?
        @Option(help: "Application: rbd, cephfs, rgw.") var application: String?
        @Option(help: "Byte quota (e.g. 10GiB).") var quotaMaxBytes: SizeArgument?
        @Option(help: "Object quota.") var quotaMaxObjects: UInt64?

        func run() throws {
            let spec = PoolSpec(
                name: pool,
                redundancy: erasure ? .erasure(k: k, m: m, failureDomain: failureDomain, profile: nil) : .replicated(size: size, minSize: minSize),
                pgNum: pgNum, rule: rule, application: application,
                quotaMaxBytes: quotaMaxBytes?.bytes ?? 0, quotaMaxObjects: quotaMaxObjects ?? 0)
            try options.connect().createPool(spec)
            try LiveOutput.done("pool '\(pool)' created", options.format)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a pool value: size, min_size, pg_num, pgp_num, crush_rule, …, quota_max_bytes, quota_max_objects or application.")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Pool name.") var pool: String
        @Argument(help: "What to set.") var key: String
        @Argument(help: "The value.") var value: String

        func run() throws {
            let rados = try options.connect()
            switch key {
            case "quota_max_bytes", "max_bytes":
                guard let size = SizeArgument(argument: value) else { throw ValidationError("\(value): not a size") }
                try rados.setQuota(pool, maxBytes: size.bytes)
            case "quota_max_objects", "max_objects":
                guard let n = UInt64(value) else { throw ValidationError("\(value): not a count") }
                try rados.setQuota(pool, maxObjects: n)
            case "application":
                try rados.enableApplication(pool, value)
            default:
                try rados.setPool(pool, key, value)
            }
            try LiveOutput.done("set pool '\(pool)' \(key) to \(value)", options.format)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm", abstract: "Delete a pool and all its data (needs --yes-i-really-really-mean-it).")
        @OptionGroup var options: LiveOptions
        @Argument(help: "Pool name.") var pool: String
        @Flag(name: .customLong("yes-i-really-really-mean-it"), help: "Confirm that the pool's data goes.")
        var confirmed = false

        func run() throws {
            guard confirmed else {
                throw LiveRefusal("WARNING: this will *PERMANENTLY DESTROY* all data stored in pool '\(pool)'. If you are *ABSOLUTELY CERTAIN* that is what you want, pass --yes-i-really-really-mean-it.")
            }
            try options.connect().deletePool(pool)
            try LiveOutput.done("pool '\(pool)' removed", options.format)
        }
    }
}

/// A live command that refuses to act without confirmation (exit status 1).
struct LiveRefusal: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
#endif
