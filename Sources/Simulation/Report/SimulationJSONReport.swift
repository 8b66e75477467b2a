/// `collective simulate -f json`: the result as plain data (`version` 1). Times are
/// milliseconds since the start (`*_ms`), sizes bytes; keys are written in snake_case by the
/// encoder. The shape is documented in scenarios/README.md ("simulate -f json").
public struct SimulationJSONReport: Encodable, Sendable {
    public var version = 1
    public var scenario: String
    public var seed: UInt64
    public var endMs: Int64
    public var passed: Bool
    public var dataLost: Bool
    public var worstInactivePgs: Int
    public var steps: [Step]
    public var incidents: [IncidentEntry]
    public var expectations: [ExpectationEntry]
    public var final: Status
    /// What happened to the VMs and pods, in time order (empty without workloads).
    public var workloads: [WorkloadEvent]
    /// Single points of failure the run exercised.
    public var singlePointsOfFailure: [SinglePointOfFailure]

    public init(_ result: SimulationResult) {
        scenario = result.scenario
        seed = result.seed
        endMs = result.endTime.wholeMilliseconds
        passed = result.passed
        dataLost = result.dataLost
        worstInactivePgs = result.worstInactivePGs
        steps = result.steps.map(Step.init)
        incidents = result.incidents.map(IncidentEntry.init)
        expectations = result.expectations.map {
            ExpectationEntry(name: $0.expectation.name, passed: $0.passed, detail: $0.detail)
        }
        final = Status(result.final)
        workloads = result.workloadEvents.map(WorkloadEvent.init)
        singlePointsOfFailure = result.singlePointsExercised
    }

    /// A failover event: `kind` down, node_not_ready, evictions_halted, evicted, stuck, fenced,
    /// restarted, migrated, pending or frozen; `node` where a restarted or migrated VM or pod runs.
    public struct WorkloadEvent: Encodable, Sendable {
        public var timeMs: Int64
        public var subject: String
        public var kind: String
        public var detail: String
        public var node: String?

        init(_ e: FailoverEvent) {
            timeMs = e.seconds * 1000
            subject = e.subject
            kind = switch e.kind {
            case .nodeNotReady: "node_not_ready"
            case .evictionsHalted: "evictions_halted"
            default: e.kind.rawValue
            }
            detail = e.detail
            node = e.node
        }
    }

    /// A service's state at a step: `state` up, degraded or down.
    public struct ServiceEntry: Encodable, Sendable {
        public var service: String
        public var state: String
        public var summary: String
        public var serving: [String]

        init(_ s: ServiceStatus) {
            service = s.service.rawValue
            state = s.state.rawValue
            summary = s.summary
            serving = s.serving
        }
    }

    public struct Step: Encodable, Sendable {
        public var timeMs: Int64
        public var events: [Event]
        public var hostsRunning: [String]
        /// Groups of running hosts that can talk to each other.
        public var networkGroups: [[String]]
        public var ceph: Status
        /// The services whose state or reason changed at this step (all at the first).
        public var services: [ServiceEntry]

        init(_ step: SimulationStep) {
            timeMs = step.time.wholeMilliseconds
            events = step.events.map(Event.init)
            hostsRunning = step.hosts.filter { step.connectivity.running.contains($0) }
            networkGroups = step.networkGroups
            ceph = Status(step.ceph)
            services = step.services.map(ServiceEntry.init)
        }
    }

    /// `type`: timeline, marked_down, marked_out, kept_in, marked_up, marked_in, created,
    /// purged, replaced, drained, unsupported.
    public struct Event: Encodable, Sendable {
        public var type: String
        public var osds: [Int32]?
        public var timelineIndex: Int?
        public var event: String?
        public var note: String?
        public var reason: String?

        init(_ event: ClusterEvent) {
            switch event {
            case .timeline(let index, let e):
                type = "timeline"
                timelineIndex = index
                self.event = e.action.summary
                note = e.note
            case .markedDown(let o): type = "marked_down"; osds = o
            case .markedOut(let o): type = "marked_out"; osds = o
            case .keptIn(let o, let why): type = "kept_in"; osds = o; reason = why
            case .markedUp(let o): type = "marked_up"; osds = o
            case .markedIn(let o): type = "marked_in"; osds = o
            case .created(let o): type = "created"; osds = o
            case .purged(let o): type = "purged"; osds = o
            case .replaced(let o): type = "replaced"; osds = [o]
            case .drained(let o): type = "drained"; osds = o
            case .unsupported(let why): type = "unsupported"; reason = why
            case .alarmUnheard(let sensor, let why): type = "alarm_unheard"; self.event = sensor; reason = why
            }
        }
    }

    public struct Status: Encodable, Sendable {
        public var health: String
        public var checks: [Check]
        public var epoch: UInt32
        public var monQuorum: [String]
        public var osds: Int
        public var osdsUp: Int
        public var osdsIn: Int
        public var pgs: Int
        public var pgStates: [StateCount]
        public var inactivePgs: Int
        public var degradedPgs: Int
        public var undersizedPgs: Int
        public var lostPgs: Int
        public var inactivePools: [String]
        public var degradedBytes: UInt64
        public var misplacedBytes: UInt64
        public var degradedObjects: UInt64
        public var misplacedObjects: UInt64
        public var objectCopies: UInt64
        public var recoveringPgs: Int
        public var waitingPgs: Int
        public var bytesMoved: UInt64
        public var storedBytes: UInt64

        init(_ s: CephStatus) {
            health = s.health.status.rawValue
            checks = s.health.checks.map { Check(name: $0.name, severity: $0.severity.rawValue, summary: $0.summary) }
            epoch = s.epoch
            monQuorum = s.monQuorum.members
            osds = s.osds
            osdsUp = s.osdsUp
            osdsIn = s.osdsIn
            pgs = s.pgs
            pgStates = s.pgStates.map { StateCount(state: $0.state.name, count: $0.count) }
            inactivePgs = s.inactivePGs
            degradedPgs = s.degradedPGs
            undersizedPgs = s.undersizedPGs
            lostPgs = s.lostPGs
            inactivePools = s.inactivePools
            degradedBytes = s.degradedBytes
            misplacedBytes = s.misplacedBytes
            degradedObjects = s.degradedObjects
            misplacedObjects = s.misplacedObjects
            objectCopies = s.objectCopies
            recoveringPgs = s.recoveringPGs
            waitingPgs = s.waitingPGs
            bytesMoved = s.bytesMoved
            storedBytes = s.storedBytes
        }
    }

    public struct Check: Encodable, Sendable {
        public var name: String
        public var severity: String
        public var summary: String
    }

    public struct StateCount: Encodable, Sendable {
        public var state: String
        public var count: Int
    }

    public struct IncidentEntry: Encodable, Sendable {
        public var timelineIndex: Int
        public var atMs: Int64
        public var event: String
        public var note: String?
        public var endMs: Int64
        public var worstDegradedPgs: Int
        public var worstUndersizedPgs: Int
        public var worstInactivePgs: Int
        public var lostPgs: Int
        public var peakDegradedBytes: UInt64
        public var bytesMoved: UInt64
        public var osdsMarkedDown: Int
        public var osdsMarkedOut: Int
        public var monQuorumLost: Bool
        public var worstHealth: String
        public var activeCleanAfterMs: Int64?
        public var healthOkAfterMs: Int64?
        public var servicesLost: [ServiceLossEntry]
        public var servicesDegraded: [String]
        public var workloads: WorkloadEntry

        init(_ i: Incident) {
            timelineIndex = i.index
            atMs = i.event.at.wholeMilliseconds
            event = i.event.action.summary
            note = i.event.note
            endMs = i.end.wholeMilliseconds
            worstDegradedPgs = i.worstDegradedPGs
            worstUndersizedPgs = i.worstUndersizedPGs
            worstInactivePgs = i.worstInactivePGs
            lostPgs = i.lostPGs
            peakDegradedBytes = i.peakDegradedBytes
            bytesMoved = i.bytesMoved
            osdsMarkedDown = i.osdsMarkedDown
            osdsMarkedOut = i.osdsMarkedOut
            monQuorumLost = i.monQuorumLost
            worstHealth = i.worstHealth.rawValue
            activeCleanAfterMs = i.activeCleanAfter?.wholeMilliseconds
            healthOkAfterMs = i.healthOKAfter?.wholeMilliseconds
            servicesLost = i.servicesLost.map {
                ServiceLossEntry(
                    service: $0.service.rawValue, reason: $0.reason, afterMs: $0.after.wholeMilliseconds,
                    downForMs: $0.downFor?.wholeMilliseconds)
            }
            servicesDegraded = i.servicesDegraded.map(\.rawValue)
            workloads = WorkloadEntry(
                stopped: i.workloads.stopped,
                restarted: i.workloads.restarted.map {
                    RestartEntry(subject: $0.subject, node: $0.node, afterMs: $0.after.wholeMilliseconds, migrated: $0.migrated)
                },
                notRunning: i.workloads.notRunning.map { WaitEntry(subject: $0.subject, reason: $0.reason) },
                allRunningAfterMs: i.workloads.allRunningAfter?.wholeMilliseconds)
        }
    }

    /// `down_for_ms` absent: still down at the end of the run.
    public struct ServiceLossEntry: Encodable, Sendable {
        public var service: String
        public var reason: String
        public var afterMs: Int64
        public var downForMs: Int64?
    }

    public struct WorkloadEntry: Encodable, Sendable {
        public var stopped: [String]
        public var restarted: [RestartEntry]
        public var notRunning: [WaitEntry]
        public var allRunningAfterMs: Int64?
    }

    public struct RestartEntry: Encodable, Sendable {
        public var subject: String
        public var node: String
        public var afterMs: Int64
        public var migrated: Bool
    }

    public struct WaitEntry: Encodable, Sendable {
        public var subject: String
        public var reason: String
    }

    public struct ExpectationEntry: Encodable, Sendable {
        public var name: String
        public var passed: Bool
        public var detail: String
    }
}
