public import CRUSH

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

extension FileSystemSpec {
    /// The file systems `ceph fs ls -f json` lists (name, metadata_pool, data_pools); entries
    /// without a name or metadata pool are left out.
    public static func listed(in json: JSONValue) -> [FileSystemSpec] {
        guard case .array(let list) = json else { return [] }
        return list.compactMap { fs in
            guard case .string(let name)? = fs["name"], case .string(let metadata)? = fs["metadata_pool"] else { return nil }
            var data: [String] = []
            if case .array(let pools)? = fs["data_pools"] {
                for pool in pools { if case .string(let p) = pool { data.append(p) } }
            }
            return FileSystemSpec(name: name, metadataPool: metadata, dataPools: data)
        }
    }
}
