import Foundation
import Testing
import Yams
@testable import Simulation

/// The plan of the default scenario, bad workload definitions, the N+1 check and the exports.
@Suite struct WorkloadPlanTests {
    let scenario: Scenario

    init() throws {
        scenario = try Repository.scenario("scenarios/borg-collective.yaml")
    }

    @Test func aDroneKeepsRoomForItsCephDaemons() throws {
        // drone1: 6 threads, 32 GiB; Proxmox (1 thread, 2 GiB), 2 OSDs (1 thread and
        // osd_memory_target 4 GiB each), a mon and a mgr (1 thread, 2 GiB each).
        let drone = try #require(scenario.fleet.host(named: "drone1"))
        let budget = scenario.hostBudget(for: drone)
        let gib: Int64 = 1 << 30
        #expect(budget.allocatable == ResourceAmount(milliCPU: 6000 - 1000 - 2000 - 1000 - 1000, memory: 32 * gib - 2 * gib - 8 * gib - 2 * gib - 2 * gib))
    }

    @Test func everyWorkloadOfTheDefaultScenarioRuns() {
        let plan = scenario.workloadPlan()
        #expect(plan.everythingRuns)
        #expect(plan.vms.count == scenario.workloads.vms.count)
        #expect(plan.pods.count == scenario.kubernetesPods().count)
        // zigbee2mqtt follows its USB stick to the only node labelled for it.
        #expect(plan.pods.first { $0.pod.workload == "zigbee2mqtt" }?.node == "edge1")
        // The two collective-manager replicas are kept apart.
        let managers = plan.pods.filter { $0.pod.workload == "collective-manager" }.compactMap(\.node)
        #expect(Set(managers).count == 2)
        // collective-db's affinity rule prefers the Queen (priority 2).
        #expect(plan.vms.first { $0.name == "collective-db" }?.node == scenario.fleet.queen?.name)
        let dns = plan.vms.filter { $0.name.hasPrefix("dns-") }.compactMap(\.node)
        #expect(Set(dns).count == 2)
    }

    @Test func unknownPoolInAFileIsAnError() {
        let text = (try? Repository.text("scenarios/borg-collective.yaml")) ?? ""
        let broken = text.replacingOccurrences(of: "disks: [{pool: rbd-vms, size: 200GiB}]", with: "disks: [{pool: rbd-vmz, size: 200GiB}]")
        #expect(broken != text)
        #expect(diagnostics(broken).contains { $0.contains("unknown pool \"rbd-vmz\"") })
    }

    @Test func badDefinitionsGetAPendingReason() {
        var bad = scenario
        bad.workloads.vms[0].disks = [VirtualDisk(pool: "nope", size: ByteSize(bytes: 1 << 30))]
        bad.workloads.vms[1].nodeAffinity = NodeAffinityRule(nodes: [NodePriority(node: "edge1")], strict: true)
        bad.workloads.deployments[1].requests = ResourceList(cpu: CPUQuantity(millicores: 100_000), memory: nil)
        let plan = bad.workloadPlan()
        #expect(plan.vms[0].node == nil)
        #expect(plan.vms[0].reason?.contains("pool nope does not exist") == true)
        #expect(plan.vms[1].node == nil)
        #expect(plan.vms[1].reason?.contains("strict node-affinity") == true)
        let grafana = plan.pods.first { $0.pod.workload == "grafana" }
        #expect(grafana?.node == nil)
        #expect(grafana?.decision.message?.contains("Insufficient cpu") == true)
        #expect(!plan.everythingRuns)
    }

    @Test func nPlusOneRepacksWithoutTheQueenAndFlagsTheSingleK3sServer() throws {
        let check = try #require(scenario.nPlusOne())
        #expect(check.lostHost == scenario.fleet.queen?.name)
        #expect(check.plan.vms.allSatisfy { $0.node != check.lostHost })
        #expect(check.problems.contains { $0.hasPrefix("K3s: no server quorum") })
        #expect(!check.passes)
        let vms = try #require(check.pools.first { $0.pool == "rbd-vms" })
        #expect(vms.maxAvailAfterLoss < vms.maxAvail)
        #expect(vms.provisioned == scenario.storagePlan().images.filter { $0.pool == "rbd-vms" }.reduce(0) { $0 + $1.sizeBytes })
    }

    @Test func manifestsParseBackWithTheExpectedFields() throws {
        let plan = scenario.workloadPlan()
        let files = PlanExport.files(scenario: scenario, plan: plan)
        var persistentVolumes = 0
        for file in files where file.path.hasSuffix(".yaml") {
            let documents = try Array(Yams.load_all(yaml: file.contents))
            #expect(!documents.isEmpty, "\(file.path)")
            for case let doc as [String: Any] in documents where doc["kind"] as? String == "PersistentVolume" {
                persistentVolumes += 1
                let spec = try #require(doc["spec"] as? [String: Any])
                let csi = try #require(spec["csi"] as? [String: Any])
                let attributes = try #require(csi["volumeAttributes"] as? [String: Any])
                #expect(attributes["staticVolume"] as? String == "true")
                #expect(attributes["imageName"] as? String == csi["volumeHandle"] as? String)
            }
        }
        let images = scenario.storagePlan().images.filter { $0.owner.hasPrefix("pvc/") }
        #expect(persistentVolumes == images.count)
        let manager = try #require(files.first { $0.path == "kubernetes/deployment-borg-collective-manager.yaml" })
        let doc = try #require(try Yams.load(yaml: manager.contents) as? [String: Any])
        let template = try #require((doc["spec"] as? [String: Any])?["template"] as? [String: Any])
        let affinity = try #require(((template["spec"] as? [String: Any])?["affinity"] as? [String: Any])?["nodeAffinity"] as? [String: Any])
        let required = try #require(affinity["requiredDuringSchedulingIgnoredDuringExecution"] as? [String: Any])
        let terms = try #require(required["nodeSelectorTerms"] as? [[String: Any]])
        let expression = try #require((terms.first?["matchExpressions"] as? [[String: Any]])?.first)
        #expect(expression["key"] as? String == "kubernetes.io/hostname")
        let planned = plan.pods.filter { $0.pod.workload == "collective-manager" }.compactMap(\.node)
        #expect(expression["values"] as? [String] == planned)
        let vm = try #require(plan.vms.first { $0.id == 100 })
        let conf = try #require(files.first { $0.path == "proxmox/nodes/\(vm.node!)/qemu-server/100.conf" })
        #expect(conf.contents.contains("\nscsi0: rbd-vms:vm-100-disk-0,size=200G\n"))
        #expect(conf.contents.contains("\nmemory: 16384\n"))
    }

    @Test func theJSONStorageMemberIsTheStoragePlan() throws {
        let document = PlanDocument(report: PlanReport(scenario: scenario))
        let data = try JSONEncoder().encode(document)
        struct Wrapper: Decodable {
            var version: Int
            var storage: StoragePlan
        }
        let decoded = try JSONDecoder().decode(Wrapper.self, from: data)
        #expect(decoded.version == PlanDocument.formatVersion)
        #expect(decoded.storage == scenario.storagePlan())
    }

    @Test(arguments: [0, 1, 2])
    func aVMTooLargeForEveryNodeIsRelocatedMaxRelocateTimes(maxRelocate: Int) throws {
        // Without the Queen no Drone has 20 GiB of guest memory: each start fails, the CRM
        // relocates at most max_relocate times, then the service is in error.
        var big = scenario
        big.workloads.vms = [VirtualMachine(
            id: 200, name: "big", cores: 2, memory: ByteSize(bytes: 20 << 30),
            ha: HAResource(maxRelocate: maxRelocate))]
        let queen = try #require(scenario.fleet.queen?.name)
        let plan = big.workloadPlan(options: PlanOptions(downHosts: [queen]))
        let vm = try #require(plan.vms.first)
        #expect(vm.node == nil)
        #expect(vm.startFailures.count == maxRelocate + 1)
        #expect(Set(vm.startFailures.map { $0.prefix { $0 != ":" } }).count == maxRelocate + 1)
        #expect(vm.reason?.contains("max_relocate \(maxRelocate) reached") == true)
    }

    @Test func aVMOutsideHAIsNotRecovered() throws {
        var manual = scenario
        manual.workloads.vms[1].ha = nil
        let plan = manual.workloadPlan()
        let vm = try #require(plan.vms.first { $0.id == manual.workloads.vms[1].id })
        let node = try #require(vm.node)
        var connectivity = FleetConnectivity.healthy(manual.fleet)
        connectivity.running.remove(node)
        let events = manual.failover(from: plan, changes: [ConditionChange(time: .zero, conditions: ClusterConditions(connectivity: connectivity))])
        let subject = "vm:\(vm.id) \(vm.name)"
        #expect(events.contains { $0.subject == subject && $0.kind == .pending && $0.detail.contains("not under HA") })
        #expect(!events.contains { $0.subject == subject && $0.kind == .restarted })
    }

    @Test func oneHostDownKeepsPoolsActiveTwoOfFourSSDHostsDoNot() {
        // size 3 / min_size 2 over four SSD hosts: one host down leaves every PG two copies;
        // two hosts down leave the PGs that had both with one. EC 2+1 (min_size 2) loses one shard.
        #expect(scenario.inactivePools(downHosts: ["drone1"]).isEmpty)
        #expect(scenario.inactivePools(downHosts: ["drone2", "drone3"]).contains("rbd-vms"))
        let losses = scenario.rackLosses()
        #expect(losses.map(\.domain) == scenario.fleet.racks)
        #expect(losses.allSatisfy { loss in loss.problems.contains { $0.hasPrefix("vm:100 collective-db: RBD image vm-100-disk-0: pool rbd-vms has inactive PGs") } })
    }

    @Test(arguments: [Set<String>(), ["queen"]])
    func capacityInputSpreadsEveryStoredByteWithItsRedundancy(out: Set<String>) {
        // The OSDs' used bytes (no disk fill in this scenario) add up to each pool's stored
        // bytes times its raw rate (size, or (k + m) / k), also with a host out, whose share is
        // re-replicated on the others; erasure shards round up, by less than a byte per shard.
        let input = scenario.capacityInput(outHosts: out)
        let used = input.osds.reduce(0.0) { $0 + Double($1.usedRawBytes) }
        let expected = scenario.ceph.pools.reduce(0.0) { sum, pool in
            switch pool.kind {
            case .replicated: sum + Double(pool.stored.bytes) * Double(pool.size)
            case .erasure(let k, let m): sum + Double(pool.stored.bytes) * Double(k + m) / Double(k)
            }
        }
        let shards = scenario.ceph.pools.filter(\.kind.isErasure).reduce(0.0) { $0 + Double($1.pgNum) * Double($1.size) }
        #expect(used >= expected - expected * 1e-12 && used <= expected + shards + expected * 1e-12)
        let outOSDs = input.osds.filter { !$0.isIn }
        #expect(outOSDs.allSatisfy { $0.usedRawBytes == 0 })
        #expect(outOSDs.count == scenario.fleet.hosts.filter { out.contains($0.name) }.reduce(0) { $0 + $1.disks.count })
    }
}
