import ArgumentParser
import CRUSH
import Foundation

/// `collective crush …`: crushtool's jobs on a crush map in any of its three forms.
struct CrushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crush",
        abstract: "Test, compile, decompile and inspect CRUSH maps (crushtool-compatible).",
        subcommands: [
            CrushTestCommand.self, CrushCompileCommand.self, CrushDecompileCommand.self,
            CrushDumpCommand.self, CrushTreeCommand.self,
        ]
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
        for warning in parsed.warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        await CrushTester(map: map, options: parsed.options).run(
            emit: { out.write($0) },
            emitError: { out.flush(); FileHandle.standardError.write(Data($0.utf8)) })
        if let notice = parsed.modifiedNotice { out.write(notice) }
        out.flush()
    }
}

/// A crush map in, one form of it out: what compile, decompile, dump and tree share.
struct CrushConversionOptions: ParsableArguments {
    @Argument(help: "The crush map: binary, crushtool text or JSON dump (detected).") var map: String
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func convert(_ render: (CrushMap) -> [UInt8]) throws {
        try CrushMapFile.write(render(try CrushMapFile.load(map)), to: output)
    }
}

/// `collective crush compile MAP -o FILE`: the binary map, as `crushtool -c MAP -o FILE` writes it.
struct CrushCompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile", abstract: "Write a crush map in Ceph's binary form (crushtool -c).")
    @OptionGroup var io: CrushConversionOptions
    func run() throws { try io.convert { $0.binaryEncoded() } }
}

/// `collective crush decompile MAP`: crushtool's text form, as `crushtool -d` prints it.
struct CrushDecompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompile", abstract: "Print a crush map in crushtool's text form (crushtool -d).")
    @OptionGroup var io: CrushConversionOptions
    func run() throws { try io.convert { Array($0.decompiled().utf8) } }
}

/// `collective crush dump MAP`: the JSON of `crushtool --dump` / `ceph osd crush dump`.
struct CrushDumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print a crush map as JSON (crushtool --dump, ceph osd crush dump).")
    @OptionGroup var io: CrushConversionOptions
    func run() throws { try io.convert { Array($0.dumpJSON().utf8) } }
}

/// `collective crush tree MAP`: the hierarchy as `crushtool --tree` prints it.
struct CrushTreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree", abstract: "Print the hierarchy with classes and weights (crushtool --tree).")
    @OptionGroup var io: CrushConversionOptions
    func run() throws { try io.convert { Array($0.treeText().utf8) } }
}
