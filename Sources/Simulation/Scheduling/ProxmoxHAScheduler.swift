/// The Proxmox HA manager's node choice for one service (`select_service_node` in
/// PVE::HA::Manager): the online nodes allowed by the service's node-affinity rule (strict:
/// only its nodes; non-strict: every node), narrowed to the rule's highest priority present;
/// nodes running a service it must be kept apart from (negative resource affinity) removed;
/// then the current node if the preference allows staying, else the best node by the CRS
/// scores (`basic`: fewest services counted on the node; `static`: `ProxmoxStaticCRS`), ties
/// by node name. `tryNext` (a relocation after a failed start) takes the node after the current
/// one in that order, skipping nodes the service already failed on.
public struct ProxmoxHAScheduler: Sendable {
    /// The `crs: ha=` setting of datacenter.cfg.
    public enum Mode: String, Sendable, Codable {
        case basic
        case `static`
    }

    /// `$node_preference`.
    public enum Preference: Sendable {
        /// Stay on the current node if it is allowed (a running service).
        case none
        /// The best-scored node (recovery after fencing).
        case bestScore
        /// The next node after the current one (relocation after a failed start).
        case tryNext
    }

    /// An HA resource (`vm:<id>`) with its static usage and rules.
    public struct Service: Sendable, Equatable {
        public var sid: String
        public var cpu: Double
        public var memory: Double
        public var affinity: NodeAffinityRule?
        /// Services (sids) it must not share a node with.
        public var separateFrom: [String]

        public init(sid: String, cpu: Double, memory: Double, affinity: NodeAffinityRule? = nil, separateFrom: [String] = []) {
            self.sid = sid
            self.cpu = cpu
            self.memory = memory
            self.affinity = affinity
            self.separateFrom = separateFrom
        }
    }

    public var mode: Mode
    /// The online nodes with the usage of the services counted on them, in any order.
    public var nodes: [ProxmoxStaticCRS.NodeUsage]
    /// Services counted per node (the basic mode's score).
    public var serviceCounts: [String: Int]

    public init(mode: Mode, nodes: [ProxmoxStaticCRS.NodeUsage], serviceCounts: [String: Int] = [:]) {
        self.mode = mode
        self.nodes = nodes
        self.serviceCounts = serviceCounts
    }

    /// Scores as the manager sorts them: lower is better (the static score negated, or the
    /// basic service count).
    public func scores(for service: Service) -> [String: Double] {
        switch mode {
        case .basic:
            return Dictionary(uniqueKeysWithValues: nodes.map { ($0.name, Double(serviceCounts[$0.name] ?? 0)) })
        case .static:
            let s = ProxmoxStaticCRS.scores(nodes: nodes, cpu: service.cpu, memory: service.memory)
            return Dictionary(uniqueKeysWithValues: zip(nodes.map(\.name), s.map { -$0 }))
        }
    }

    /// The node for `service`, or why there is none. `placement` maps other services to the
    /// node they are on (for anti-affinity).
    public func select(
        _ service: Service, current: String?, preference: Preference, tried: [String] = [],
        placement: [String: String] = [:]
    ) -> HASelection {
        let online = Set(nodes.map(\.name))
        var allowed = online
        var priority = online
        if let rule = service.affinity {
            let present = rule.nodes.filter { online.contains($0.node) }
            if rule.strict { allowed = Set(present.map(\.node)) }
            if let top = present.map(\.priority).max() {
                priority = Set(present.filter { $0.priority == top }.map(\.node))
            } else {
                priority = allowed
            }
        }
        guard !priority.isEmpty else {
            return HASelection(node: nil, order: [], scores: [:], reason: "no online node allowed by its strict node-affinity rule")
        }
        let separated = Set(service.separateFrom.compactMap { placement[$0] })
        if preference == .none, let current, allowed.contains(current), !separated.contains(current),
           service.affinity == nil || priority.contains(current) {
            return HASelection(node: current, order: [current], scores: [:], reason: nil)
        }
        if preference == .tryNext { priority.subtract(tried) }
        let before = priority
        priority.subtract(separated)
        guard !priority.isEmpty else {
            let why = before.isEmpty
                ? "every allowed node already failed to start it"
                : "its allowed nodes (\(before.sorted().joined(separator: ", "))) run services it must be kept apart from"
            return HASelection(node: nil, order: [], scores: [:], reason: why)
        }
        let scores = scores(for: service)
        let order = priority.sorted { a, b in
            let (x, y) = (scores[a] ?? 0, scores[b] ?? 0)
            return x != y ? x < y : a < b
        }
        if preference == .tryNext, let current, let found = order.firstIndex(of: current), found + 1 < order.count {
            return HASelection(node: order[found + 1], order: order, scores: scores, reason: nil)
        }
        return HASelection(node: order.first, order: order, scores: scores, reason: nil)
    }
}

/// The HA manager's choice: the node (nil: none, with the reason), the candidates in the order
/// it ranked them, and their scores (lower is better).
public struct HASelection: Sendable, Equatable {
    public var node: String?
    public var order: [String]
    public var scores: [String: Double]
    public var reason: String?
}
