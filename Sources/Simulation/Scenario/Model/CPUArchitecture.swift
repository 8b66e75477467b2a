/// The instruction set, for Kubernetes' `kubernetes.io/arch` label.
public enum CPUArchitecture: String, Sendable, CaseIterable {
    case amd64
    case arm64
}
