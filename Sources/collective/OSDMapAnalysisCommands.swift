import ArgumentParser
import CRUSH
import Foundation
import Placement

/// `collective osdmap analyze MAP`: PGs and bytes per OSD, host and failure domain against
/// the CRUSH weights, and the cropped weight of each pool.
struct OSDMapAnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "PG shards, primaries and bytes per OSD, host and failure domain against what the weights promise.",
        discussion: """
            MAP is a binary OSD map or `ceph osd dump -f json` (then --crush FILE). Expected \
            shards follow each OSD's share of its pool's rule weight (crush weight × reweight); \
            CROPPED is the same after capping failure domains too big for the pool size to use. \
            Bytes come from --pool-stats (`ceph df -f json` or `ceph pg dump pools -f json`) or \
            --stored POOL=BYTES.
            """
    )

    @Argument(help: "The OSD map") var map: String
    @Option(help: "Crush map for a JSON OSD map") var crush: String?
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let osdmap = try OSDMapFile.load(map, crush: crush)
        let pools = try OSDMapFile.pools(report.pool, in: osdmap)
        let bytes = try report.storedBytes(map: osdmap)
        let analysis = DistributionAnalysis(map: osdmap, placements: PoolPlacement.all(osdmap, only: pools), storedBytes: bytes)
        print(report.format == .json ? try OutputFormat.json(analysis) : analysis.text, terminator: "")
    }
}

/// `collective osdmap compare A B`: the PG shards that move between two maps.
struct OSDMapCompareCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "PGs, shards and bytes that move from map A to map B, by OSD and by host.",
        discussion: "Up sets are compared PG by PG; --crush-a/--crush-b give the crush maps of JSON OSD maps."
    )

    @Argument(help: "The map before") var before: String
    @Argument(help: "The map after") var after: String
    @Option(name: .customLong("crush-a")) var crushA: String?
    @Option(name: .customLong("crush-b")) var crushB: String?
    @OptionGroup var report: ReportOptions

    func run() async throws {
        let a = try OSDMapFile.load(before, crush: crushA)
        let b = try OSDMapFile.load(after, crush: crushB)
        let pools = try OSDMapFile.pools(report.pool, in: a)
        let bytes = try report.storedBytes(map: a)
        let comparison = MapComparison(before: a, after: b, pools: pools, storedBytes: bytes)
        print(report.format == .json ? try OutputFormat.json(comparison) : comparison.text, terminator: "")
    }
}

/// `collective osdmap balance MAP`: `ceph osd pg-upmap-items` commands that even out PGs.
struct OSDMapBalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance",
        abstract: "Print `ceph osd pg-upmap-items` commands that even out PG shards, within each rule's failure domains.",
        discussion: """
            Like `osdmaptool MAP --upmap - --upmap-deviation N --upmap-pool P --upmap-max M`, \
            deterministic, and never putting two shards of a PG in one failure domain. The \
            summary (shards moved, deviation before and after) goes to standard error.
            """
    )

    @Argument(help: "The OSD map") var map: String
    @Option(help: "Crush map for a JSON OSD map") var crush: String?
    @Option(name: .customLong("max-deviation"), help: "Deviation in PGs to reach (osdmaptool's default)") var maxDeviation = 5
    @Option(help: "Only this pool (name or id); repeatable") var pool: [String] = []
    @Option(help: "At most this many PGs changed (osdmaptool's default)") var max = 10
    @Option(name: .customLong("compare-with"), help: "Also measure these upmap commands (e.g. `osdmaptool MAP --upmap FILE`'s)")
    var compareWith: String?

    func run() async throws {
        let osdmap = try OSDMapFile.load(map, crush: crush)
        guard maxDeviation >= 0, max >= 1 else { throw ValidationError("--max-deviation must be at least 0 and --max at least 1") }
        let balancer = UpmapBalancer(maxDeviation: maxDeviation, maxChanges: max, pools: try OSDMapFile.pools(pool, in: osdmap))
        let result = balancer.balance(osdmap)
        print(result.commands.text, terminator: "")
        var summary = Self.summary("collective", result)
        if let compareWith {
            guard let data = FileManager.default.contents(atPath: compareWith) else {
                throw CrushMapFile.Failure(description: "\(compareWith): cannot read file")
            }
            let commands: UpmapCommands
            do {
                commands = try UpmapCommands(text: String(decoding: data, as: UTF8.self))
            } catch {
                throw CrushMapFile.Failure(description: "\(compareWith): \(error)")
            }
            summary += Self.summary(compareWith, balancer.evaluate(commands, on: osdmap))
        }
        FileHandle.standardError.write(Data(summary.utf8))
    }

    static func summary(_ who: String, _ result: UpmapBalancer.Result) -> String {
        var text = "\(who): \(result.commands.items.count) pgs changed, \(result.shardsMoved) shards moved\n"
        for (b, a) in zip(result.before, result.after) {
            text += "  pool \(b.pool): max deviation \(DecimalFormat.fixed(b.maxDeviation, decimals: 2))"
                + " -> \(DecimalFormat.fixed(a.maxDeviation, decimals: 2)), stddev"
                + " \(DecimalFormat.fixed(b.standardDeviation, decimals: 2)) -> \(DecimalFormat.fixed(a.standardDeviation, decimals: 2))\n"
        }
        return text
    }
}

/// The pool selection, pool sizes and output format that `analyze` and `compare` share.
struct ReportOptions: ParsableArguments {
    @Option(help: "Only this pool (name or id); repeatable") var pool: [String] = []
    @Option(name: .customLong("pool-stats"), help: "`ceph df -f json` or `ceph pg dump pools -f json`") var poolStats: String?
    @Option(help: "POOL=BYTES stored in a pool; repeatable") var stored: [String] = []
    @Option(name: .shortAndLong, help: "text or json") var format: OutputFormat = .text

    func storedBytes(map: OSDMap) throws -> [Int64: UInt64] {
        try OSDMapFile.storedBytes(statsFile: poolStats, stored: stored, map: map)
    }
}
