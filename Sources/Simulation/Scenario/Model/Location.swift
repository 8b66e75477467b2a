/// Where a host stands. The rack becomes a CRUSH `rack` bucket; the room is descriptive.
public struct Location: Sendable, Equatable {
    public var room: String?
    public var rack: String?

    public init(room: String? = nil, rack: String? = nil) {
        self.room = room
        self.rack = rack
    }
}
