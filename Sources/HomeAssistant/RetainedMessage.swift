/// A message for the broker to keep as its topic's current value (MQTT's retain flag), so
/// Home Assistant finds the configs and states whenever it (re)connects.
public struct RetainedMessage: Sendable, Equatable {
    public var topic: String
    public var payload: String

    public init(topic: String, payload: String) {
        self.topic = topic
        self.payload = payload
    }
}
