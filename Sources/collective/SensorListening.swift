import ArgumentParser
import Foundation
import Simulation
#if MQTT
import MQTTClient
#endif

/// `collective simulate --mqtt`: the sensor messages a live broker carries for the scenario's
/// triggers, received for a while.
enum SensorListening {
    /// Subscribes to the scenario's trigger topics, logs each message on stderr as it arrives,
    /// and returns them as sensor messages (times since listening began); writes them to
    /// `record` when given. Exits 1 with the broker's error when it cannot be reached.
    static func receive(
        url: String, broker: MQTTBrokerOptions, timeout: Double, scenario: Scenario, listen: Double, limit: Int?,
        record: String?
    ) throws -> [SensorMessage] {
        #if MQTT
        var filters: [String] = []
        for trigger in scenario.triggers where !filters.contains(trigger.topic) { filters.append(trigger.topic) }
        guard !filters.isEmpty else {
            say("\(scenario.name) has no triggers: there is nothing to listen for (scenarios/README.md, \"Triggers and readings\")")
            throw ExitCode(1)
        }
        let options = try broker.connection(url: url, timeout: timeout, clientID: "collective-simulate-\(getpid())")
        let listener = MQTTListener(options: options, filters: filters) { say($0) }
        let stop = StopRequest()
        let signals = StopSignals { stop.raise() }
        defer { withExtendedLifetime(signals) {} }
        say("listening to \(options.description) for \(seconds(listen)): "
            + filters.joined(separator: ", ") + " (Ctrl-C stops listening and simulates what arrived)")
        var messages: [SensorMessage] = []
        do throws(MQTTError) {
            _ = try listener.listen(for: .milliseconds(Int64(listen * 1000)), limit: limit, stop: { stop.isRaised }) { arrival in
                let text = arrival.message.text
                guard let message = SensorMessageLog.message(at: arrival.elapsed, topic: arrival.message.topic, payload: text) else {
                    say("ignored: \(arrival.message.topic) (an empty payload or a topic with spaces is no reading)")
                    return
                }
                say("+\(seconds(Double(message.at / .milliseconds(1)) / 1000)) \(message.topic) \(message.payload)")
                messages.append(message)
            }
        } catch {
            say(error.description)
            throw ExitCode(1)
        }
        say("received \(messages.count) message(s); simulating")
        if let record {
            do {
                try SensorMessageLog.format(messages).write(toFile: record, atomically: true, encoding: .utf8)
            } catch {
                say("cannot write \(record): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        }
        return messages
        #else
        throw MQTTTraitMissing.failure
        #endif
    }

    /// `60s`, `1.5s`, `0.012s`.
    private static func seconds(_ value: Double) -> String {
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "s"
    }

    private static func say(_ line: String) {
        FileHandle.standardError.write(Data(("collective simulate: " + line + "\n").utf8))
    }
}
