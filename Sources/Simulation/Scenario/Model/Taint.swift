/// A Kubernetes node taint (`key=value:effect`).
public struct Taint: Sendable, Equatable {
    public var key: String
    public var value: String
    public var effect: TaintEffect

    public init(key: String, value: String = "", effect: TaintEffect) {
        self.key = key
        self.value = value
        self.effect = effect
    }

    /// The taint Edge hosts carry unless the file lists their taints.
    public static let edge = Taint(key: "node-role.kubernetes.io/edge", effect: .noSchedule)
}

/// What a taint does to pods that do not tolerate it.
public enum TaintEffect: String, Sendable, CaseIterable {
    case noSchedule = "NoSchedule"
    case preferNoSchedule = "PreferNoSchedule"
    case noExecute = "NoExecute"
}
