import CRUSH
import Foundation

/// Reads a crush map file in whichever form it is, naming the file in any error.
enum CrushMapFile {
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    static func load(_ path: String) throws -> CrushMap {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read file")
        }
        do {
            return try CrushMap(binary: [UInt8](data)).normalizedAsCephDecodes()
        } catch {
            throw LoadError(description: "\(path): \(error)")
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
