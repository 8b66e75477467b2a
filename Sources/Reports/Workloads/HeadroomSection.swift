import Placement
import Simulation

extension ScenarioReport {
    /// Section 6: the N+1 verdict (everything re-packed after losing the largest host, and the
    /// pools' MAX AVAIL with its OSDs out), each rack's loss, and how many more of each
    /// workload shape fit per host and per rack — the scheduler's `PlanReport` figures.
    public func headroomSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        if let n = workloads.nPlusOne {
            let demand = guestDemand()
            let supply = allocatable(without: [n.lostHost])
            blocks.append(.paragraph(
                "N+1: after losing \(n.lostHost), the largest host (most RAM, then threads), and re-packing every VM and pod "
                    + "with the HA manager and kube-scheduler: \(n.passes ? "PASS" : "FAIL"). The guests need "
                    + "\(CapacityFormat.bytes(UInt64(demand.memory))) RAM and \(CPUQuantity(millicores: demand.milliCPU)) CPU; "
                    + "the other hosts have \(CapacityFormat.bytes(UInt64(max(supply.memory, 0)))) RAM and \(CPUQuantity(millicores: supply.milliCPU)) CPU allocatable."))
            blocks.append(.findings(nPlusOneFindings(n)))
            var pools = ReportTable(
                caption: "Pool space before and after losing \(n.lostHost)",
                columns: [
                    .init("POOL", key: "pool"), .init("STORED", key: "stored", alignment: .right, unit: "bytes"),
                    .init("RBD PROVISIONED", key: "rbd_provisioned", alignment: .right, unit: "bytes"),
                    .init("MAX AVAIL", key: "max_avail", alignment: .right, unit: "bytes"),
                    .init("MAX AVAIL AFTER", key: "max_avail_after_loss", alignment: .right, unit: "bytes"),
                    .init("CHANGE %", key: "change_percent", alignment: .right, unit: "percent"),
                ])
            for p in n.pools {
                let change = p.maxAvail > 0 ? (Double(p.maxAvailAfterLoss) - Double(p.maxAvail)) / Double(p.maxAvail) * 100 : 0
                pools.rows.append([
                    ReportTable.Cell(p.pool), ReportFigures.bytes(p.stored), ReportFigures.bytes(p.provisioned),
                    ReportFigures.bytes(p.maxAvail), ReportFigures.bytes(p.maxAvailAfterLoss), ReportFigures.percent(change),
                ])
            }
            blocks.append(.table(pools))
        } else {
            blocks.append(.paragraph("N+1: no host runs guests (no Proxmox node or K3s node), so there is nothing to re-pack."))
        }
        if !workloads.rackLosses.isEmpty {
            var racks = ReportTable(
                caption: "Losing a whole rack and re-packing",
                columns: [
                    .init("RACK", key: "rack"), .init("HOSTS", key: "hosts"),
                    .init("PROBLEMS", key: "problems", alignment: .right), .init("VERDICT", key: "verdict"),
                ])
            var problems: [Finding] = []
            for loss in workloads.rackLosses {
                racks.rows.append([
                    ReportTable.Cell(loss.domain), ReportTable.Cell(loss.hosts.joined(separator: ", ")), .integer(loss.problems.count),
                    ReportTable.Cell(loss.problems.isEmpty ? "everything runs" : "does not fit"),
                ])
                problems += loss.problems.map {
                    Finding(.info, code: "RACK_LOSS", message: $0 + ".", trigger: "rack \(loss.domain) lost (\(loss.hosts.joined(separator: ", ")))")
                }
            }
            blocks.append(.table(racks))
            if !problems.isEmpty { blocks.append(.findings(problems)) }
        }
        if !workloads.headroom.isEmpty {
            blocks.append(.paragraph(
                "How many more of each workload shape fit now: a VM by the guest memory the host has left (Proxmox overcommits CPU, "
                    + "not RAM); a pod by the K3s node's allocatable CPU and memory less the requests bound, and its pod limit. "
                    + "Racks sum their hosts (\"-\": hosts outside a rack)"
                + (workloads.nPlusOne.map { "; AFTER N+1 is the total once \($0.lostHost) is lost and everything re-packed" } ?? "") + "."))
            blocks.append(.table(shapeTable(workloads.headroom)))
        }
        return ReportSection(id: "headroom", title: "Headroom", blocks: blocks)
    }

    /// SHAPE, TOTAL, the total after the N+1 loss, one column per host, one per rack.
    private func shapeTable(_ shapes: [ShapeHeadroom]) -> ReportTable {
        let afterLoss = workloads.nPlusOne.map { n in
            workloads.scenario.headroom(in: n.plan, downHosts: [n.lostHost])
        }
        var hosts: [String] = []
        var racks: [String] = []
        for s in shapes {
            for h in s.perHost where !hosts.contains(h.name) { hosts.append(h.name) }
            for r in s.perRack where !racks.contains(r.name) { racks.append(r.name) }
        }
        var table = ReportTable(
            caption: "More of each shape that fit",
            columns: [.init("SHAPE", key: "shape"), .init("TOTAL", key: "total", alignment: .right)]
                + (afterLoss == nil ? [] : [.init("AFTER N+1", key: "total_after_n_plus_one", alignment: .right)])
                + hosts.map { .init($0, key: "host_" + Self.key($0), alignment: .right) }
                + racks.map { .init("RACK " + $0, key: "rack_" + Self.key($0), alignment: .right) })
        for (index, s) in shapes.enumerated() {
            let after: [ReportTable.Cell] = afterLoss.map { list in
                [index < list.count && list[index].shape == s.shape ? .integer(list[index].total) : "-"]
            } ?? []
            table.rows.append(
                [ReportTable.Cell(s.shape), .integer(s.total)] + after
                    + hosts.map { name in s.perHost.first { $0.name == name }.map { .integer($0.count) } ?? "-" }
                    + racks.map { name in s.perRack.first { $0.name == name }.map { .integer($0.count) } ?? "-" })
        }
        return table
    }

    /// A JSON column key from a host or rack name: lowercase letters, digits and `_`.
    static func key(_ name: String) -> String {
        let mapped = String(name.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        return mapped.allSatisfy { $0 == "_" } ? "none" : mapped
    }

    /// CPU and memory of every VM meant to run and every pod's requests.
    func guestDemand() -> ResourceAmount {
        workloads.plan.vms.filter(\.shouldRun).reduce(ResourceAmount.zero) { $0 + $1.resources }
            + workloads.plan.pods.reduce(ResourceAmount.zero) { $0 + $1.pod.requests }
    }

    /// What the hosts other than `lost` can give guests (their budgets' allocatable).
    func allocatable(without lost: Set<String>) -> ResourceAmount {
        workloads.plan.budgets.filter { !lost.contains($0.host) }.reduce(ResourceAmount.zero) { $0 + $1.allocatable }
    }

    /// The verdict, then one finding per thing that does not fit without the lost host.
    func nPlusOneFindings(_ n: NPlusOneCheck) -> [Finding] {
        let demand = guestDemand()
        let supply = allocatable(without: [n.lostHost])
        let figures = "guests need \(CapacityFormat.bytes(UInt64(demand.memory))) RAM, \(CPUQuantity(millicores: demand.milliCPU)) CPU; without \(n.lostHost) \(CapacityFormat.bytes(UInt64(max(supply.memory, 0)))) RAM, \(CPUQuantity(millicores: supply.milliCPU)) CPU allocatable"
        guard !n.passes else {
            return [Finding(.ok, code: "N_PLUS_ONE", message: "N+1 holds: everything runs again after losing \(n.lostHost), the largest host.", trigger: figures)]
        }
        return n.problems.map { problem in
            let resource: String
            if problem.contains("memory") {
                resource = "memory: add RAM to the other hosts or shrink the guests"
            } else if problem.contains("cpu") {
                resource = "CPU: add cores to the other hosts or lower the pods' CPU requests"
            } else if problem.hasPrefix("pool ") {
                resource = "storage: add OSDs on the other hosts"
            } else if problem.contains("quorum") {
                resource = "quorum: spread the control plane's voters over more hosts"
            } else {
                resource = "see why"
            }
            return Finding(
                .warning, code: "N_PLUS_ONE_FAILS",
                message: "N+1 fails without \(n.lostHost) (\(resource)): \(problem).",
                trigger: figures)
        }
    }

    /// The recommendations the hosts, services and headroom trigger (not the OK verdicts).
    public func workloadRecommendations() -> [Finding] {
        let hosts = hostFindings(HostAllocation.all(workloads))
        let spofs = spofFindings(services.singlePointsOfFailure())
        let nPlusOne = workloads.nPlusOne.map(nPlusOneFindings) ?? []
        return (hosts + spofs + nPlusOne).filter { $0.severity != .ok }
    }
}
