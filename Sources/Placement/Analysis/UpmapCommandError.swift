/// A line of an upmap command file that is not a command.
public struct UpmapCommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var reason: String

    public var description: String { "line \(line): \(reason)" }
}
