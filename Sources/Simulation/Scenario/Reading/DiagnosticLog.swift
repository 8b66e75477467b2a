/// Collects the diagnostics of one reading of a scenario file, so that every problem is
/// reported, not just the first.
final class DiagnosticLog {
    let file: String
    private(set) var entries: [ScenarioDiagnostic] = []

    init(file: String) {
        self.file = file
    }

    /// Past this many, further problems are counted, not kept.
    static let limit = 1000
    private(set) var dropped = 0

    func error(_ location: SourceLocation, _ path: FieldPath, _ message: String) {
        add(ScenarioDiagnostic(severity: .error, file: file, location: location, path: path, message: message))
    }

    func warning(_ location: SourceLocation, _ path: FieldPath, _ message: String) {
        add(ScenarioDiagnostic(severity: .warning, file: file, location: location, path: path, message: message))
    }

    private func add(_ diagnostic: ScenarioDiagnostic) {
        if entries.count < Self.limit || (diagnostic.severity == .error && !hasErrors) {
            entries.append(diagnostic)
        } else {
            dropped += 1
        }
    }

    var hasErrors: Bool { entries.contains { $0.severity == .error } }

    /// The diagnostics in file order (stable for equal positions), and a last line saying how
    /// many more there were if the limit was reached.
    var sorted: [ScenarioDiagnostic] {
        var result = entries.enumerated().sorted { a, b in
            a.element.location != b.element.location
                ? a.element.location < b.element.location : a.offset < b.offset
        }.map(\.element)
        if dropped > 0 {
            result.append(ScenarioDiagnostic(
                severity: hasErrors ? .error : .warning, file: file, location: .unknown, path: .root,
                message: "\(dropped) more problems not shown"))
        }
        return result
    }
}
