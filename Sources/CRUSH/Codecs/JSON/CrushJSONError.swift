/// Why a text could not be read as a crush map dump (`CrushMap(dumpJSON:)`).
///
/// Either the text is not JSON at all (`syntax`, with line, column and path), or it is JSON
/// that does not describe a crush map the way `crushtool --dump` / `ceph osd crush dump` do
/// (`invalid`): `path` names the field, e.g. `buckets[3].items[2].weight`, and `reason` says
/// what is wrong with it, e.g. `expected an integer from 0 to 4294967295, found -1`.
public enum CrushJSONError: Error, Sendable, Equatable, CustomStringConvertible {
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
        case .syntax(let error): "crush map dump: \(error)"
        case .invalid(let path, let reason): "crush map dump: \(path): \(reason)"
        }
    }
}
