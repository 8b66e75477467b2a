/// One machine of the fleet: its compute (cores, RAM, NIC), its disks (each an OSD), where it
/// stands (room, rack), how Kubernetes sees it (labels, taints) and the sensors it carries.
public struct Host: Sendable, Equatable {
    public var name: String
    public var role: HostRole
    /// Free text: the hardware, why it was chosen.
    public var description: String?
    /// Physical cores.
    public var cores: Int
    /// Hardware threads (logical CPUs, what Proxmox and Kubernetes count); `cores` without SMT.
    public var threads: Int
    public var ram: ByteSize
    /// The line rate of the host's network link (Ceph public and cluster traffic share it).
    public var nic: Bandwidth
    public var architecture: CPUArchitecture
    public var location: Location
    /// One OSD per disk, in file order.
    public var disks: [Disk]
    /// Kubernetes node labels besides the ones K3s sets itself.
    public var labels: [String: String]
    /// Kubernetes node taints. Edge hosts get `node-role.kubernetes.io/edge:NoSchedule` unless
    /// the file says otherwise.
    public var taints: [Taint]
    public var sensors: [Sensor]

    public init(
        name: String, role: HostRole, description: String? = nil, cores: Int, threads: Int? = nil,
        ram: ByteSize, nic: Bandwidth, architecture: CPUArchitecture = .amd64,
        location: Location = Location(), disks: [Disk] = [], labels: [String: String] = [:],
        taints: [Taint]? = nil, sensors: [Sensor] = []
    ) {
        self.name = name
        self.role = role
        self.description = description
        self.cores = cores
        self.threads = threads ?? cores
        self.ram = ram
        self.nic = nic
        self.architecture = architecture
        self.location = location
        self.disks = disks
        self.labels = labels
        self.taints = taints ?? (role == .edge ? [Taint.edge] : [])
        self.sensors = sensors
    }

    /// Raw capacity of the host's disks.
    public var rawCapacity: ByteSize {
        ByteSize(bytes: disks.reduce(0) { $0 &+ $1.size.bytes })
    }
}
