/// A capacity input in JSON that cannot be read: where (a path such as `nodes[3].kb`) and why.
public struct CapacityJSONError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
