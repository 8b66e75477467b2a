import Foundation

/// Paths of the golden files under `Tests/CRUSHTests/Fixtures` (copied into the test bundle).
enum Fixtures {
    static let root: URL = Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    static let crushtool = root.appendingPathComponent("ceph-crushtool")
    static let crushtoolMaps = crushtool.appendingPathComponent("maps")
    static let crushtoolExpected = crushtool.appendingPathComponent("expected")

    static func data(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
    static func text(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }
}
