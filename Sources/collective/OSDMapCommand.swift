import ArgumentParser
import CRUSH
import Foundation
import Placement

/// `collective osdmap …`: osdmaptool's jobs and placement analysis on an OSD map. Without a
/// subcommand name, `test` (osdmaptool's flags) runs.
struct OSDMapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osdmap",
        abstract: "Map, analyse, compare and balance OSD maps (osdmaptool-compatible).",
        subcommands: [
            OSDMapTestCommand.self, OSDMapAnalyzeCommand.self, OSDMapCompareCommand.self,
            OSDMapBalanceCommand.self,
        ],
        defaultSubcommand: OSDMapTestCommand.self
    )
}

/// `collective osdmap [test] MAP [--crush FILE] [osdmaptool test flags]`.
struct OSDMapTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Map PGs and objects through an OSD map, exactly as `osdmaptool MAP --test-map-…` does.",
        discussion: """
            MAP is a binary OSD map (`ceph osd getmap`, osdmaptool) or the JSON of \
            `ceph osd dump -f json` / `osdmaptool MAP --dump json`; with JSON, --crush FILE gives \
            the crush map (binary, crushtool text or JSON dump). Takes osdmaptool's own flags: \
            --test-map-pgs, --test-map-pgs-dump, --test-map-pgs-dump-all, --test-map-object NAME, \
            --test-map-pg PGID, --pool N, --pg_num N, --mark-up-in, --mark-out N; plus \
            --namespace NS (for --test-map-object) and --threads N (default: all cores).
            """
    )

    @Argument(parsing: .allUnrecognized, help: "MAP and osdmaptool arguments")
    var arguments: [String] = []

    func run() async throws {
        var rest = arguments
        var threads = ProcessInfo.processInfo.activeProcessorCount
        if let i = rest.firstIndex(where: { $0 == "--threads" || $0.hasPrefix("--threads=") }) {
            let attached = rest[i].hasPrefix("--threads=")
            let text = attached ? String(rest[i].dropFirst("--threads=".count)) : (i + 1 < rest.count ? rest[i + 1] : "")
            guard let n = Int(text), n >= 1 else { throw ValidationError("--threads needs a number of at least 1") }
            threads = n
            rest.removeSubrange(i...(attached ? i : i + 1))
        }
        let parsed: OSDMapToolArguments
        do {
            parsed = try OSDMapToolArguments(parsing: rest)
        } catch {
            throw ValidationError(error.description)
        }
        guard parsed.files.count == 1 else {
            throw ValidationError(parsed.files.isEmpty ? "must specify osdmap filename" : "too many arguments")
        }
        guard parsed.hasAction else { throw ValidationError("no action specified?") }
        let map = try OSDMapFile.load(parsed.files[0], crush: parsed.crush)
        let out = StandardOutput()
        var tool = OSDMapTool(map: map, arguments: parsed, threads: threads)
        let status = await tool.run(
            emit: { out.write($0) },
            emitError: { out.flush(); FileHandle.standardError.write(Data($0.utf8)) })
        out.flush()
        if status != 0 { throw ExitCode(status) }
    }
}
