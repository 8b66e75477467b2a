import Placement
import Simulation

extension ScenarioReport {
    /// Section 4: CPU and memory of every host — capacity, the reserves of the OS, hypervisor
    /// and K3s server and of the Ceph daemons, the VMs, and the pods' requests and limits with
    /// their share of the K3s node's allocatable (kube-capacity's columns) — and the memory
    /// allocation chart.
    public func hostsSection() -> ReportSection {
        let hosts = HostAllocation.all(workloads)
        return ReportSection(
            id: "hosts", title: "Hosts",
            blocks: [
                .paragraph(
                    "What each host gives and what takes it, from the workload plan (\(workloads.plan.vms.filter { $0.node != nil }.count) VMs placed by the "
                        + "Proxmox HA manager, \(workloads.plan.pods.filter { $0.node != nil }.count) pods bound by kube-scheduler) and the host budgets. "
                        + "SYSTEM is the OS, Proxmox VE and the K3s server; CEPH the Ceph daemons (osd_memory_target per OSD, mon, mgr, mds). "
                        + "NODE ALLOC is the K3s node's allocatable: capacity less both reserves and the VMs' memory; "
                        + "REQUESTS and LIMITS are the pods' and %REQ and %LIM their share of the node's allocatable, as kube-capacity shows them (a missing limit counts 0). "
                        + "ALLOCATED adds reserves, VMs and pod requests; %CAP is its share of the host."),
                .table(allocationTable(hosts, caption: "CPU per host (1 = one hardware thread)", unit: "millicores", \.milliCPU, cell: ReportFigures.cpu, signed: ReportFigures.signedCPU)),
                .table(allocationTable(hosts, caption: "Memory per host", unit: "bytes", \.memory, cell: { ReportFigures.bytes(UInt64(max($0, 0))) }, signed: ReportFigures.signedBytes)),
                .chart(.bar(memoryChart(hosts))),
                .findings(hostFindings(hosts)),
            ])
    }

    private func allocationTable(
        _ hosts: [HostAllocation], caption: String, unit: String, _ part: KeyPath<ResourceAmount, Int64>,
        cell: (Int64) -> ReportTable.Cell, signed: (Int64) -> ReportTable.Cell
    ) -> ReportTable {
        var table = ReportTable(
            caption: caption,
            columns: [
                .init("HOST", key: "host"), .init("CAPACITY", key: "capacity", alignment: .right, unit: unit),
                .init("SYSTEM", key: "system", alignment: .right, unit: unit), .init("CEPH", key: "ceph", alignment: .right, unit: unit),
                .init("VMS", key: "vms", alignment: .right, unit: unit),
                .init("NODE ALLOC", key: "k8s_allocatable", alignment: .right, unit: unit),
                .init("REQUESTS", key: "pod_requests", alignment: .right, unit: unit),
                .init("%REQ", key: "pod_requests_percent", alignment: .right, unit: "percent"),
                .init("LIMITS", key: "pod_limits", alignment: .right, unit: unit),
                .init("%LIM", key: "pod_limits_percent", alignment: .right, unit: "percent"),
                .init("ALLOCATED", key: "allocated", alignment: .right, unit: unit),
                .init("%CAP", key: "allocated_percent", alignment: .right, unit: "percent"),
                .init("FREE", key: "free", alignment: .right, unit: unit),
            ])
        var total = HostAllocation(
            host: "TOTAL", role: "", capacity: .zero, system: .zero, ceph: .zero, vms: .zero, vmCount: 0,
            podRequests: .zero, podLimits: .zero, podCount: 0, nodeAllocatable: .zero)
        for h in hosts {
            total.capacity += h.capacity
            total.system += h.system
            total.ceph += h.ceph
            total.vms += h.vms
            total.podRequests += h.podRequests
            total.podLimits += h.podLimits
            total.nodeAllocatable! += h.nodeAllocatable ?? .zero
        }
        if hosts.allSatisfy({ $0.nodeAllocatable == nil }) { total.nodeAllocatable = nil }
        for h in hosts + [total] {
            let node = h.nodeAllocatable.map { $0[keyPath: part] }
            table.rows.append([
                ReportTable.Cell(h.host), cell(h.capacity[keyPath: part]), cell(h.system[keyPath: part]), cell(h.ceph[keyPath: part]),
                cell(h.vms[keyPath: part]), node.map(cell) ?? "-",
                cell(h.podRequests[keyPath: part]), node.map { ReportFigures.percent(ReportFigures.share(h.podRequests[keyPath: part], of: $0)) } ?? "-",
                cell(h.podLimits[keyPath: part]), node.map { ReportFigures.percent(ReportFigures.share(h.podLimits[keyPath: part], of: $0)) } ?? "-",
                cell(h.allocated[keyPath: part]), ReportFigures.percent(ReportFigures.share(h.allocated[keyPath: part], of: h.capacity[keyPath: part])),
                signed(h.free[keyPath: part]),
            ])
        }
        return table
    }

    /// Memory allocated on each host as a share of its RAM, by role, with the 100% line.
    func memoryChart(_ hosts: [HostAllocation]) -> BarChart {
        BarChart(
            id: "host-memory", title: "Memory allocated per host: reserves, VMs and pod requests, as a share of its RAM",
            xAxis: ChartAxis(label: "host", unit: ""), yAxis: ChartAxis(label: "allocated RAM", unit: "%"),
            bars: hosts.map {
                BarChart.Bar(label: $0.host, value: ReportFigures.share($0.allocated.memory, of: $0.capacity.memory), group: $0.role)
            },
            thresholds: [ChartThreshold(label: "RAM", value: 100)])
    }

    /// Over-committed hosts: memory allocated beyond the RAM (critical: something does not
    /// start or is OOM-killed), pod memory limits beyond the node's allocatable (pods may be
    /// OOM-killed under pressure), CPU allocated beyond the threads (contention, no failure).
    func hostFindings(_ hosts: [HostAllocation]) -> [Finding] {
        var out: [Finding] = []
        for h in hosts {
            if h.allocated.memory > h.capacity.memory {
                out.append(Finding(
                    .critical, code: "HOST_MEMORY_OVERCOMMITTED",
                    message: "\(h.host) has more memory allocated than it has RAM: move a VM or pods off it, or add RAM.",
                    trigger: "\(h.host): \(CapacityFormat.bytes(UInt64(h.allocated.memory))) allocated > \(CapacityFormat.bytes(UInt64(h.capacity.memory))) RAM (\(ReportFigures.percentText(ReportFigures.share(h.allocated.memory, of: h.capacity.memory))))"))
            }
            if let node = h.nodeAllocatable, h.podLimits.memory > node.memory {
                out.append(Finding(
                    .warning, code: "POD_LIMITS_OVERCOMMITTED",
                    message: "The pods on \(h.host) may use more memory than the node has for them: under pressure the kubelet evicts or the kernel OOM-kills them. Lower their limits or spread them.",
                    trigger: "\(h.host): pod memory limits \(CapacityFormat.bytes(UInt64(h.podLimits.memory))) = \(ReportFigures.percentText(ReportFigures.share(h.podLimits.memory, of: node.memory))) of allocatable \(CapacityFormat.bytes(UInt64(max(node.memory, 0))))"))
            }
            if h.allocated.milliCPU > h.capacity.milliCPU {
                out.append(Finding(
                    .info, code: "HOST_CPU_OVERCOMMITTED",
                    message: "\(h.host) has more CPU allocated than hardware threads: VMs and pods contend under load (nothing fails).",
                    trigger: "\(h.host): \(CPUQuantity(millicores: h.allocated.milliCPU)) CPU allocated > \(CPUQuantity(millicores: h.capacity.milliCPU)) threads"))
            }
        }
        if out.isEmpty, let busiest = hosts.max(by: { ReportFigures.share($0.allocated.memory, of: $0.capacity.memory) < ReportFigures.share($1.allocated.memory, of: $1.capacity.memory) }) {
            out.append(Finding(
                .ok, code: "HOSTS_FIT", message: "Every host's reserves, VMs and pod requests fit its CPU and RAM.",
                trigger: "busiest: \(busiest.host) \(ReportFigures.percentText(ReportFigures.share(busiest.allocated.memory, of: busiest.capacity.memory))) of RAM allocated"))
        }
        return out
    }
}
