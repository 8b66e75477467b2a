#if Live
import ArgumentParser

/// `collective live …`: commands against a running Ceph cluster (built with the trait `Live`).
struct LiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Talk to a running Ceph cluster through librados, librbd and libcephfs.",
        discussion: """
            Connection options follow Ceph's tools: -c/--conf (else $CEPH_CONF), --id or --name, \
            --keyring, and --timeout SECONDS, which bounds connecting and every operation. \
            -f json prints results as JSON.
            """,
        subcommands: [
            LiveStatusCommand.self, LiveImportCommand.self, LivePoolCommand.self, LiveRBDCommand.self,
            LiveFSCommand.self, LiveVerifyCommand.self, LiveApplyCommand.self, LiveDrillCommand.self,
        ] + liveWatchSubcommands
    )
}

#if MQTT
/// `live watch` needs both traits.
let liveWatchSubcommands: [any ParsableCommand.Type] = [LiveWatchCommand.self]
#else
let liveWatchSubcommands: [any ParsableCommand.Type] = []
#endif

/// The subcommand list of `collective`: `live` only when built with the trait.
let liveSubcommands: [any ParsableCommand.Type] = [LiveCommand.self]
#else
import ArgumentParser
let liveSubcommands: [any ParsableCommand.Type] = []
#endif
