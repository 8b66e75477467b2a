/// `nodeAffinity`: required terms (any one must match; within a term every expression) and
/// weighted preferences.
public struct NodeAffinity: Sendable, Equatable {
    public var required: [NodeSelectorTerm]
    public var preferred: [PreferredSchedulingTerm]

    public init(required: [NodeSelectorTerm] = [], preferred: [PreferredSchedulingTerm] = []) {
        self.required = required
        self.preferred = preferred
    }
}

/// `nodeSelectorTerms[]`: expressions that must all match.
public struct NodeSelectorTerm: Sendable, Equatable {
    public var matchExpressions: [LabelRequirement]

    public init(matchExpressions: [LabelRequirement]) {
        self.matchExpressions = matchExpressions
    }
}

/// `preferredDuringSchedulingIgnoredDuringExecution[]`: a weight 1…100 and a term.
public struct PreferredSchedulingTerm: Sendable, Equatable {
    public var weight: Int
    public var term: NodeSelectorTerm

    public init(weight: Int, term: NodeSelectorTerm) {
        self.weight = weight
        self.term = term
    }
}

/// A label selector requirement (`key`, `operator`, `values`).
public struct LabelRequirement: Sendable, Equatable {
    public var key: String
    public var op: LabelOperator
    public var values: [String]

    public init(key: String, op: LabelOperator, values: [String] = []) {
        self.key = key
        self.op = op
        self.values = values
    }
}

/// A label selector operator.
public enum LabelOperator: String, Sendable, CaseIterable {
    case `in` = "In"
    case notIn = "NotIn"
    case exists = "Exists"
    case doesNotExist = "DoesNotExist"
    case gt = "Gt"
    case lt = "Lt"
}

/// A toleration of node taints.
public struct Toleration: Sendable, Equatable {
    /// Empty with `exists`: tolerates every taint.
    public var key: String
    public var op: TolerationOperator
    public var value: String
    /// Nil: every effect.
    public var effect: TaintEffect?
    /// For `NoExecute`: how long the pod stays after the taint appears (nil: forever).
    public var tolerationSeconds: Int?

    public init(key: String = "", op: TolerationOperator = .equal, value: String = "", effect: TaintEffect? = nil, tolerationSeconds: Int? = nil) {
        self.key = key
        self.op = op
        self.value = value
        self.effect = effect
        self.tolerationSeconds = tolerationSeconds
    }
}

/// How a toleration matches a taint's value: equal to it, or whatever it is.
public enum TolerationOperator: String, Sendable, CaseIterable {
    case equal = "Equal"
    case exists = "Exists"
}

/// A pod (anti-)affinity term: pods matching `matchLabels` within the same `topologyKey`
/// domain; required terms filter nodes, preferred ones score with `weight`.
public struct PodAffinityTerm: Sendable, Equatable {
    public var matchLabels: [String: String]
    public var topologyKey: String
    public var required: Bool
    public var weight: Int

    public init(matchLabels: [String: String], topologyKey: String = "kubernetes.io/hostname", required: Bool = true, weight: Int = 100) {
        self.matchLabels = matchLabels
        self.topologyKey = topologyKey
        self.required = required
        self.weight = weight
    }
}

/// `topologySpreadConstraints[]`.
public struct TopologySpreadConstraint: Sendable, Equatable {
    public var maxSkew: Int
    public var topologyKey: String
    public var whenUnsatisfiable: WhenUnsatisfiable
    /// Nil: the workload's own labels.
    public var matchLabels: [String: String]?

    public init(maxSkew: Int, topologyKey: String, whenUnsatisfiable: WhenUnsatisfiable = .doNotSchedule, matchLabels: [String: String]? = nil) {
        self.maxSkew = maxSkew
        self.topologyKey = topologyKey
        self.whenUnsatisfiable = whenUnsatisfiable
        self.matchLabels = matchLabels
    }
}

/// What a topology spread constraint does when it cannot be met: filter nodes, or only score them.
public enum WhenUnsatisfiable: String, Sendable, CaseIterable {
    case doNotSchedule = "DoNotSchedule"
    case scheduleAnyway = "ScheduleAnyway"
}
