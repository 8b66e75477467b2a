/// A scenario that could not be loaded, with every problem found (errors and warnings, in file
/// order), not just the first.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    public init(diagnostics: [ScenarioDiagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [ScenarioDiagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [ScenarioDiagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// One diagnostic a line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
