#if MQTT
import CollectiveTestSupport
import Foundation
import MQTTClient
import Simulation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `MQTTListener` and `collective simulate --mqtt` against a real mosquitto on 127.0.0.1.
@Suite(.serialized) struct SensorListeningTests {
    static func client(_ port: Int, _ name: String) throws -> MQTTConnection {
        let client = try MQTTConnection(options: MQTTConnectionOptions(host: "127.0.0.1", port: port, clientID: name, timeout: .seconds(5)))
        try client.connect()
        return client
    }

    static func listener(_ port: Int, _ filters: [String], log: @escaping @Sendable (String) -> Void = { _ in }) -> MQTTListener {
        MQTTListener(
            options: MQTTConnectionOptions(host: "127.0.0.1", port: port, clientID: "test-listener", timeout: .seconds(5)),
            filters: filters, log: log)
    }

    static let hotRack = Collective.root.appendingPathComponent("scenarios/hot-rack.yaml").path

    @Test func retainedStateFirstThenLiveMessagesOnTheFiltersOnly() throws {
        let broker = try Broker()
        let publisher = try Self.client(broker.port, "test-publisher")
        try publisher.publish([
            MQTTMessage(topic: "edge/rack2/climate", text: "41.5", retain: true),
            MQTTMessage(topic: "house/kitchen/climate", text: "20", retain: true),
        ])
        var sentLive = false
        let received = try Self.listener(broker.port, ["edge/+/climate"]).listen(for: .seconds(20), limit: 3) { arrival in
            guard !sentLive else { return }
            sentLive = true
            // Subscribed (the retained message came): now the live ones.
            try? publisher.publish([
                MQTTMessage(topic: "house/kitchen/climate", text: "21"),
                MQTTMessage(topic: "edge/rack1/climate", text: "39"),
                MQTTMessage(topic: "edge/rack2/climate", text: "44"),
            ])
        }
        #expect(received.map(\.message.topic) == ["edge/rack2/climate", "edge/rack1/climate", "edge/rack2/climate"])
        #expect(received.map(\.message.text) == ["41.5", "39", "44"])
        #expect(received.map(\.message.retain) == [true, false, false])
        #expect(received.map(\.elapsed) == received.map(\.elapsed).sorted())
        try publisher.disconnect()
    }

    @Test func aRestartedBrokerIsReconnectedAndItsUnchangedRetainedStateNotRepeated() throws {
        let broker = try Broker()
        nonisolated(unsafe) let restartable = broker
        let port = broker.port
        let publisher = try Self.client(port, "test-publisher")
        try publisher.publish(MQTTMessage(topic: "edge/rack1/climate", text: "30", retain: true))
        try publisher.disconnect()
        let lines = Lines()
        var restarted = false
        let received = try Self.listener(port, ["edge/#"], log: { lines.append($0) }).listen(for: .seconds(30), limit: 2) { _ in
            guard !restarted else { return }
            restarted = true
            // The broker goes away and comes back without its retained messages; a sensor
            // publishes rack1 unchanged and rack2 new, retained, before the listener is back.
            restartable.stop()
            try? restartable.start()
            if let again = try? Self.client(port, "test-publisher-2") {
                try? again.publish([
                    MQTTMessage(topic: "edge/rack1/climate", text: "30", retain: true),
                    MQTTMessage(topic: "edge/rack2/climate", text: "44", retain: true),
                ])
                try? again.disconnect()
            }
        }
        #expect(received.map { $0.message.topic + " " + $0.message.text } == ["edge/rack1/climate 30", "edge/rack2/climate 44"])
        #expect(lines.all.contains { $0.hasPrefix("reconnected to mqtt://127.0.0.1:\(port)") }, "\(lines.all)")
    }

    @Test func simulateReplaysWhatTheBrokerCarriesAndRecordsIt() throws {
        let broker = try Broker()
        let publisher = try Self.client(broker.port, "test-publisher")
        try publisher.publish(MQTTMessage(topic: "edge/rack2/climate", text: #"{"temperature": 41.5}"#, retain: true))
        try publisher.disconnect()
        let record = broker.directory.appendingPathComponent("received.log").path
        let live = try Collective.run([
            "simulate", Self.hotRack, "-f", "json", "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--listen", "20",
            "--max-messages", "1", "--record", record,
        ])
        #expect(live.status == 0, "\(live.err)")
        #expect(live.err.contains("listening to mqtt://127.0.0.1:\(broker.port)"))
        #expect(live.err.contains("1 sensor message(s) replace the scenario's 3 readings"))
        let recorded = try SensorMessageLog.parse(String(contentsOfFile: record, encoding: .utf8), file: record)
        #expect(recorded.map(\.payload) == [#"{"temperature": 41.5}"#])

        // The alarm fires at the message's time (not at the scenario's readings' 20m), and
        // drone2 goes off 30 minutes after it.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(live.out.utf8)) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        let at = recorded[0].at / .milliseconds(1)
        #expect(incidents.map { $0["event"] as? String } == ["sensor_alarm rack2-temperature", "fail_host drone2"])
        #expect(incidents.map { ($0["at_ms"] as? NSNumber)?.doubleValue } == [at, at + 1_800_000])

        let replay = try Collective.run(["simulate", Self.hotRack, "-f", "json", "--messages", record])
        #expect(replay.status == 0, "\(replay.err)")
        #expect(replay.out == live.out)
    }

    /// Ctrl-C ends the listening, not the run: what arrived is simulated.
    @Test func sigintStopsListeningAndSimulatesWhatArrived() throws {
        let broker = try Broker()
        let log = broker.directory.appendingPathComponent("simulate.log")
        let output = broker.directory.appendingPathComponent("simulate.out")
        let run = try Collective.start(
            ["simulate", Self.hotRack, "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--listen", "600"], log: log, output: output)
        defer { if run.isRunning { kill(run.processIdentifier, SIGKILL); run.waitUntilExit() } }
        func logged(_ text: String) throws -> Bool {
            for _ in 0..<80 {
                if try String(contentsOf: log, encoding: .utf8).contains(text) { return true }
                usleep(100_000)
            }
            return false
        }
        #expect(try logged("listening to"))
        let publisher = try Self.client(broker.port, "test-publisher")
        try publisher.publish(MQTTMessage(topic: "edge/rack2/climate", text: #"{"temperature": 45}"#))
        try publisher.disconnect()
        #expect(try logged("edge/rack2/climate {\"temperature\": 45}"))
        kill(run.processIdentifier, SIGINT)
        run.waitUntilExit()
        #expect(run.terminationReason == .exit && run.terminationStatus == 0)
        #expect(try String(contentsOf: log, encoding: .utf8).contains("received 1 message(s); simulating"))
        #expect(try String(contentsOf: output, encoding: .utf8).contains("sensor_alarm rack2-temperature"))
    }

    @Test func simulateWithoutABrokerOrTriggersSaysWhy() throws {
        let port = try Broker.freePort()
        let down = try Collective.run(["simulate", Self.hotRack, "--mqtt", "mqtt://127.0.0.1:\(port)", "--mqtt-timeout", "3"])
        #expect(down.status == 1)
        #expect(down.err.contains("cannot connect to 127.0.0.1:\(port)"), "\(down.err)")
        #expect(down.out.isEmpty)

        let noTriggers = try Collective.run(["simulate", Collective.scenario, "--mqtt", "mqtt://127.0.0.1:\(port)"])
        #expect(noTriggers.status == 1)
        #expect(noTriggers.err.contains("has no triggers"), "\(noTriggers.err)")

        let both = try Collective.run(["simulate", Self.hotRack, "--mqtt", "mqtt://127.0.0.1:\(port)", "--messages", "x.log"])
        #expect(both.status != 0)
        #expect(both.err.contains("--mqtt and --messages"))
    }
}

/// Log lines collected from another thread.
final class Lines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
#endif
