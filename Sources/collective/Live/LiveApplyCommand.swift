#if Live
import ArgumentParser
import CephLive
import Foundation
import Simulation

/// `collective live apply PLAN [--execute]`.
struct LiveApplyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Create the pools, rules, RBD images and CephFS directories a storage plan needs.",
        discussion: """
            PLAN is a scenario file (YAML), the JSON of `collective plan -f json` (its `storage` \
            member) or a bare storage plan JSON. Shows what it would do; --execute does it. Each run \
            compares the plan with what the cluster has, so a second run has nothing to do and a run \
            after a failure carries on. Nothing is deleted or shrunk. --failure-domain, \
            --device-class and --max-pg-num fit a fleet's plan to a small test cluster.
            """)

    @OptionGroup var options: LiveOptions

    @Argument(help: "Scenario YAML or storage plan JSON.")
    var plan: String

    @Flag(help: "Make the changes (default: only show them).")
    var execute = false

    @Option(help: "Use this CRUSH failure domain for every pool (e.g. osd on a one-host cluster).")
    var failureDomain: String?

    @Option(help: "Use this device class for every pool; 'any' drops the class.")
    var deviceClass: String?

    @Option(help: "Cap every pool's pg_num.")
    var maxPGNum: UInt32?

    struct Report: Encodable {
        var executed: Bool
        var actions: [String]
        var conflicts: [String]
    }

    func run() throws {
        let fit = PlanFit(failureDomain: failureDomain, deviceClass: deviceClass == "any" ? "" : deviceClass, maxPGNum: maxPGNum)
        let storage = fit.apply(to: try Self.load(plan))
        let rados = try options.connect()
        let apply = try PlanApply(plan: storage, rados: rados)
        var done: [String] = []
        var failure: CephError?
        if execute {
            do {
                try apply.execute(rados) { action in
                    done.append(action.description)
                    if options.format == .text { print("done: \(action)") }
                }
            } catch {
                failure = error
            }
        }
        let report = Report(executed: execute, actions: execute ? done : apply.actions.map(\.description), conflicts: apply.conflicts)
        if options.format == .json {
            try LiveOutput.emit(report, .json) { "" }
        } else {
            var lines: [String] = []
            if !execute { lines += apply.actions.map { "would: \($0)" } }
            lines += apply.conflicts.map { "left alone: \($0)" }
            if apply.actions.isEmpty { lines.append("nothing to do") }
            if !execute && !apply.actions.isEmpty { lines.append("(dry run: --execute makes these \(apply.actions.count) changes)") }
            if !lines.isEmpty { print(lines.joined(separator: "\n")) }
        }
        if let failure {
            throw LiveRefusal("\(failure); \(done.count) of \(apply.actions.count) changes made; run apply again to carry on")
        }
    }

    /// The storage plan in a file: a scenario, `collective plan -f json`, or a bare plan.
    static func load(_ path: String) throws -> StoragePlan {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            return try ScenarioFile.load(path).storagePlan()
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("\(path): cannot read the file") }
        struct Wrapped: Decodable { var storage: StoragePlan }
        let decoder = JSONDecoder()
        let plan: StoragePlan
        if let wrapped = try? decoder.decode(Wrapped.self, from: data) {
            plan = wrapped.storage
        } else {
            do {
                plan = try decoder.decode(StoragePlan.self, from: data)
            } catch {
                throw ValidationError("\(path): not a storage plan (\(error))")
            }
        }
        guard plan.version == StoragePlan.formatVersion else {
            throw ValidationError("\(path): storage plan version \(plan.version); this collective reads version \(StoragePlan.formatVersion)")
        }
        return plan
    }
}
#endif
