#if MQTT
#if canImport(Glibc)
import Glibc
#endif

/// Listens to topic filters on a broker for a while and hands over what arrives, each message
/// with the time since listening began: `collective simulate --mqtt` replays sensor messages
/// this way.
///
/// The broker's retained messages for the filters arrive first, at about 0 s: they are the
/// sensors' current state. A connection lost meanwhile is logged and made again (every
/// second) until the time is up; the retained messages the broker sends again after such a
/// reconnect are kept only when they differ from the last message received on their topic
/// (they are news only when the value changed while the listener was away).
public struct MQTTListener: Sendable {
    /// A message and when it arrived, since listening began.
    public struct Received: Sendable, Equatable {
        public var elapsed: Duration
        public var message: MQTTMessage

        public init(elapsed: Duration, message: MQTTMessage) {
            self.elapsed = elapsed
            self.message = message
        }
    }

    public var options: MQTTConnectionOptions
    /// Topic filters (`+` and `#` wildcards), subscribed at QoS 1.
    public var filters: [String]
    /// Where the listener reports reconnections.
    public var log: @Sendable (String) -> Void

    public init(options: MQTTConnectionOptions, filters: [String], log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.filters = filters
        self.log = log
    }

    /// Connects and subscribes (a broker that is down, slow or refuses the client throws here,
    /// within the options' timeout), then collects messages until `duration` has passed since
    /// the subscriptions, `limit` messages arrived, or `stop` says so (asked at least every
    /// 200 ms). `received` sees each message as it arrives.
    public func listen(
        for duration: Duration, limit: Int? = nil, stop: () -> Bool = { false },
        received: (Received) -> Void
    ) throws(MQTTError) -> [Received] {
        let clock = ContinuousClock()
        var connection: MQTTConnection? = try subscribed()
        let start = clock.now
        let end = start + duration
        var all: [Received] = []
        var last: [String: [UInt8]] = [:]
        var reconnected = false
        while clock.now < end, !stop(), all.count < (limit ?? .max) {
            guard let current = connection else {
                do throws(MQTTError) {
                    connection = try subscribed()
                    reconnected = true
                    log("reconnected to " + options.description)
                } catch {
                    let pause = min(end - clock.now, .seconds(1))
                    if pause > .zero { usleep(UInt32(pause / .microseconds(1))) }
                }
                continue
            }
            do throws(MQTTError) {
                guard let message = try current.receive(timeout: min(end - clock.now, .milliseconds(200))) else { continue }
                if reconnected, message.retain, last[message.topic] == message.payload { continue }
                last[message.topic] = message.payload
                let arrival = Received(elapsed: clock.now - start, message: message)
                all.append(arrival)
                received(arrival)
            } catch {
                log(error.description + "; reconnecting")
                connection = nil
            }
        }
        do throws(MQTTError) { try connection?.disconnect() } catch { log(error.description) }
        return all
    }

    /// A new connection with every filter subscribed.
    private func subscribed() throws(MQTTError) -> MQTTConnection {
        let connection = try MQTTConnection(options: options)
        try connection.connect()
        for filter in filters { try connection.subscribe(filter) }
        return connection
    }
}
#endif
