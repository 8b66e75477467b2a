import Reports
import Simulation
import Testing

/// The sections drawn from the workload plan and the service layout — hosts, services and
/// single points of failure, headroom — for the default scenario: the figures they print are
/// the scheduler's and the layout's, and the recommendations name what triggered them.
@Suite struct WorkloadSectionsTests {
    static func loaded() throws -> (Scenario, Report) {
        let scenario = try ReportFixtures.scenario("scenarios/borg-collective.yaml")
        return (scenario, ScenarioReport(scenario: scenario).documentWithFailures())
    }

    static func section(_ id: String, in report: Report) throws -> ReportSection {
        try #require(report.sections.first { $0.id == id }, "no section \(id)")
    }

    static func table(_ caption: String, in section: ReportSection) throws -> ReportTable {
        let tables: [ReportTable] = section.blocks.compactMap { block -> ReportTable? in
            if case .table(let t) = block { return t }
            return nil
        }
        return try #require(tables.first { ($0.caption ?? "").hasPrefix(caption) }, "no table \(caption) in \(section.id)")
    }

    static func findings(in section: ReportSection) -> [Finding] {
        section.blocks.flatMap { block -> [Finding] in
            if case .findings(let f) = block { return f }
            return []
        }
    }

    static func paragraphs(in section: ReportSection) -> String {
        section.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p }
            return nil
        }.joined(separator: "\n")
    }

    /// The integer value of the cell in column `key` of the row whose first cell reads `row`.
    static func value(_ table: ReportTable, row: String, key: String) throws -> Int64 {
        let column = try #require(table.columns.firstIndex { $0.key == key }, "no column \(key)")
        let cells = try #require(table.rows.first { $0.first?.text == row }, "no row \(row)")
        guard case .integer(let n)? = cells[column].value else {
            Issue.record("\(row)/\(key): \(cells[column].text) is not an integer")
            return -1
        }
        return n
    }

    @Test func sectionsComeInTheIssuesOrder() throws {
        let (_, report) = try Self.loaded()
        #expect(report.sections.map(\.id) == ["summary", "pools", "osds", "hosts", "services", "failures", "headroom", "recommendations"])
        #expect(report.charts.contains { $0.id == "host-memory" })
    }

    /// The default fleet's Queen is the one K3s server on sqlite, the one Consul server and the
    /// MQTT broker (scenarios/borg-collective.yaml): the report must say so, with why, and say
    /// how to remove each.
    @Test func queenIsNamedASinglePointOfFailureWithWhy() throws {
        let (scenario, report) = try Self.loaded()
        #expect(scenario.services.k3s?.servers == ["queen"] && scenario.services.k3s?.datastore == .sqlite)
        #expect(scenario.services.consul?.servers == ["queen"] && scenario.services.mqtt?.host == "queen")

        let services = try Self.section("services", in: report)
        #expect(Self.paragraphs(in: services).contains("queen is a single point of failure for Kubernetes API (K3s), Consul, MQTT broker"))
        let spofs = try Self.table("Single points of failure", in: services)
        let queen = spofs.rows.filter { $0[0].text == "queen" }
        func why(_ service: String) -> String? { queen.first { $0[1].text == service }?[2].text }
        #expect(why("Kubernetes API (K3s)")?.contains("sqlite") == true)
        #expect(why("Consul")?.contains("only Consul server") == true)
        #expect(why("MQTT broker")?.contains("no clustering") == true)

        let recommendations = Self.findings(in: try Self.section("recommendations", in: report))
        let k3s = try #require(recommendations.first { $0.code == "SPOF_K3S" })
        #expect(k3s.message.contains("3 K3s servers on embedded etcd") && k3s.trigger.contains("queen fails"))
        let consul = try #require(recommendations.first { $0.code == "SPOF_CONSUL" })
        #expect(consul.message.contains("3 Consul servers") && consul.trigger.contains("tolerates 0"))
        #expect(recommendations.contains { $0.code == "SPOF_MQTT" && $0.message.hasPrefix("queen") })
    }

    /// The verdict, its problems and the pool space are `Scenario.nPlusOne`'s.
    @Test func nPlusOneVerdictIsTheSchedulers() throws {
        let (scenario, report) = try Self.loaded()
        let check = try #require(scenario.nPlusOne())
        let headroom = try Self.section("headroom", in: report)
        #expect(Self.paragraphs(in: headroom).contains("after losing \(check.lostHost), the largest host"))
        #expect(Self.paragraphs(in: headroom).contains(check.passes ? ": PASS." : ": FAIL."))
        let verdicts = Self.findings(in: headroom).filter { $0.code.hasPrefix("N_PLUS_ONE") }
        if check.passes {
            #expect(verdicts.map(\.code) == ["N_PLUS_ONE"])
        } else {
            #expect(verdicts.count == check.problems.count && verdicts.allSatisfy { $0.code == "N_PLUS_ONE_FAILS" })
            for (finding, problem) in zip(verdicts, check.problems) { #expect(finding.message.contains(problem)) }
        }
        let pools = try Self.table("Pool space before and after losing \(check.lostHost)", in: headroom)
        #expect(pools.rows.count == check.pools.count)
        for space in check.pools {
            #expect(try Self.value(pools, row: space.pool, key: "max_avail") == Int64(space.maxAvail))
            #expect(try Self.value(pools, row: space.pool, key: "max_avail_after_loss") == Int64(space.maxAvailAfterLoss))
        }
        // The default Queen is the only K3s server: losing it cannot pass.
        #expect(!check.passes)
    }

    /// Each rack's loss lists exactly what `Scenario.rackLosses` says does not run.
    @Test func rackLossesAreTheSchedulers() throws {
        let (scenario, report) = try Self.loaded()
        let losses = scenario.rackLosses()
        #expect(losses.map(\.domain) == scenario.fleet.racks)
        let headroom = try Self.section("headroom", in: report)
        let table = try Self.table("Losing a whole rack", in: headroom)
        for loss in losses {
            #expect(try Self.value(table, row: loss.domain, key: "problems") == Int64(loss.problems.count))
            let listed = Self.findings(in: headroom).filter { $0.code == "RACK_LOSS" && $0.trigger.hasPrefix("rack \(loss.domain) lost") }
            #expect(listed.map(\.message) == loss.problems.map { $0 + "." })
        }
    }

    /// Every host's rows add up to the plan's figures: reserves to its budget, VMs and pod
    /// requests to `WorkloadPlan.usage(on:)`; pod limits to the workloads' limits × replicas.
    @Test func hostAllocationSumsAreThePlans() throws {
        let (scenario, report) = try Self.loaded()
        let plan = scenario.workloadPlan()
        let hosts = try Self.section("hosts", in: report)
        let cpu = try Self.table("CPU per host", in: hosts)
        let memory = try Self.table("Memory per host", in: hosts)
        for (table, part) in [(cpu, \ResourceAmount.milliCPU), (memory, \ResourceAmount.memory)] {
            var allocated: Int64 = 0
            for budget in plan.budgets {
                let h = budget.host
                #expect(try Self.value(table, row: h, key: "capacity") == budget.capacity[keyPath: part])
                let reserves = try Self.value(table, row: h, key: "system") + Self.value(table, row: h, key: "ceph")
                #expect(reserves == budget.reserved[keyPath: part])
                let guests = try Self.value(table, row: h, key: "vms") + Self.value(table, row: h, key: "pod_requests")
                #expect(guests == plan.usage(on: h)[keyPath: part], "\(h)")
                let hostAllocated = try Self.value(table, row: h, key: "allocated")
                #expect(hostAllocated == reserves + guests)
                #expect(try Self.value(table, row: h, key: "free") == budget.capacity[keyPath: part] - hostAllocated)
                allocated += hostAllocated
            }
            #expect(try Self.value(table, row: "TOTAL", key: "allocated") == allocated)
        }
        // Every pod of the default plan is bound, so the limits are the workloads' own.
        #expect(plan.pods.allSatisfy { $0.node != nil })
        let workloads = scenario.workloads.pods + scenario.workloads.deployments + scenario.workloads.statefulSets
        let limits = workloads.reduce(Int64(0)) { $0 + Int64($1.replicas) * Int64(clamping: $1.limits.memory?.bytes ?? 0) }
        #expect(limits > 0)
        #expect(try Self.value(memory, row: "TOTAL", key: "pod_limits") == limits)
    }

    /// The memory chart has one bar per host, the allocated share of its RAM.
    @Test func memoryChartIsTheTablesShare() throws {
        let (_, report) = try Self.loaded()
        let memory = try Self.table("Memory per host", in: try Self.section("hosts", in: report))
        guard case .bar(let chart)? = report.charts.first(where: { $0.id == "host-memory" }) else {
            Issue.record("no host-memory bar chart")
            return
        }
        #expect(chart.bars.map(\.label) == memory.rows.map(\.[0].text).filter { $0 != "TOTAL" })
        for bar in chart.bars {
            let share = Double(try Self.value(memory, row: bar.label, key: "allocated")) / Double(try Self.value(memory, row: bar.label, key: "capacity")) * 100
            #expect(abs(bar.value - share) < 1e-9)
        }
        #expect(!chart.yAxis.unit.isEmpty)
    }
}

/// Host lists in tables stay readable on big fleets.
@Suite struct HostNameListTests {
    @Test func beyondTwelveHostsTheListIsShortenedWithItsCount() throws {
        let hosts = (0..<14).map { "    - {name: d\($0), role: drone, cores: 4, ram: 16GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 1TB}]}" }
        let yaml = "fleet:\n  hosts:\n" + hosts.joined(separator: "\n") + "\nceph:\n  mons: [d0, d1, d2]\n  mgrs: [d0]\n  pools: [{name: rbd, pg_num: 32}]\n"
        let summary = ScenarioReport(scenario: try Scenario(yaml: yaml, file: "big.yaml")).summarySection()
        let table = try #require(summary.blocks.compactMap { if case .table(let t) = $0, t.caption == "Hosts by role" { t } else { nil } }.first)
        let names = try #require(table.columns.firstIndex { $0.key == "names" })
        #expect(table.rows.map { $0[names].text } == ["d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, …, d13 (14)"])

        let few = "fleet:\n  hosts:\n" + hosts.prefix(3).joined(separator: "\n") + "\nceph:\n  mons: [d0]\n  mgrs: [d0]\n"
        let small = ScenarioReport(scenario: try Scenario(yaml: few, file: "small.yaml")).summarySection()
        let smallTable = try #require(small.blocks.compactMap { if case .table(let t) = $0, t.caption == "Hosts by role" { t } else { nil } }.first)
        #expect(smallTable.rows.map { $0[names].text } == ["d0, d1, d2"])
    }
}
