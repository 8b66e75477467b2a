/// Collects the diagnostics of one reading of a scenario file, so that every problem is
/// reported, not just the first.
final class DiagnosticLog {
    let file: String
    private(set) var entries: [ScenarioDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    func error(_ location: SourceLocation, _ path: FieldPath, _ message: String) {
        entries.append(ScenarioDiagnostic(severity: .error, file: file, location: location, path: path, message: message))
    }

    func warning(_ location: SourceLocation, _ path: FieldPath, _ message: String) {
        entries.append(ScenarioDiagnostic(severity: .warning, file: file, location: location, path: path, message: message))
    }

    var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// The diagnostics in file order (stable for equal positions).
    var sorted: [ScenarioDiagnostic] {
        entries.enumerated().sorted { a, b in
            a.element.location != b.element.location
                ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
    }
}
