/// A failed MQTT operation: what was being done, with which broker, and why, in words a
/// person can act on ("cannot connect to 127.0.0.1:1883: Connection Refused: not authorised.").
/// `reason` keeps libmosquitto's code, so callers can match on it, as go-ceph's errors keep
/// the errno.
public struct MQTTError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the client was doing.
    public enum Operation: String, Sendable, Equatable {
        case configure = "configure the client for"
        case connect = "connect to"
        case publish = "publish to"
        case subscribe = "subscribe at"
        case receive = "receive from"
        case disconnect = "disconnect from"
    }

    /// Why it failed.
    public enum Reason: Sendable, Equatable {
        /// A libmosquitto return code (`MOSQ_ERR_*`) and `mosquitto_strerror`'s text for it.
        case library(code: Int32, message: String)
        /// The broker refused the connection: the CONNACK return code and
        /// `mosquitto_connack_string`'s text (4: bad user name or password, 5: not authorised).
        case refused(code: Int32, message: String)
        /// No answer within the call's timeout.
        case timedOut(Duration)
        /// The connection ended (the broker went away or closed it).
        case connectionLost(String)
        /// The arguments cannot work (a topic with wildcards for publish, a missing file…).
        case invalid(String)
    }

    public var operation: Operation
    /// `host:port`.
    public var broker: String
    /// The topic published or subscribed to, when there is one.
    public var topic: String?
    public var reason: Reason

    public init(_ operation: Operation, broker: String, topic: String? = nil, reason: Reason) {
        self.operation = operation
        self.broker = broker
        self.topic = topic
        self.reason = reason
    }

    public var description: String {
        var text = "cannot " + operation.rawValue + " " + broker
        if let topic { text += " (topic " + topic + ")" }
        text += ": "
        switch reason {
        case .library(_, let message), .refused(_, let message): text += message
        case .timedOut(let duration): text += "no answer within " + Self.seconds(duration)
        case .connectionLost(let message): text += "connection lost (" + message + ")"
        case .invalid(let message): text += message
        }
        return text
    }

    /// `10s`, `0.5s`.
    static func seconds(_ duration: Duration) -> String {
        let (s, attoseconds) = duration.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        if milliseconds == 0 { return String(s) + "s" }
        var fraction = String(milliseconds)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return String(s) + "." + fraction + "s"
    }
}
