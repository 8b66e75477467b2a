internal import Yams
internal import CRUSH

extension Scenario {
    /// Reads a scenario from its YAML text. `file` names it in diagnostics (and is the base for
    /// relative paths such as an imported crush map); `readFile` reads such files (nil when a
    /// file cannot be read). Every problem found is reported, each with
    /// `file:line:column: field.path: message`; warnings alone do not stop loading and end up
    /// in `warnings`.
    public init(yaml: String, file: String, readFile: @escaping (String) -> [UInt8]? = { _ in nil }) throws(ScenarioError) {
        let reader = ScenarioReader(file: file, readFile: readFile)
        let scenario = reader.read(yaml: yaml)
        let diagnostics = reader.log.sorted
        guard let scenario, !reader.log.hasErrors else {
            throw ScenarioError(diagnostics: diagnostics)
        }
        self = scenario
        self.warnings = diagnostics
    }
}

/// Reads one scenario file: the sections in dependency order (fleet, then Ceph, services,
/// workloads, timeline, expectations), checking every reference against what was read before
/// and collecting every problem in `log`.
final class ScenarioReader {
    let log: DiagnosticLog
    let file: String
    let readFile: (String) -> [UInt8]?

    /// What the fleet declared, for references from later sections.
    var hosts: [HostRecord] = []
    var pools: [PoolRecord] = []
    /// Pools whose definitions had errors: references to them are not reported again.
    var brokenPoolNames: [String] = []
    /// Whether reading the fleet found errors (checks that count its disks are skipped then).
    var fleetHasErrors = false
    /// CRUSH types bucket ids can have in the scenario's map (all of Ceph's by default).
    var crushTypes: [String] = CephCrushTypes.names
    var importedMap: CrushMap?
    /// Hosts that `add_host` events bring in, for telling "joins later" from "unknown".
    var pendingHostNames: [String] = []
    var vmNames: [String] = []
    var storageClasses: [StorageClass] = []

    init(file: String, readFile: @escaping (String) -> [UInt8]?) {
        self.file = file
        self.log = DiagnosticLog(file: file)
        self.readFile = readFile
    }

    /// A host of the fleet with the fields its references and checks point at.
    struct HostRecord {
        var host: Host
        var field: YAMLField
        var diskFields: [YAMLField]
        /// Sensors' `drains` entries, checked once the whole fleet is known.
        var drainFields: [YAMLField] = []
    }

    /// A pool with the field it was read from.
    struct PoolRecord {
        var pool: PoolSpec
        var field: YAMLField
    }

    var hostNames: [String] { hosts.map(\.host.name) }
    var rackNames: [String] {
        var seen: [String] = []
        for record in hosts {
            if let rack = record.host.location.rack, !seen.contains(rack) { seen.append(rack) }
        }
        return seen
    }
    var deviceClasses: [String] {
        var seen: [String] = []
        for record in hosts {
            for disk in record.host.disks where !seen.contains(disk.deviceClass) { seen.append(disk.deviceClass) }
        }
        return seen
    }

    func read(yaml: String) -> Scenario? {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else {
                log.error(SourceLocation(line: 1, column: 1), .root, "the file is empty; a scenario needs at least fleet and ceph")
                return nil
            }
            root = node
        } catch let error as YamlError {
            reportSyntax(error)
            return nil
        } catch {
            log.error(SourceLocation(line: 1, column: 1), .root, "cannot read YAML: \(error)")
            return nil
        }
        // Aliases let a small file stand for a huge tree ("billion laughs"); refuse one that
        // expands past any real fleet's size before walking it.
        if Self.expandedSize(root, limit: Self.maximumValues) > Self.maximumValues {
            log.error(SourceLocation(line: 1, column: 1), .root,
                "the document expands to more than \(Self.maximumValues) values (through aliases?); a scenario is not that large")
            return nil
        }
        let document = YAMLField(node: root, path: .root, log: log)
        guard let top = document.mapping("a scenario (a mapping with fleet, ceph, …)", keys: ScenarioKeys.document) else { return nil }

        let name = top.optional("name")?.string() ?? Self.baseName(file)
        let description = top.optional("description")?.string()
        let seed = top.optional("seed")?.int(UInt64.self, "a seed (a whole number ≥ 0)") ?? 0

        let fleet = top.required("fleet", "the hosts").flatMap { readFleet($0) }
        let ceph = top.required("ceph", "mons and pools").flatMap { readCeph($0) }
        let services = top.optional("services").flatMap { readServices($0) } ?? Services()
        let workloads = top.optional("workloads").flatMap { readWorkloads($0) } ?? Workloads()
        let timeline = top.optional("timeline").flatMap { readTimeline($0) } ?? []
        let expectations = top.optional("expect").flatMap { readExpectations($0) } ?? []
        let triggers = top.optional("triggers").flatMap { readTriggers($0) } ?? []
        let readings = top.optional("readings").flatMap { readReadings($0) } ?? []

        guard var fleet, var ceph, !log.hasErrors else { return nil }
        fleet = Fleet(hosts: hosts.map(\.host))
        guard let crushMap = buildCrushMap(fleet: fleet, ceph: &ceph, at: top) else { return nil }
        var scenario = Scenario(
            name: name, description: description, seed: seed, fleet: fleet, ceph: ceph, services: services,
            workloads: workloads, timeline: timeline, expectations: expectations, crushMap: crushMap)
        scenario.triggers = triggers
        scenario.readings = readings
        return scenario
    }

    /// A YAML syntax error as one diagnostic at its position.
    private func reportSyntax(_ error: YamlError) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = "YAML syntax: " + problem
            if let context { message += " (" + context.text + " at line \(context.mark.line), column \(context.mark.column))" }
            log.error(at(mark), .root, message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\"\($0)\"" }.joined(separator: ", ")
            log.error(at(context.mark), .root, "duplicate key \(keys) in one mapping")
        case .reader(let problem, _, _, _):
            log.error(SourceLocation(line: 1, column: 1), .root, "cannot read the file as text: " + problem)
        default:
            log.error(SourceLocation(line: 1, column: 1), .root, "cannot read YAML: \(error)")
        }
    }

    /// More values than any real scenario has (a 10,000-OSD fleet has about 100,000).
    static let maximumValues = 4_000_000

    /// The number of nodes in the tree with every alias expanded, counting no further than
    /// just past `limit`.
    static func expandedSize(_ node: Node, limit: Int) -> Int {
        var count = 0
        var stack = [node]
        while let next = stack.popLast() {
            count += 1
            if count > limit { return count }
            switch next {
            case .sequence(let sequence): stack.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append(key)
                    stack.append(value)
                }
            case .scalar, .alias: break
            }
        }
        return count
    }

    /// `scenarios/x.yaml` → `x`.
    static func baseName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
        }
        return name
    }

    /// `dir/x.yaml` + `y.crush` → `dir/y.crush`; absolute paths stay as they are.
    func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = file.lastIndex(of: "/") else { return path }
        return String(file[...slash]) + path
    }

    // MARK: - References

    /// The host named by `field`, reporting an unknown one with a did-you-mean.
    func hostReference(_ field: YAMLField, among names: [String]? = nil) -> String? {
        guard let name = field.string("a host name") else { return nil }
        let known = names ?? hostNames
        if known.contains(name) { return name }
        field.error("unknown host \"\(name)\"" + Suggestion.hint(for: name, among: known))
        return nil
    }

    /// A list of distinct host names.
    func hostList(_ field: YAMLField, what: String = "a list of host names") -> [String]? {
        guard let items = field.list(what) else { return nil }
        var names: [String] = []
        var ok = true
        for item in items {
            guard let name = hostReference(item) else { ok = false; continue }
            if names.contains(name) {
                item.error("\"\(name)\" is listed twice")
                ok = false
                continue
            }
            names.append(name)
        }
        return ok ? names : nil
    }

    func poolReference(_ field: YAMLField) -> PoolSpec? {
        guard let name = field.string("a pool name") else { return nil }
        if let record = pools.first(where: { $0.pool.name == name }) { return record.pool }
        if brokenPoolNames.contains(name) { return nil }
        field.error("unknown pool \"\(name)\"" + Suggestion.hint(for: name, among: pools.map(\.pool.name) + brokenPoolNames))
        return nil
    }
}
