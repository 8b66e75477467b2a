/// Label and taint matching as the Kubernetes API defines it: node selector requirements
/// (`k8s.io/component-helpers/scheduling/corev1/nodeaffinity`), equality selectors, and
/// `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go).
enum LabelMatching {
    /// Whether `labels` satisfy one requirement. `Gt`/`Lt` compare integers; a label that is
    /// not an integer does not match.
    static func matches(_ requirement: LabelRequirement, _ labels: [String: String]) -> Bool {
        let value = labels[requirement.key]
        switch requirement.op {
        case .in: return value.map { requirement.values.contains($0) } ?? false
        case .notIn: return value.map { !requirement.values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        case .gt, .lt:
            guard let value, let have = Int64(value), let bound = requirement.values.first.flatMap({ Int64($0) }) else { return false }
            return requirement.op == .gt ? have > bound : have < bound
        }
    }

    /// A term matches when every expression does (an empty term matches nothing, as in
    /// Kubernetes).
    static func matches(_ term: NodeSelectorTerm, _ labels: [String: String]) -> Bool {
        !term.matchExpressions.isEmpty && term.matchExpressions.allSatisfy { matches($0, labels) }
    }

    /// Equality selector (`matchLabels`, `nodeSelector`): every pair present.
    static func matches(_ selector: [String: String], _ labels: [String: String]) -> Bool {
        selector.allSatisfy { labels[$0.key] == $0.value }
    }

    /// `nodeSelector` and the required node affinity terms (any term).
    static func nodeMatchesPod(_ pod: KubernetesPod, _ labels: [String: String]) -> Bool {
        guard matches(pod.nodeSelector, labels) else { return false }
        guard let required = pod.nodeAffinity?.required, !required.isEmpty else { return true }
        return required.contains { matches($0, labels) }
    }

    /// `Toleration.ToleratesTaint`: effects equal (or the toleration names none), keys equal (or
    /// an empty key with Exists), and the value equal for Equal.
    static func tolerates(_ toleration: Toleration, _ taint: Taint) -> Bool {
        if let effect = toleration.effect, effect != taint.effect { return false }
        if !toleration.key.isEmpty && toleration.key != taint.key { return false }
        switch toleration.op {
        case .exists: return true
        case .equal: return toleration.value == taint.value
        }
    }

    /// The first taint with one of `effects` that no toleration tolerates.
    static func untoleratedTaint(_ taints: [Taint], _ tolerations: [Toleration], effects: [TaintEffect]) -> Taint? {
        taints.first { taint in
            effects.contains(taint.effect) && !tolerations.contains { tolerates($0, taint) }
        }
    }
}
