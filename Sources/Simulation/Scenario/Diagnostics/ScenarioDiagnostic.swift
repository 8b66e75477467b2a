/// One problem found in a scenario file: where (file, line, column, field path) and what, in
/// the form compilers use so editors can jump to it:
/// `scenarios/x.yaml:12:9: fleet.hosts[2].disks[0].size: expected a size like 4TB or 3.64TiB, found "lots"`.
/// Warnings say so after the position (`…:12:9: warning: …`) and do not stop a scenario from loading.
public struct ScenarioDiagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var severity: Severity
    public var file: String
    public var location: SourceLocation
    public var path: FieldPath
    public var message: String

    public init(severity: Severity, file: String, location: SourceLocation, path: FieldPath, message: String) {
        self.severity = severity
        self.file = file
        self.location = location
        self.path = path
        self.message = message
    }

    /// `line:column: path: message` (with `warning: ` before the path for warnings), without
    /// the file name.
    public var positionedMessage: String {
        var out = "\(location.line):\(location.column): "
        if severity == .warning { out += "warning: " }
        let pathText = path.description
        if !pathText.isEmpty { out += pathText + ": " }
        return out + message
    }

    public var description: String { file + ":" + positionedMessage }
}
