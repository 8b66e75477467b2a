import CRUSH

/// Why a text could not be read as an OSD map dump (`OSDMap(dumpJSON:crush:)`): either it is
/// not JSON (`syntax`, with line, column and path), or a field does not hold what
/// `ceph osd dump -f json` puts there (`invalid`, naming the field, e.g.
/// `pools[0].pg_num: expected an integer from 0 to 4294967295, found -1`).
public enum OSDMapJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(JSONSyntaxError)
    case invalid(path: String, reason: String)

    public var path: String {
        switch self {
        case .syntax(let error): error.path
        case .invalid(let path, _): path
        }
    }

    public var description: String {
        switch self {
        case .syntax(let error): "OSD map dump: \(error)"
        case .invalid(let path, let reason): "OSD map dump: \(path): \(reason)"
        }
    }
}
