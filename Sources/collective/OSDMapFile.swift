import ArgumentParser
import CRUSH
import Foundation
import Placement

/// Reading the OSD map files the `osdmap` commands take.
enum OSDMapFile {
    /// A binary OSD map, or `ceph osd dump` JSON with the crush map at `crush`.
    static func load(_ path: String, crush crushPath: String?) throws -> OSDMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CrushMapFile.Failure(description: "\(path): cannot read file")
        }
        let crush = try crushPath.map { try CrushMapFile.load($0) }
        do {
            return try OSDMap(decoding: [UInt8](data), crush: crush)
        } catch {
            throw CrushMapFile.Failure(description: "\(path): \(error)")
        }
    }

    /// Pool ids from names or numbers.
    static func pools(_ names: [String], in map: OSDMap) throws -> Set<Int64>? {
        guard !names.isEmpty else { return nil }
        var ids: Set<Int64> = []
        for name in names {
            if let pool = map.pool(named: name) {
                ids.insert(pool.id)
            } else if let id = Int64(name), map.pools[id] != nil {
                ids.insert(id)
            } else {
                throw ValidationError("no pool \(name) in the map")
            }
        }
        return ids
    }

    /// Stored bytes by pool id, from `--pool-stats FILE` and `--stored POOL=BYTES` flags.
    static func storedBytes(statsFile: String?, stored: [String], map: OSDMap) throws -> [Int64: UInt64] {
        var result: [Int64: UInt64] = [:]
        if let statsFile {
            guard let data = FileManager.default.contents(atPath: statsFile) else {
                throw CrushMapFile.Failure(description: "\(statsFile): cannot read file")
            }
            do {
                result = try PoolStoredBytes.read(json: String(decoding: data, as: UTF8.self))
            } catch {
                throw CrushMapFile.Failure(description: "\(statsFile): \(error)")
            }
        }
        for entry in stored {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let bytes = UInt64(parts[1]),
                let id = try pools([parts[0]], in: map)?.first
            else {
                throw ValidationError("--stored wants POOL=BYTES (a pool name or id, bytes as an integer), not \(entry)")
            }
            result[id] = bytes
        }
        return result
    }
}
