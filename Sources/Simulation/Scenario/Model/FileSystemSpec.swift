/// A CephFS file system: its metadata pool and data pools (the first is the default one).
public struct FileSystemSpec: Sendable, Equatable {
    public var name: String
    public var metadataPool: String
    public var dataPools: [String]

    public init(name: String, metadataPool: String, dataPools: [String]) {
        self.name = name
        self.metadataPool = metadataPool
        self.dataPools = dataPools
    }
}
