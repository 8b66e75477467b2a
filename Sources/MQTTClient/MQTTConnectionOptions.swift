/// Everything a connection to an MQTT broker needs: where it is, who connects (client id,
/// credentials, TLS), the keepalive, the last will, and how long any one call may wait.
/// The password is kept out of `description` and every error: it is never printed.
public struct MQTTConnectionOptions: Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// The client identifier the broker knows this client by; unique per broker.
    public var clientID: String
    /// Seconds between keepalive pings; the broker drops the client (and sends its will) after
    /// 1.5 times this without traffic.
    public var keepalive: Int
    public var username: String?
    public var password: String?
    public var tls: MQTTTLS?
    /// The message the broker publishes for this client when it disappears without saying
    /// goodbye (`mosquitto_will_set`).
    public var will: MQTTMessage?
    /// The longest any one call (connect, a publish's acknowledgement, disconnect) waits.
    public var timeout: Duration

    public init(
        host: String, port: Int = 1883, clientID: String, keepalive: Int = 60, username: String? = nil,
        password: String? = nil, tls: MQTTTLS? = nil, will: MQTTMessage? = nil, timeout: Duration = .seconds(10)
    ) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.keepalive = keepalive
        self.username = username
        self.password = password
        self.tls = tls
        self.will = will
        self.timeout = timeout
    }

    /// `host:port`, as errors name the broker (an IPv6 address in brackets).
    public var brokerAddress: String {
        (host.contains(":") ? "[" + host + "]" : host) + ":" + String(port)
    }

    /// The broker URL without the password: `mqtt://user@host:port` or `mqtts://…`.
    public var description: String {
        (tls == nil ? "mqtt://" : "mqtts://") + (username.map { $0 + "@" } ?? "") + brokerAddress
    }
}
