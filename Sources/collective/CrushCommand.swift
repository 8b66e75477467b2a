import ArgumentParser
import CRUSH
import Foundation

/// `collective crush …`: crushtool's jobs on a crush map in any of its three forms.
struct CrushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crush",
        abstract: "Test, compile, decompile and inspect CRUSH maps (crushtool-compatible).",
        subcommands: [CrushTestCommand.self]
    )
}

/// `collective crush test -i MAP [crushtool --test flags]`.
struct CrushTestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Map inputs through a CRUSH map's rules, exactly as `crushtool -i MAP --test` does.",
        discussion: """
            Takes crushtool's own flags: -i MAP, --rule, --num-rep, --min-x, --max-x, --x, \
            --show-mappings, --show-statistics, --show-utilization, --show-utilization-all, \
            --show-bad-mappings, --show-choose-tries, --weight DEV W, --pool-id, \
            --set-choose-total-tries, --set-choose-local-tries, --set-choose-local-fallback-tries, \
            --set-chooseleaf-descend-once, --set-chooseleaf-vary-r, --set-chooseleaf-stable, \
            --set-straw-calc-version; plus --threads N (default: all cores). MAP may be binary, \
            crushtool text or `ceph osd crush dump` JSON.
            """
    )

    @Argument(parsing: .allUnrecognized, help: "crushtool --test arguments")
    var arguments: [String] = []

    func run() async throws {
        var parsed: CrushToolArguments
        do {
            parsed = try CrushToolArguments(parsing: arguments)
        } catch {
            throw ValidationError(error.description)
        }
        if !arguments.contains("--threads") && !arguments.contains(where: { $0.hasPrefix("--threads=") }) {
            parsed.options.threads = ProcessInfo.processInfo.activeProcessorCount
        }
        guard let input = parsed.input else { throw ValidationError("missing -i MAP") }
        let map = try CrushMapFile.load(input)
        let out = StandardOutput()
        await CrushTester(map: map, options: parsed.options).run { out.write($0) }
        if let notice = parsed.modifiedNotice { out.write(notice) }
        out.flush()
    }
}
