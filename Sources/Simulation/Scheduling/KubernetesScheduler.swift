import Foundation

/// kube-scheduler's scheduling cycle for one pod, with the default profile: the filter plugins
/// in the default order (TaintToleration, NodeAffinity, NodeResourcesFit, VolumeBinding,
/// PodTopologySpread, InterPodAffinity; each node stops at its first failing plugin), then the
/// score plugins, each normalised as the framework does and multiplied by its weight from
/// `getDefaultPlugins` (pkg/scheduler/apis/config/v1/default_plugins.go): TaintToleration 3,
/// NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2, NodeResourcesFit 1,
/// NodeResourcesBalancedAllocation 1. ImageLocality (weight 1) is left out: images are not
/// modelled, so it would add the same to every node.
///
/// kube-scheduler picks at random among nodes with the highest total (`selectHost`, reservoir
/// sampling); here the first of them in node order wins, so a plan is reproducible.
public struct KubernetesScheduler: Sendable {
    public var nodes: [KubernetesNode]
    public var strategy: ResourceScoring.Strategy

    public init(nodes: [KubernetesNode], strategy: ResourceScoring.Strategy = .leastAllocated) {
        self.nodes = nodes
        self.strategy = strategy
    }

    /// The score plugins and their default weights, in the order explanations list them.
    public static let weights: [(plugin: String, weight: Int64)] = [
        ("TaintToleration", 3), ("NodeAffinity", 2), ("NodeResourcesFit", 1),
        ("PodTopologySpread", 2), ("InterPodAffinity", 2), ("NodeResourcesBalancedAllocation", 1),
    ]

    /// Schedules `pod` given the pods already bound to nodes.
    public func schedule(_ pod: KubernetesPod, existing: [BoundPod]) -> PodDecision {
        var decision = PodDecision(pod: pod.id)
        // VolumeBinding PreFilter: a claim without a storage class to provision it stays unbound.
        if pod.claims.contains(where: { $0.pool == nil }) {
            decision.message = "0/\(nodes.count) nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/\(nodes.count) nodes are available: \(nodes.count) Preemption is not helpful for scheduling."
            return decision
        }
        let podsByNode = Dictionary(grouping: existing, by: \.node)
        var feasible: [KubernetesNode] = []
        for node in nodes {
            if let reasons = filter(pod, on: node, podsByNode: podsByNode, existing: existing) {
                decision.filtered.append(FilteredNode(node: node.name, plugin: reasons.plugin, reasons: reasons.messages))
            } else {
                feasible.append(node)
            }
        }
        guard !feasible.isEmpty else {
            var histogram: [String: Int] = [:]
            for f in decision.filtered { for r in f.reasons { histogram[r, default: 0] += 1 } }
            let parts = histogram.keys.sorted().map { "\(histogram[$0]!) \($0)" }
            decision.message = "0/\(nodes.count) nodes are available: \(parts.joined(separator: ", "))."
            return decision
        }
        decision.scores = score(pod, feasible: feasible, podsByNode: podsByNode, existing: existing)
        var best: NodeScore?
        for s in decision.scores where best == nil || s.total > best!.total { best = s }
        decision.node = best?.node
        return decision
    }

    // MARK: Filters

    private func requested(_ pods: [BoundPod]?, nonZero: Bool) -> ResourceAmount {
        (pods ?? []).reduce(.zero) { $0 + (nonZero ? $1.pod.nonZeroRequests : $1.pod.requests) }
    }

    private func filter(
        _ pod: KubernetesPod, on node: KubernetesNode, podsByNode: [String: [BoundPod]], existing: [BoundPod]
    ) -> (plugin: String, messages: [String])? {
        if let taint = LabelMatching.untoleratedTaint(node.taints, pod.effectiveTolerations, effects: [.noSchedule, .noExecute]) {
            return ("TaintToleration", ["node(s) had untolerated taint {\(taint.key): \(taint.value)}"])
        }
        if !LabelMatching.nodeMatchesPod(pod, node.labels) {
            return ("NodeAffinity", ["node(s) didn't match Pod's node affinity/selector"])
        }
        let onNode = podsByNode[node.name] ?? []
        var insufficient: [String] = []
        if onNode.count + 1 > node.maxPods { insufficient.append("Too many pods") }
        let used = requested(onNode, nonZero: false)
        if pod.requests.milliCPU > 0 && used.milliCPU + pod.requests.milliCPU > node.allocatable.milliCPU {
            insufficient.append("Insufficient cpu")
        }
        if pod.requests.memory > 0 && used.memory + pod.requests.memory > node.allocatable.memory {
            insufficient.append("Insufficient memory")
        }
        if !insufficient.isEmpty { return ("NodeResourcesFit", insufficient) }
        if let message = topologySpreadFilter(pod, node: node, existing: existing) {
            return ("PodTopologySpread", [message])
        }
        if let message = interPodAffinityFilter(pod, node: node, existing: existing) {
            return ("InterPodAffinity", [message])
        }
        return nil
    }

    private func node(named name: String) -> KubernetesNode? { nodes.first { $0.name == name } }

    /// Whether `other` is selected by `selector` for a pod of `namespace` (terms apply to the
    /// pod's own namespace).
    private static func selects(_ selector: [String: String], namespace: String, _ other: KubernetesPod) -> Bool {
        other.namespace == namespace && LabelMatching.matches(selector, other.labels)
    }

    private func topologySpreadFilter(_ pod: KubernetesPod, node: KubernetesNode, existing: [BoundPod]) -> String? {
        let constraints = pod.topologySpread.filter { $0.whenUnsatisfiable == .doNotSchedule }
        guard !constraints.isEmpty else { return nil }
        if constraints.contains(where: { node.labels[$0.topologyKey] == nil }) {
            return "node(s) didn't match pod topology spread constraints (missing required label)"
        }
        // Domains: the values of nodes that pass the pod's node affinity and carry every key
        // (nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore: the defaults).
        let eligible = nodes.filter { n in
            LabelMatching.nodeMatchesPod(pod, n.labels) && constraints.allSatisfy { n.labels[$0.topologyKey] != nil }
        }
        for c in constraints {
            let selector = c.matchLabels ?? pod.labels
            var counts: [String: Int] = [:]
            for n in eligible { counts[n.labels[c.topologyKey]!, default: 0] += 0 }
            for bound in existing where Self.selects(selector, namespace: pod.namespace, bound.pod) {
                guard let n = eligible.first(where: { $0.name == bound.node }) else { continue }
                counts[n.labels[c.topologyKey]!, default: 0] += 1
            }
            let minMatch = counts.values.min() ?? 0
            let selfMatch = LabelMatching.matches(selector, pod.labels) ? 1 : 0
            let here = counts[node.labels[c.topologyKey]!] ?? 0
            if here + selfMatch - minMatch > c.maxSkew {
                return "node(s) didn't match pod topology spread constraints"
            }
        }
        return nil
    }

    /// Whether two nodes share the domain of `topologyKey` (both carry the label, equal values).
    private func sameDomain(_ a: String, _ b: String, key: String) -> Bool {
        guard let x = node(named: a)?.labels[key], let y = node(named: b)?.labels[key] else { return false }
        return x == y
    }

    private func interPodAffinityFilter(_ pod: KubernetesPod, node: KubernetesNode, existing: [BoundPod]) -> String? {
        for term in pod.podAntiAffinity where term.required {
            if existing.contains(where: { sameDomain($0.node, node.name, key: term.topologyKey) && Self.selects(term.matchLabels, namespace: pod.namespace, $0.pod) }) {
                return "node(s) didn't match pod anti-affinity rules"
            }
        }
        for bound in existing {
            for term in bound.pod.podAntiAffinity where term.required {
                if sameDomain(bound.node, node.name, key: term.topologyKey)
                    && Self.selects(term.matchLabels, namespace: bound.pod.namespace, pod) {
                    return "node(s) didn't satisfy existing pods anti-affinity rules"
                }
            }
        }
        return nil
    }

    // MARK: Scores

    private func score(
        _ pod: KubernetesPod, feasible: [KubernetesNode], podsByNode: [String: [BoundPod]], existing: [BoundPod]
    ) -> [NodeScore] {
        var perPlugin: [String: [Int64]] = [:]
        // TaintToleration: intolerable PreferNoSchedule taints, fewer is better.
        let preferTolerations = pod.effectiveTolerations.filter { $0.effect == nil || $0.effect == .preferNoSchedule }
        let taintCounts = feasible.map { n in
            Int64(n.taints.filter { taint in
                taint.effect == .preferNoSchedule && !preferTolerations.contains { LabelMatching.tolerates($0, taint) }
            }.count)
        }
        perPlugin["TaintToleration"] = ResourceScoring.defaultNormalize(taintCounts, reverse: true)
        // NodeAffinity: sum of the weights of matching preferred terms (skipped without any).
        if let preferred = pod.nodeAffinity?.preferred, !preferred.isEmpty {
            let raw = feasible.map { n in
                preferred.reduce(Int64(0)) { $0 + (LabelMatching.matches($1.term, n.labels) ? Int64($1.weight) : 0) }
            }
            perPlugin["NodeAffinity"] = ResourceScoring.defaultNormalize(raw, reverse: false)
        }
        // NodeResourcesFit: non-zero requests of the node's pods plus this pod's.
        perPlugin["NodeResourcesFit"] = feasible.map { n in
            ResourceScoring.fitScore(
                strategy: strategy, requested: requested(podsByNode[n.name], nonZero: true) + pod.nonZeroRequests,
                allocatable: n.allocatable)
        }
        if let spread = topologySpreadScores(pod, feasible: feasible, existing: existing) {
            perPlugin["PodTopologySpread"] = spread
        }
        if let affinity = interPodAffinityScores(pod, feasible: feasible, existing: existing) {
            perPlugin["InterPodAffinity"] = affinity
        }
        // BalancedAllocation: actual requests; skipped for best-effort pods.
        if pod.requests != .zero {
            perPlugin["NodeResourcesBalancedAllocation"] = feasible.map { n in
                ResourceScoring.balancedAllocation(
                    requested: requested(podsByNode[n.name], nonZero: false) + pod.requests, allocatable: n.allocatable)
            }
        }
        return feasible.enumerated().map { index, n in
            var plugins: [PluginScore] = []
            var total: Int64 = 0
            for (plugin, weight) in Self.weights {
                guard let scores = perPlugin[plugin] else { continue }
                plugins.append(PluginScore(plugin: plugin, score: scores[index], weight: weight))
                total += scores[index] * weight
            }
            return NodeScore(node: n.name, plugins: plugins, total: total)
        }
    }

    /// PodTopologySpread's Score and NormalizeScore over ScheduleAnyway constraints, or the
    /// system defaults (`kubernetes.io/hostname` maxSkew 3 and `topology.kubernetes.io/zone`
    /// maxSkew 5, ScheduleAnyway) for a Deployment's or StatefulSet's pod that sets none.
    private func topologySpreadScores(_ pod: KubernetesPod, feasible: [KubernetesNode], existing: [BoundPod]) -> [Int64]? {
        var constraints = pod.topologySpread.filter { $0.whenUnsatisfiable == .scheduleAnyway }
        let systemDefaulted = pod.topologySpread.isEmpty && pod.kind != .pod
        if systemDefaulted {
            constraints = [
                TopologySpreadConstraint(maxSkew: 3, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: .scheduleAnyway),
                TopologySpreadConstraint(maxSkew: 5, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: .scheduleAnyway),
            ]
        }
        guard !constraints.isEmpty else { return nil }
        let requireAll = !systemDefaulted
        let ignored = Set(feasible.filter { n in requireAll && !constraints.allSatisfy { n.labels[$0.topologyKey] != nil } }.map(\.name))
        let counted = nodes.filter { n in
            LabelMatching.nodeMatchesPod(pod, n.labels) && (!requireAll || constraints.allSatisfy { n.labels[$0.topologyKey] != nil })
        }
        var raw: [Int64] = []
        for n in feasible {
            var score = 0.0
            for c in constraints {
                guard let value = n.labels[c.topologyKey] else { continue }
                let selector = c.matchLabels ?? pod.labels
                let size: Int
                if c.topologyKey == "kubernetes.io/hostname" {
                    size = feasible.count - ignored.count
                } else {
                    size = Set(feasible.filter { !ignored.contains($0.name) }.compactMap { $0.labels[c.topologyKey] }).count
                }
                let domainNodes: [String] = c.topologyKey == "kubernetes.io/hostname"
                    ? [n.name] : counted.filter { $0.labels[c.topologyKey] == value }.map(\.name)
                let count = existing.filter { domainNodes.contains($0.node) && Self.selects(selector, namespace: pod.namespace, $0.pod) }.count
                score += Double(count) * log(Double(size + 2)) + Double(c.maxSkew - 1)
            }
            raw.append(Int64(score.rounded()))
        }
        var minScore = Int64.max
        var maxScore: Int64 = 0
        for (n, s) in zip(feasible, raw) where !ignored.contains(n.name) {
            minScore = min(minScore, s)
            maxScore = max(maxScore, s)
        }
        return zip(feasible, raw).map { n, s in
            if ignored.contains(n.name) { return 0 }
            if maxScore == 0 { return ResourceScoring.maxNodeScore }
            return ResourceScoring.maxNodeScore * (maxScore + minScore - s) / maxScore
        }
    }

    /// InterPodAffinity's preferred (soft) anti-affinity: −weight for every matching pod in the
    /// candidate's domain, from the pod's terms and from existing pods' terms; normalised
    /// min…max to 0…100. Skipped when neither side has a preferred term.
    private func interPodAffinityScores(_ pod: KubernetesPod, feasible: [KubernetesNode], existing: [BoundPod]) -> [Int64]? {
        let own = pod.podAntiAffinity.filter { !$0.required }
        let anyExisting = existing.contains { $0.pod.podAntiAffinity.contains { !$0.required } }
        guard !own.isEmpty || anyExisting else { return nil }
        let raw: [Int64] = feasible.map { n in
            var score: Int64 = 0
            for bound in existing {
                for term in own where sameDomain(bound.node, n.name, key: term.topologyKey)
                    && Self.selects(term.matchLabels, namespace: pod.namespace, bound.pod) {
                    score -= Int64(term.weight)
                }
                for term in bound.pod.podAntiAffinity where !term.required && sameDomain(bound.node, n.name, key: term.topologyKey)
                    && Self.selects(term.matchLabels, namespace: bound.pod.namespace, pod) {
                    score -= Int64(term.weight)
                }
            }
            return score
        }
        let lo = raw.min() ?? 0
        let hi = raw.max() ?? 0
        return raw.map { hi - lo > 0 ? Int64(Double(ResourceScoring.maxNodeScore) * Double($0 - lo) / Double(hi - lo)) : 0 }
    }
}

/// A pod bound to a node.
public struct BoundPod: Sendable, Equatable {
    public var pod: KubernetesPod
    public var node: String

    public init(pod: KubernetesPod, node: String) {
        self.pod = pod
        self.node = node
    }
}

/// Why the scheduler put a pod where it did: the nodes filtered out with the plugin's own
/// message, every feasible node's scores per plugin, and the chosen node (nil: unschedulable,
/// with kube-scheduler's FitError message).
public struct PodDecision: Sendable, Equatable, Codable {
    public var pod: String
    public var node: String?
    public var filtered: [FilteredNode]
    public var scores: [NodeScore]
    public var message: String?

    public init(pod: String, node: String? = nil, filtered: [FilteredNode] = [], scores: [NodeScore] = [], message: String? = nil) {
        self.pod = pod
        self.node = node
        self.filtered = filtered
        self.scores = scores
        self.message = message
    }
}

/// A node a filter plugin rejected, with its messages (`Insufficient cpu`, …).
public struct FilteredNode: Sendable, Equatable, Codable {
    public var node: String
    public var plugin: String
    public var reasons: [String]
}

/// A feasible node's normalised score per plugin and its weighted total.
public struct NodeScore: Sendable, Equatable, Codable {
    public var node: String
    public var plugins: [PluginScore]
    public var total: Int64
}

/// One plugin's normalised score (0…100) and weight.
public struct PluginScore: Sendable, Equatable, Codable {
    public var plugin: String
    public var score: Int64
    public var weight: Int64
}
