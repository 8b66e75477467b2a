/// One message a sensor published: when (time since the start of the run), on which topic,
/// with which payload. Scenarios list them under `readings:`; `collective simulate --messages`
/// reads recorded ones from a file (`SensorMessageLog`).
public struct SensorMessage: Sendable, Equatable {
    public var at: Duration
    public var topic: String
    public var payload: String
    /// Where the message is written (scenario or message file), for reports.
    public var location: SourceLocation

    public init(at: Duration, topic: String, payload: String, location: SourceLocation = .unknown) {
        self.at = at
        self.topic = topic
        self.payload = payload
        self.location = location
    }
}
