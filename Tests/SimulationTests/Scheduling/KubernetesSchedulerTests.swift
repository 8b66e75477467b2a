import Testing
@testable import Simulation

/// kube-scheduler's scoring formulas on worked examples (the numbers are worked by hand from
/// the formulas in pkg/scheduler/framework/plugins/noderesources and helper/normalize_score.go),
/// and the filter messages.
@Suite struct KubernetesSchedulerTests {
    static let mib: Int64 = 1 << 20

    @Test func leastAllocatedIsTheMeanOfFreeFractions() {
        // CPU (4000 − 3000) × 100 / 4000 = 25; memory (10000 − 5000) × 100 / 10000 = 50; (25 + 50) / 2 = 37.
        let score = ResourceScoring.fitScore(
            strategy: .leastAllocated, requested: ResourceAmount(milliCPU: 3000, memory: 5000),
            allocatable: ResourceAmount(milliCPU: 4000, memory: 10000))
        #expect(score == (25 + 50) / 2)
        #expect(ResourceScoring.leastRequested(5000, 4000) == 0)
    }

    @Test func mostAllocatedIsTheMeanOfUsedFractions() {
        let score = ResourceScoring.fitScore(
            strategy: .mostAllocated, requested: ResourceAmount(milliCPU: 3000, memory: 5000),
            allocatable: ResourceAmount(milliCPU: 4000, memory: 10000))
        #expect(score == (75 + 50) / 2)
        #expect(ResourceScoring.mostRequested(5000, 4000) == 100)
    }

    @Test func requestedToCapacityRatioFollowsTheBrokenLine() {
        // Shape (0, 10) → (100, 0), scaled ×10: CPU at 75 % scores 100 − 100 × 75 / 100 = 25,
        // memory at 50 % scores 50; round((25 + 50) / 2) = 38.
        let score = ResourceScoring.fitScore(
            strategy: .requestedToCapacityRatio([(0, 10), (100, 0)]),
            requested: ResourceAmount(milliCPU: 3000, memory: 5000), allocatable: ResourceAmount(milliCPU: 4000, memory: 10000))
        #expect(score == 38)
    }

    @Test func balancedAllocationUsesTheStandardDeviation() {
        // Fractions 0.75 and 0.5: σ = |0.75 − 0.5| / 2 = 0.125; (1 − 0.125) × 100 = 87.5 → 87.
        let score = ResourceScoring.balancedAllocation(
            requested: ResourceAmount(milliCPU: 3000, memory: 5000), allocatable: ResourceAmount(milliCPU: 4000, memory: 10000))
        #expect(score == 87)
        // Fractions cap at 1: 2.0 and 0.5 count as 1 and 0.5 → σ 0.25 → 75.
        #expect(ResourceScoring.balancedAllocation(
            requested: ResourceAmount(milliCPU: 8000, memory: 5000), allocatable: ResourceAmount(milliCPU: 4000, memory: 10000)) == 75)
    }

    @Test func defaultNormalizeScalesToTheMaximum() {
        #expect(ResourceScoring.defaultNormalize([0, 2, 4], reverse: false) == [0, 50, 100])
        #expect(ResourceScoring.defaultNormalize([0, 2, 4], reverse: true) == [100, 50, 0])
        #expect(ResourceScoring.defaultNormalize([0, 0], reverse: true) == [100, 100])
    }

    static func node(_ name: String, cpu: Int64 = 4000, memory: Int64 = 8192 * mib, labels: [String: String] = [:], taints: [Taint] = []) -> KubernetesNode {
        KubernetesNode(name: name, labels: labels, taints: taints, allocatable: ResourceAmount(milliCPU: cpu, memory: memory))
    }

    @Test func podsWithoutRequestsScoreWithTheNonZeroDefaults() {
        // 100m of 1000m and 200 MiB of 2000 MiB: both 90 → NodeResourcesFit 90.
        let scheduler = KubernetesScheduler(nodes: [Self.node("a", cpu: 1000, memory: 2000 * Self.mib)])
        let decision = scheduler.schedule(KubernetesPod(name: "p"), existing: [])
        let fit = decision.scores.first?.plugins.first { $0.plugin == "NodeResourcesFit" }
        #expect(fit?.score == 90)
        // A best-effort pod is not scored by BalancedAllocation.
        #expect(decision.scores.first?.plugins.contains { $0.plugin == "NodeResourcesBalancedAllocation" } == false)
    }

    @Test func taintsFilterWithTheSchedulersMessage() {
        let edge = Self.node("edge", taints: [Taint.edge])
        let scheduler = KubernetesScheduler(nodes: [edge, Self.node("drone")])
        let decision = scheduler.schedule(KubernetesPod(name: "p", requests: ResourceAmount(milliCPU: 100, memory: Self.mib)), existing: [])
        #expect(decision.node == "drone")
        #expect(decision.filtered == [FilteredNode(node: "edge", plugin: "TaintToleration", reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/edge: }"])])
        let tolerant = KubernetesPod(name: "t", tolerations: [Toleration(key: "node-role.kubernetes.io/edge", op: .exists, effect: .noSchedule)])
        #expect(scheduler.schedule(tolerant, existing: []).filtered.isEmpty)
    }

    @Test func preferNoScheduleTaintsScoreReversed() {
        // One intolerable PreferNoSchedule taint on b, none on a: counts [0, 1] → reversed [100, 0], weight 3.
        let b = Self.node("b", taints: [Taint(key: "k", effect: .preferNoSchedule)])
        let decision = KubernetesScheduler(nodes: [Self.node("a"), b]).schedule(KubernetesPod(name: "p"), existing: [])
        let taint = decision.scores.map { $0.plugins.first { $0.plugin == "TaintToleration" } }
        #expect(taint.map { $0?.score } == [100, 0])
        #expect(taint.map { $0?.weight } == [3, 3])
        #expect(decision.node == "a")
    }

    @Test func nodeAffinityPreferredWeightsAreSummedAndNormalized() {
        // Term weight 30 matches a and b (disk=ssd), weight 70 only b (zone=z1): raw [30, 100, 0] → normalised the same.
        let nodes = [
            Self.node("a", labels: ["disk": "ssd"]), Self.node("b", labels: ["disk": "ssd", "zone": "z1"]), Self.node("c"),
        ]
        let pod = KubernetesPod(name: "p", nodeAffinity: NodeAffinity(preferred: [
            PreferredSchedulingTerm(weight: 30, term: NodeSelectorTerm(matchExpressions: [LabelRequirement(key: "disk", op: .in, values: ["ssd"])])),
            PreferredSchedulingTerm(weight: 70, term: NodeSelectorTerm(matchExpressions: [LabelRequirement(key: "zone", op: .exists)])),
        ]))
        let decision = KubernetesScheduler(nodes: nodes).schedule(pod, existing: [])
        let affinity = decision.scores.map { $0.plugins.first { $0.plugin == "NodeAffinity" }?.score }
        #expect(affinity == [30, 100, 0])
        #expect(decision.node == "b")
    }

    @Test func topologySpreadFiltersOnSkew() {
        // maxSkew 1 over hostnames: one matching pod on a, none on b. On a the skew would be
        // 1 + 1 − 0 = 2 > 1: filtered; on b 0 + 1 − 0 = 1: fine.
        let spread = TopologySpreadConstraint(maxSkew: 1, topologyKey: "kubernetes.io/hostname")
        let pod = KubernetesPod(name: "web-1", kind: .deployment, workload: "web", labels: ["app": "web"], topologySpread: [spread])
        let existing = [BoundPod(pod: KubernetesPod(name: "web-0", labels: ["app": "web"]), node: "a")]
        let decision = KubernetesScheduler(nodes: [Self.node("a"), Self.node("b")]).schedule(pod, existing: existing)
        #expect(decision.node == "b")
        #expect(decision.filtered.first?.reasons == ["node(s) didn't match pod topology spread constraints"])
    }

    @Test func systemDefaultSpreadPrefersEmptyNodes() {
        // Default hostname constraint (maxSkew 3, ScheduleAnyway), 2 nodes: weight ln(2 + 2).
        // a has one matching pod: raw round(1 × ln 4 + 2) = 3; b: 2. Normalised
        // 100 × (3 + 2 − s) / 3: a 66, b 100.
        let pod = KubernetesPod(name: "web-1", kind: .deployment, workload: "web", labels: ["app": "web"])
        let existing = [BoundPod(pod: KubernetesPod(name: "web-0", labels: ["app": "web"]), node: "a")]
        let decision = KubernetesScheduler(nodes: [Self.node("a"), Self.node("b")]).schedule(pod, existing: existing)
        let spread: [Int64?] = decision.scores.map { $0.plugins.first { $0.plugin == "PodTopologySpread" }?.score }
        let onA: Int64 = 100 * (3 + 2 - 3) / 3
        let onB: Int64 = 100 * (3 + 2 - 2) / 3
        #expect(spread == [onA, onB])
    }

    @Test func requiredAntiAffinityFilters() {
        let term = PodAffinityTerm(matchLabels: ["app": "m"])
        let pod = KubernetesPod(name: "m-1", labels: ["app": "m"], podAntiAffinity: [term])
        let existing = [BoundPod(pod: KubernetesPod(name: "m-0", labels: ["app": "m"], podAntiAffinity: [term]), node: "a")]
        let decision = KubernetesScheduler(nodes: [Self.node("a"), Self.node("b")]).schedule(pod, existing: existing)
        #expect(decision.node == "b")
        #expect(decision.filtered.first?.plugin == "InterPodAffinity")
    }

    @Test func requestLargerThanAnyNodeIsPendingWithTheFitError() {
        let pod = KubernetesPod(name: "huge", requests: ResourceAmount(milliCPU: 64000, memory: Self.mib))
        let decision = KubernetesScheduler(nodes: [Self.node("a"), Self.node("b")]).schedule(pod, existing: [])
        #expect(decision.node == nil)
        #expect(decision.message == "0/2 nodes are available: 2 Insufficient cpu.")
    }

    @Test func conflictingSelectorAndAffinityMatchNoNode() {
        let pod = KubernetesPod(
            name: "p", nodeSelector: ["zigbee": "true"],
            nodeAffinity: NodeAffinity(required: [NodeSelectorTerm(matchExpressions: [LabelRequirement(key: "kubernetes.io/hostname", op: .in, values: ["b"])])]))
        let decision = KubernetesScheduler(nodes: [Self.node("a", labels: ["zigbee": "true"]), Self.node("b")]).schedule(pod, existing: [])
        #expect(decision.node == nil)
        #expect(decision.message == "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.")
    }

    @Test func claimWithoutStorageClassIsUnbound() {
        let pod = KubernetesPod(name: "p", claims: [PodClaim(name: "data-p", pool: nil, size: ByteSize(bytes: 1 << 30))])
        let decision = KubernetesScheduler(nodes: [Self.node("a")]).schedule(pod, existing: [])
        #expect(decision.node == nil)
        #expect(decision.message?.contains("pod has unbound immediate PersistentVolumeClaims") == true)
    }
}
