/// `collective plan -f json`: the plan as data, schema version `formatVersion`. `storage` is
/// exactly `Scenario.storagePlan()` (what `collective live apply` creates); the rest says where
/// each VM and pod runs, what the what-ifs do, the N+1 verdict and the headroom.
public struct PlanDocument: Sendable, Encodable {
    public static let formatVersion = 1

    public var version: Int
    public var scenario: String
    public var crs: String
    public var strategy: String
    public var vms: [VMEntry]
    public var pods: [PodEntry]
    public var failures: [FailureEntry]
    public var nPlusOne: NPlusOneEntry?
    public var headroom: [ShapeHeadroom]
    public var rackLosses: [DomainLoss]
    public var storage: StoragePlan

    public struct VMEntry: Sendable, Encodable {
        public var id: Int
        public var name: String
        public var cores: Int64
        public var memoryBytes: Int64
        public var node: String?
        public var reason: String?
        public var ranking: [String]?
        public var scores: [String: Double]?
        public var startFailures: [String]?
    }

    public struct PodEntry: Sendable, Encodable {
        public var namespace: String
        public var name: String
        public var kind: String
        public var workload: String
        public var node: String?
        public var running: Bool
        public var reason: String?
        public var decision: PodDecision?
    }

    public struct FailureEntry: Sendable, Encodable {
        public var host: String
        public var inactivePools: [String]
        public var events: [FailoverEvent]
    }

    public struct NPlusOneEntry: Sendable, Encodable {
        public var lostHost: String
        public var passes: Bool
        public var problems: [String]
        public var pools: [NPlusOneCheck.PoolSpace]
    }

    public init(report: PlanReport, explain: Bool = false) {
        version = Self.formatVersion
        scenario = report.scenario.name
        crs = report.options.crs.rawValue
        strategy = PlanReport.strategyName(report.options.strategy)
        vms = report.plan.vms.map { vm in
            VMEntry(
                id: vm.id, name: vm.name, cores: vm.resources.milliCPU / 1000, memoryBytes: vm.resources.memory,
                node: vm.node, reason: vm.reason, ranking: explain ? vm.ranking : nil, scores: explain ? vm.scores : nil,
                startFailures: vm.startFailures.isEmpty ? nil : vm.startFailures)
        }
        pods = report.plan.pods.map { p in
            PodEntry(
                namespace: p.pod.namespace, name: p.pod.name, kind: p.pod.kind.rawValue, workload: p.pod.workload,
                node: p.node, running: p.isRunning, reason: p.blockedBy ?? p.decision.message,
                decision: explain ? p.decision : nil)
        }
        failures = report.failures.map { FailureEntry(host: $0.host, inactivePools: $0.inactivePools, events: $0.events) }
        nPlusOne = report.nPlusOne.map {
            NPlusOneEntry(lostHost: $0.lostHost, passes: $0.passes, problems: $0.problems, pools: $0.pools)
        }
        headroom = report.headroom
        rackLosses = report.rackLosses
        storage = report.scenario.storagePlan()
    }
}
