#if MQTT
/// Publishes a changing state to a broker every `interval`, for as long as it runs, whatever
/// the broker does: `collective mqtt watch` (and, on a real cluster, `collective live watch
/// --mqtt`). Each round asks the state provider for the current messages and publishes those
/// that changed since the last round on this connection (all of them after each connection,
/// so a broker that restarted without its retained messages gets the whole state again).
///
/// A broker that is down, refuses the client or goes away is logged (once per distinct
/// problem) and tried again next round; the loop keeps the latest state and publishes it as
/// soon as the broker is back. Between rounds the connection is kept alive (keepalive pings).
/// When the task is cancelled, the loop publishes the will itself (a clean disconnect does not
/// make the broker send it) and disconnects.
public struct MQTTPublishLoop: Sendable {
    public var options: MQTTConnectionOptions
    public var interval: Duration
    /// Where the loop reports connections, outages and failures of the state provider.
    public var log: @Sendable (String) -> Void

    public init(options: MQTTConnectionOptions, interval: Duration, log: @escaping @Sendable (String) -> Void) {
        self.options = options
        self.interval = interval
        self.log = log
    }

    /// Runs until the task is cancelled, or for `rounds` rounds when given. `state` gives the
    /// messages to publish now; when it throws, the loop logs the error and keeps the state it
    /// had.
    public func run(rounds: Int? = nil, state: () async throws -> [MQTTMessage]) async {
        var connection: MQTTConnection?
        var published: [String: MQTTMessage] = [:]
        var latest: [MQTTMessage] = []
        var lastProblem: String?
        var round = 0
        let clock = ContinuousClock()

        func report(_ problem: String) {
            if problem != lastProblem { log(problem + "; trying again every " + MQTTError.seconds(interval)) }
            lastProblem = problem
        }

        while !Task.isCancelled {
            let start = clock.now
            do {
                latest = try await state()
            } catch {
                log("cannot read the state: \(error); publishing the last state read")
            }
            do throws(MQTTError) {
                if connection == nil {
                    let fresh = try MQTTConnection(options: options)
                    try fresh.connect()
                    connection = fresh
                    published = [:]
                    log("connected to " + options.description)
                    lastProblem = nil
                }
                let changed = latest.filter { published[$0.topic] != $0 }
                if let connection, !changed.isEmpty {
                    try connection.publish(changed)
                    for message in changed { published[message.topic] = message }
                }
            } catch {
                connection = nil
                report(error.description)
            }
            round += 1
            if let rounds, round >= rounds { break }
            // Wait for the next round, keeping the connection alive.
            let next = start + interval
            while !Task.isCancelled, clock.now < next {
                let step = min(next - clock.now, .seconds(1))
                do { try await Task.sleep(for: step) } catch { break }
                do throws(MQTTError) {
                    try connection?.poll()
                } catch {
                    connection = nil
                    report(error.description)
                }
            }
        }
        if let connection {
            do throws(MQTTError) {
                if let will = options.will { try connection.publish(will) }
                try connection.disconnect()
            } catch {
                log(error.description)
            }
        }
    }
}
#endif
