/// CPU and memory as both schedulers count them: CPU in millicores (Kubernetes' unit; a Proxmox
/// core or hardware thread is 1000m), memory in bytes.
public struct ResourceAmount: Sendable, Hashable, Codable {
    public var milliCPU: Int64
    public var memory: Int64

    public init(milliCPU: Int64 = 0, memory: Int64 = 0) {
        self.milliCPU = milliCPU
        self.memory = memory
    }

    public static let zero = ResourceAmount()

    public static func + (a: ResourceAmount, b: ResourceAmount) -> ResourceAmount {
        ResourceAmount(milliCPU: a.milliCPU + b.milliCPU, memory: a.memory + b.memory)
    }

    public static func - (a: ResourceAmount, b: ResourceAmount) -> ResourceAmount {
        ResourceAmount(milliCPU: a.milliCPU - b.milliCPU, memory: a.memory - b.memory)
    }

    public static func += (a: inout ResourceAmount, b: ResourceAmount) { a = a + b }
    public static func -= (a: inout ResourceAmount, b: ResourceAmount) { a = a - b }

    /// Both parts at least 0.
    var clampedAtZero: ResourceAmount {
        ResourceAmount(milliCPU: max(milliCPU, 0), memory: max(memory, 0))
    }

    /// Whether both parts of `other` fit in this amount.
    func covers(_ other: ResourceAmount) -> Bool {
        other.milliCPU <= milliCPU && other.memory <= memory
    }

    /// `1.5 cores, 8.00 GiB`.
    public var description: String {
        "\(CPUQuantity(millicores: milliCPU)) CPU, \(ByteSize(bytes: UInt64(max(memory, 0))))"
    }
}
