import ArgumentParser

@main
struct Collective: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collective",
        abstract: "A Ceph-aware storage and placement simulator.",
        subcommands: [
            CrushCommand.self, OSDMapCommand.self, ScenarioCommand.self, PlanCommand.self,
            ReportCommand.self, SimulateCommand.self, MQTTCommand.self,
        ] + liveSubcommands
    )
}
