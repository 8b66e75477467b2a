import Foundation
import Testing

/// Paths of the golden files under `Tests/PlacementTests/Fixtures` (copied into the test bundle).
enum Fixtures {
    static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let osdmap = root.appendingPathComponent("osdmap")
    static let maps = osdmap.appendingPathComponent("maps")

    static func data(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// One row of `osdmap/MANIFEST.tsv`: osdmaptool run on `map` with `args`, its standard
    /// output in `expected`, its exit status.
    struct OSDMapToolCase: CustomTestStringConvertible, Sendable {
        let id: String
        let map: String
        let args: [String]
        let expected: String
        let exitStatus: Int32
        var testDescription: String { "\(id) \(map) \(args.joined(separator: " "))" }
    }

    static func osdmaptoolCases() -> [OSDMapToolCase] {
        guard let text = try? text(osdmap.appendingPathComponent("MANIFEST.tsv")) else { return [] }
        return text.split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return OSDMapToolCase(
                id: f[0], map: f[1], args: f[2].split(separator: " ").map(String.init),
                expected: f[3], exitStatus: Int32(f[4]) ?? -1)
        }
    }
}
