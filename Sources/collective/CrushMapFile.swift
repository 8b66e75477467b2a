import CRUSH
import Foundation

/// Reads and writes crush map files, naming the file in any error.
enum CrushMapFile {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a crush map in any form (binary, crushtool text, JSON dump).
    static func load(_ path: String) throws -> CrushMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): cannot read file")
        }
        do {
            return try CrushMap(decoding: [UInt8](data))
        } catch {
            throw Failure(description: "\(path): \(error)")
        }
    }

    /// Writes `bytes` to `path`, or to standard output when `path` is nil or "-".
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw Failure(description: "\(path): cannot write file")
        }
    }
}

/// Buffered standard output that stays in order with large writes.
final class StandardOutput {
    private var buffer: [UInt8] = []

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
