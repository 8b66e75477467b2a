internal import CRUSH

/// `collective plan`'s text report: hosts and their budgets, where every VM and pod runs (with
/// the schedulers' reasoning when `explain` is set), what happens when the Queen and when a
/// Drone fails, the N+1 verdict, pool space and headroom per workload shape.
public struct PlanReport: Sendable {
    public var scenario: Scenario
    public var options: PlanOptions
    public var plan: WorkloadPlan
    public var failures: [HostFailure]
    public var nPlusOne: NPlusOneCheck?
    public var headroom: [ShapeHeadroom]
    public var rackLosses: [DomainLoss]

    /// A what-if: one host fails at time 0 and stays down; the events that follow.
    public struct HostFailure: Sendable, Equatable {
        public var host: String
        public var inactivePools: [String]
        public var events: [FailoverEvent]
    }

    /// Plans the scenario and runs the what-ifs: the Queen fails; the first Drone fails.
    public init(scenario: Scenario, options: PlanOptions = PlanOptions()) {
        self.scenario = scenario
        self.options = options
        let plan = scenario.workloadPlan(options: options)
        self.plan = plan
        var hosts: [String] = []
        if let queen = scenario.fleet.queen { hosts.append(queen.name) }
        if let drone = scenario.fleet.hosts(withRole: .drone).first { hosts.append(drone.name) }
        failures = hosts.map { host in
            let down: Set<String> = [host]
            let inactive = scenario.inactivePools(downHosts: down)
            var connectivity = FleetConnectivity.healthy(scenario.fleet)
            connectivity.running.remove(host)
            let events = scenario.failover(
                from: plan, changes: [ConditionChange(time: .zero, conditions: ClusterConditions(connectivity: connectivity, inactivePools: inactive))],
                options: options)
            return HostFailure(host: host, inactivePools: inactive.sorted(), events: events)
        }
        nPlusOne = scenario.nPlusOne(options: options)
        headroom = scenario.headroom(in: plan)
        rackLosses = scenario.rackLosses(options: options)
    }

    static func time(_ seconds: Int64) -> String {
        seconds < 60 ? "\(seconds) s" : "\(seconds / 60) min \(seconds % 60) s"
    }

    static func bytes(_ value: Int64) -> String { ByteSize(bytes: UInt64(max(value, 0))).description }

    public func text(explain: Bool = false) -> String {
        var out = "Plan for \(scenario.name): Proxmox HA CRS \(options.crs.rawValue), kube-scheduler NodeResourcesFit \(Self.strategyName(options.strategy))\n\n"
        var hosts = TextTable()
        for (h, a) in [("HOST", TextTable.Alignment.left), ("CPU", .right), ("RAM", .right), ("GUESTS CPU", .right), ("GUESTS RAM", .right), ("USED CPU", .right), ("USED RAM", .right), ("RESERVED FOR", .left)] {
            hosts.defineColumn(h, heading: a, cells: a)
        }
        for budget in plan.budgets {
            let used = plan.usage(on: budget.host)
            hosts.appendRow([
                budget.host, CPUQuantity(millicores: budget.capacity.milliCPU).description, Self.bytes(budget.capacity.memory),
                CPUQuantity(millicores: budget.allocatable.milliCPU).description, Self.bytes(budget.allocatable.memory),
                CPUQuantity(millicores: used.milliCPU).description, Self.bytes(used.memory),
                budget.reserves.map(\.what).joined(separator: ", "),
            ])
        }
        out += hosts.rendered() + "\n"
        out += "VMs (Proxmox HA)\n"
        for vm in plan.vms {
            let place = vm.node.map { "→ \($0)" } ?? "NOT RUNNING: \(vm.reason ?? "")"
            out += "  vm:\(vm.id) \(vm.name)  \(vm.resources.milliCPU / 1000) vCPU, \(Self.bytes(vm.resources.memory))  \(place)\n"
            if explain {
                if !vm.ranking.isEmpty {
                    let scores = vm.ranking.map { node in
                        vm.scores[node].map { "\(node) \(DecimalFormat.fixed(options.crs == .static ? -$0 : $0, decimals: 4))" } ?? node
                    }
                    out += "      CRS ranking (\(options.crs == .static ? "TOPSIS score, higher is better" : "services on node, fewer is better")): \(scores.joined(separator: ", "))\n"
                } else if vm.node != nil {
                    out += "      stays on its configured node\n"
                }
                for failure in vm.startFailures { out += "      start failed: \(failure)\n" }
            }
        }
        out += "\nPods (kube-scheduler)\n"
        for pod in plan.pods {
            let place: String
            if let node = pod.node {
                place = pod.blockedBy.map { "→ \(node), NOT RUNNING: \($0)" } ?? "→ \(node)"
            } else {
                place = "PENDING: \(pod.decision.message ?? "")"
            }
            out += "  \(pod.pod.id)  \(CPUQuantity(millicores: pod.pod.requests.milliCPU)) CPU, \(Self.bytes(pod.pod.requests.memory))  \(place)\n"
            if explain {
                for f in pod.decision.filtered {
                    out += "      \(f.node): filtered by \(f.plugin): \(f.reasons.joined(separator: ", "))\n"
                }
                for s in pod.decision.scores {
                    let parts = s.plugins.map { "\($0.plugin) \($0.score)×\($0.weight)" }
                    out += "      \(s.node): \(s.total) = \(parts.joined(separator: " + "))\n"
                }
            }
        }
        for failure in failures {
            out += "\nWhen \(failure.host) fails at 0 s and stays down"
            out += failure.inactivePools.isEmpty ? " (every pool stays active)\n" : " (inactive pools: \(failure.inactivePools.joined(separator: ", ")))\n"
            if failure.events.isEmpty { out += "  nothing of the plan ran there\n" }
            for e in failure.events {
                out += "  \(Self.time(e.seconds).padding(12))\(e.subject): \(e.detail)\n"
            }
        }
        if let n = nPlusOne {
            out += "\nN+1: after losing \(n.lostHost) (the largest host) and re-packing everything: \(n.passes ? "PASS" : "FAIL")\n"
            for problem in n.problems { out += "  - \(problem)\n" }
            var pools = TextTable()
            for (h, a) in [("POOL", TextTable.Alignment.left), ("STORED", .right), ("RBD PROVISIONED", .right), ("MAX AVAIL", .right), ("MAX AVAIL WITHOUT \(n.lostHost.uppercased())", .right)] {
                pools.defineColumn(h, heading: a, cells: a)
            }
            for p in n.pools {
                pools.appendRow([
                    p.pool, ByteSize(bytes: p.stored).description, ByteSize(bytes: p.provisioned).description,
                    ByteSize(bytes: p.maxAvail).description, ByteSize(bytes: p.maxAvailAfterLoss).description,
                ])
            }
            out += "\n" + pools.rendered()
        }
        for loss in rackLosses {
            out += "\nLosing rack \(loss.domain) (\(loss.hosts.joined(separator: ", "))) and re-packing: "
            out += loss.problems.isEmpty ? "everything runs\n" : "\(loss.problems.count) problems\n"
            for line in loss.problems { out += "  - \(line)\n" }
        }
        if !headroom.isEmpty {
            out += "\nHeadroom: how many more of each shape fit now\n"
            for h in headroom {
                let hosts = h.perHost.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
                let racks = h.perRack.map { "\($0.name) \($0.count)" }.joined(separator: ", ")
                out += "  \(h.shape): \(h.total) (hosts: \(hosts); racks: \(racks))\n"
            }
        }
        return out
    }

    static func strategyName(_ s: ResourceScoring.Strategy) -> String {
        switch s {
        case .leastAllocated: "LeastAllocated"
        case .mostAllocated: "MostAllocated"
        case .requestedToCapacityRatio: "RequestedToCapacityRatio"
        }
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
