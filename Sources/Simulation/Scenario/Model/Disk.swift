/// A disk given to Ceph as one OSD (BlueStore on the whole device).
public struct Disk: Sendable, Equatable {
    /// The disk's name on its host (`nvme0`, `sdb`); `host/name` refers to it in the timeline.
    public var name: String
    public var type: DiskType
    /// The CRUSH device class; Ceph sets it from the device type (`hdd`, `ssd`, `nvme`) unless
    /// the operator overrides it (a common one: NVMe in class `ssd`).
    public var deviceClass: String
    /// The size BlueStore reports (`ceph osd df` SIZE).
    public var size: ByteSize
    /// Share of the device already used by data the scenario's pools do not describe (other
    /// pools, BlueStore metadata, another partition), 0…1. The pools' data comes on top.
    public var fill: Double
    /// The CRUSH weight, 16.16 fixed point in TiB: what Ceph gives a new OSD of this size
    /// (`CrushWeight.initialWeight(for:)`) unless the file sets one.
    public var crushWeight: UInt32
    /// The OSD id: from the file, or assigned in fleet order (the lowest free id, as
    /// `ceph osd create` assigns). Nil for disks of hosts that join later in the timeline.
    public var osd: Int32?
    /// The override weight at time 0 (`ceph osd reweight`), 16.16 fixed point: 0x10000 (1.0)
    /// unless the file sets one; 0 is out.
    public var reweight: UInt32
    /// The primary affinity at time 0 (`ceph osd primary-affinity`), 16.16 fixed point.
    public var primaryAffinity: UInt32

    public init(
        name: String, type: DiskType, deviceClass: String? = nil, size: ByteSize, fill: Double = 0,
        crushWeight: UInt32? = nil, osd: Int32? = nil, reweight: UInt32 = 0x10000, primaryAffinity: UInt32 = 0x10000
    ) {
        self.name = name
        self.type = type
        self.deviceClass = deviceClass ?? type.rawValue
        self.size = size
        self.fill = fill
        self.crushWeight = crushWeight ?? CrushWeight.initialWeight(for: size)
        self.osd = osd
        self.reweight = reweight
        self.primaryAffinity = primaryAffinity
    }
}

/// The kind of device: spinning disk, SATA/SAS SSD, or NVMe SSD.
public enum DiskType: String, Sendable, CaseIterable {
    case hdd
    case ssd
    case nvme
}
