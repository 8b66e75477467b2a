/// An MQTT application message: a topic, its payload bytes, the quality of service it is sent
/// with and whether the broker keeps it as the topic's retained message (MQTT 3.1.1, §3.3).
public struct MQTTMessage: Sendable, Equatable {
    public var topic: String
    public var payload: [UInt8]
    public var qos: MQTTQoS
    /// The broker keeps the message for the topic and hands it to every new subscriber.
    public var retain: Bool

    public init(topic: String, payload: [UInt8], qos: MQTTQoS = .atLeastOnce, retain: Bool = false) {
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }

    public init(topic: String, text: String, qos: MQTTQoS = .atLeastOnce, retain: Bool = false) {
        self.init(topic: topic, payload: Array(text.utf8), qos: qos, retain: retain)
    }

    /// The payload as UTF-8 text (invalid sequences replaced).
    public var text: String { String(decoding: payload, as: UTF8.self) }
}

/// MQTT's delivery guarantees (MQTT 3.1.1, §4.3).
public enum MQTTQoS: Int32, Sendable, Equatable, CaseIterable {
    /// Fire and forget.
    case atMostOnce = 0
    /// Acknowledged by the broker (PUBACK); may arrive twice.
    case atLeastOnce = 1
    /// Exactly once (PUBREC/PUBREL/PUBCOMP).
    case exactlyOnce = 2
}
