/// Why a text could not be read as a JSON dump of some Ceph structure (a crush map, an OSD
/// map, …): either the text is not JSON at all (`syntax`, with line, column and path), or it is
/// JSON that does not hold what Ceph's dump puts there (`invalid`): `path` names the field,
/// e.g. `buckets[3].items[2].weight`, and `reason` says what is wrong with it, e.g.
/// `expected an integer from 0 to 4294967295, found -1`. `Document` names the dump in messages.
public enum JSONDumpError<Document: JSONDumpDocument>: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(JSONSyntaxError)
    case invalid(path: String, reason: String)

    /// The field the error is about (for `syntax`, the value the parser was reading).
    public var path: String {
        switch self {
        case .syntax(let error): error.path
        case .invalid(let path, _): path
        }
    }

    public var description: String {
        switch self {
        case .syntax(let error): "\(Document.name): \(error)"
        case .invalid(let path, let reason): "\(Document.name): \(path): \(reason)"
        }
    }
}

/// A kind of JSON dump, named as error messages call it.
public protocol JSONDumpDocument: Sendable {
    static var name: String { get }
}

/// `ceph osd crush dump` / `crushtool --dump`.
public enum CrushMapDump: JSONDumpDocument {
    public static let name = "crush map dump"
}

/// Why a text could not be read as a crush map dump (`CrushMap(dumpJSON:)`).
public typealias CrushJSONError = JSONDumpError<CrushMapDump>
