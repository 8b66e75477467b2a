#if MQTT
import Foundation
import HomeAssistant
import MQTTClient
import Simulation
import Testing
import CollectiveTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `collective mqtt` and the MQTT client against a real mosquitto broker (Debian's package,
/// started by each test on 127.0.0.1 at a free port). Needs the MQTT trait:
/// `swift test --traits MQTT`.
@Suite(.serialized) struct BrokerTests {
    /// Every retained message under `filters`, as a fresh subscriber gets them.
    static func retained(port: Int, _ filters: [String] = ["#"]) throws -> [String: MQTTMessage] {
        let client = try MQTTConnection(options: MQTTConnectionOptions(host: "127.0.0.1", port: port, clientID: "test-reader-\(UUID().uuidString.prefix(8))", timeout: .seconds(5)))
        try client.connect()
        for filter in filters { try client.subscribe(filter) }
        var messages: [String: MQTTMessage] = [:]
        while let message = try client.receive(timeout: .seconds(1)) { messages[message.topic] = message }
        try client.disconnect()
        return messages
    }

    static func expectedEntities() throws -> [Entity] {
        let text = try String(contentsOfFile: Collective.scenario, encoding: .utf8)
        return ClusterEntities.scenario(try Scenario(yaml: text, file: Collective.scenario))
    }

    @Test func publishRetainsDiscoveryConfigsStatesAndAvailability() throws {
        let broker = try Broker()
        let result = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://127.0.0.1:\(broker.port)", "--node-id", "lab"])
        #expect(result.status == 0, "\(result.err)")
        let messages = try Self.retained(port: broker.port)
        let unretained = messages.values.filter { !$0.retain }.map(\.topic)
        #expect(unretained.isEmpty)
        #expect(messages["collective/lab/availability"]?.text == "online")
        let entities = try Self.expectedEntities()
        // One config and one state per entity, and the availability: nothing else.
        #expect(messages.count == 2 * entities.count + 1)
        let configs = messages.filter { $0.key.hasPrefix("homeassistant/") }
        #expect(configs.count == entities.count)
        for (topic, message) in configs {
            let parts = topic.split(separator: "/")
            #expect(parts.count == 5 && ["sensor", "binary_sensor"].contains(parts[1]) && parts[2] == "lab" && parts[4] == "config", "\(topic)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(message.payload)) as? [String: Any], "\(topic)")
            let stateTopic = try #require(json["state_topic"] as? String)
            #expect(stateTopic == "collective/lab/" + parts[3])
            #expect(messages[stateTopic] != nil, "\(stateTopic) has a retained state")
            #expect(json["unique_id"] as? String == "lab_" + parts[3])
            #expect(json["availability_topic"] as? String == "collective/lab/availability")
            let device = try #require(json["device"] as? [String: Any])
            #expect(device["identifiers"] as? [String] == ["collective_lab"])
            #expect(device["name"] as? String == "Collective borg-collective")
        }
        // Sizes come with their unit and device class; the fleet's six hosts, eight OSDs.
        let rawSize = try #require(configs["homeassistant/sensor/lab/raw_size/config"])
        let rawJSON = try #require(try JSONSerialization.jsonObject(with: Data(rawSize.payload)) as? [String: Any])
        #expect(rawJSON["unit_of_measurement"] as? String == "B")
        #expect(rawJSON["device_class"] as? String == "data_size")
        #expect(rawJSON["state_class"] as? String == "measurement")
        #expect(messages["collective/lab/hosts"]?.text == "6")
        #expect(messages["collective/lab/osds"]?.text == "8")
        #expect(messages["collective/lab/osds_up"]?.text == "8")
    }

    @Test func mosquittoSubSeesTheRetainFlags() throws {
        let broker = try Broker()
        let result = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://127.0.0.1:\(broker.port)", "--node-id", "lab", "--prefix", "house/ceph"])
        #expect(result.status == 0, "\(result.err)")
        let sub = try Broker.run("/usr/bin/mosquitto_sub", [
            "-h", "127.0.0.1", "-p", String(broker.port), "-t", "house/ceph/lab/availability", "-t", "house/ceph/lab/hosts",
            "-F", "%r %t %p", "-C", "2", "-W", "5",
        ])
        #expect(sub.status == 0, "\(sub.err)")
        #expect(sub.out.split(separator: "\n").sorted() == ["1 house/ceph/lab/availability online", "1 house/ceph/lab/hosts 6"])
    }

    @Test func theWillSaysOfflineWhenTheWatchLoopIsKilled() throws {
        let broker = try Broker()
        let log = broker.directory.appendingPathComponent("watch.log")
        let watch = try Collective.start(["mqtt", "watch", Collective.scenario, "--url", "mqtt://127.0.0.1:\(broker.port)", "--node-id", "lab", "--interval", "1"], log: log)
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL); watch.waitUntilExit() } }
        let client = try MQTTConnection(options: MQTTConnectionOptions(host: "127.0.0.1", port: broker.port, clientID: "test-will", timeout: .seconds(10)))
        try client.connect()
        try client.subscribe("collective/lab/availability")
        var seen: [String] = []
        while seen.last != "online", let message = try client.receive(timeout: .seconds(20)) { seen.append(message.text) }
        #expect(seen.last == "online")
        kill(watch.processIdentifier, SIGKILL)
        watch.waitUntilExit()
        let will = try client.receive(timeout: .seconds(10))
        #expect(will?.text == "offline")
        try client.disconnect()
        #expect(try Self.retained(port: broker.port, ["collective/lab/availability"])["collective/lab/availability"]?.text == "offline")
    }

    @Test func sigtermStopsTheWatchLoopCleanlyWithOffline() throws {
        let broker = try Broker()
        let log = broker.directory.appendingPathComponent("watch.log")
        let watch = try Collective.start(["mqtt", "watch", Collective.scenario, "--url", "mqtt://127.0.0.1:\(broker.port)", "--node-id", "lab", "--interval", "1"], log: log)
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL); watch.waitUntilExit() } }
        var online = false
        for _ in 0..<40 where !online {
            online = try Self.retained(port: broker.port, ["collective/lab/availability"])["collective/lab/availability"]?.text == "online"
            if !online { usleep(250_000) }
        }
        #expect(online)
        kill(watch.processIdentifier, SIGTERM)
        watch.waitUntilExit()
        #expect(watch.terminationReason == .exit && watch.terminationStatus == 0)
        #expect(try Self.retained(port: broker.port, ["collective/lab/availability"])["collective/lab/availability"]?.text == "offline")
    }

    @Test func aBrokerThatIsDownGivesAClearError() throws {
        let port = try Broker.freePort()
        let result = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://127.0.0.1:\(port)", "--timeout", "3"])
        #expect(result.status == 1)
        #expect(result.err == "cannot connect to 127.0.0.1:\(port): Connection refused\n")
    }

    @Test func aBrokerThatNeverAnswersTimesOut() throws {
        let (fd, port) = try Broker.silentListener()
        defer { close(fd) }
        let client = try MQTTConnection(options: MQTTConnectionOptions(host: "127.0.0.1", port: port, clientID: "test-silent", timeout: .seconds(1)))
        #expect(throws: MQTTError(.connect, broker: "127.0.0.1:\(port)", reason: .timedOut(.seconds(1)))) { try client.connect() }
        #expect(MQTTError(.connect, broker: "127.0.0.1:\(port)", reason: .timedOut(.seconds(1))).description
            == "cannot connect to 127.0.0.1:\(port): no answer within 1s")
    }

    @Test func wrongCredentialsAreNotAuthorised() throws {
        let broker = try Broker(users: ["ha": "correct horse"])
        let wrong = broker.directory.appendingPathComponent("wrong")
        try "battery staple\n".write(to: wrong, atomically: true, encoding: .utf8)
        let result = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://ha@127.0.0.1:\(broker.port)", "--password-file", wrong.path, "--timeout", "5"])
        #expect(result.status == 1)
        #expect(result.err == "cannot connect to 127.0.0.1:\(broker.port): Connection Refused: not authorised.\n")
        #expect(!(result.out + result.err).contains("staple"))
        let right = broker.directory.appendingPathComponent("right")
        try "correct horse\n".write(to: right, atomically: true, encoding: .utf8)
        let ok = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://ha@127.0.0.1:\(broker.port)", "--password-file", right.path])
        #expect(ok.status == 0, "\(ok.err)")
        #expect(!(ok.out + ok.err).contains("horse"))
    }

    /// TLS as mosquitto_pub spells it: --cafile makes the broker's certificate trusted; the
    /// system's CAs do not know it, and the connection is refused with a clear error.
    @Test func tlsWithTheBrokersCAAndWithout() throws {
        let broker = try Broker(tls: true)
        let url = "mqtts://127.0.0.1:\(broker.port)"
        let trusted = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", url, "--cafile", broker.caFile.path, "--node-id", "lab"])
        #expect(trusted.status == 0, "\(trusted.err)")
        let sub = try Program.run(try #require(Program.path("mosquitto_sub")), [
            "-h", "127.0.0.1", "-p", String(broker.port), "--cafile", broker.caFile.path, "-t", "collective/lab/availability",
            "-C", "1", "-W", "5",
        ])
        #expect(sub.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "online", "\(sub.stderr)")

        let untrusted = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", url, "--timeout", "5"])
        #expect(untrusted.status == 1)
        #expect(untrusted.err.contains("cannot connect to 127.0.0.1:\(broker.port)"), "\(untrusted.err)")
        // Plain MQTT against a TLS listener: the broker drops it, an error within the timeout.
        let plain = try Collective.run(["mqtt", "publish", Collective.scenario, "--url", "mqtt://127.0.0.1:\(broker.port)", "--timeout", "3"])
        #expect(plain.status == 1 && plain.err.contains("cannot connect to 127.0.0.1:\(broker.port)"), "\(plain.err)")
    }

    @Test func theWatchLoopReconnectsAndPublishesTheLatestState() throws {
        let broker = try Broker()
        // A copy of the scenario that changes while the broker is down.
        let scenario = broker.directory.appendingPathComponent("lab.yaml")
        let original = try String(contentsOfFile: Collective.scenario, encoding: .utf8)
        try original.write(to: scenario, atomically: true, encoding: .utf8)
        let log = broker.directory.appendingPathComponent("watch.log")
        let watch = try Collective.start(["mqtt", "watch", scenario.path, "--url", "mqtt://127.0.0.1:\(broker.port)", "--node-id", "lab", "--interval", "1", "--timeout", "2"], log: log)
        defer { if watch.isRunning { kill(watch.processIdentifier, SIGKILL); watch.waitUntilExit() } }
        func stored() throws -> String? {
            try Self.retained(port: broker.port, ["collective/lab/pool_rbd-k8s_stored"])["collective/lab/pool_rbd-k8s_stored"]?.text
        }
        var before: String?
        for _ in 0..<40 where before == nil { before = try stored(); if before == nil { usleep(250_000) } }
        #expect(before != nil)

        broker.stop()
        let changed = original.replacingOccurrences(of: "stored: 150GiB", with: "stored: 300GiB")
        #expect(changed != original)
        try changed.write(to: scenario, atomically: true, encoding: .utf8)
        usleep(3_000_000)
        #expect(watch.isRunning)
        try broker.start()  // same port, no persistence: every retained message is gone

        var after: String?
        for _ in 0..<40 where after == nil || after == before { after = try stored(); if after == nil || after == before { usleep(250_000) } }
        #expect(watch.isRunning)
        let afterBytes = try #require(after.flatMap { Double($0) })
        let beforeBytes = try #require(before.flatMap { Double($0) })
        // STORED is the pool's bytes as ceph df computes it (within float rounding): doubled.
        #expect(abs(afterBytes - 2 * beforeBytes) <= 2 * beforeBytes * 1e-6)
        #expect(try Self.retained(port: broker.port, ["collective/lab/availability"])["collective/lab/availability"]?.text == "online")
        let text = try String(contentsOf: log, encoding: .utf8)
        #expect(text.contains("collective mqtt watch: connected to mqtt://127.0.0.1:\(broker.port)"))
        #expect(text.contains("collective mqtt watch: cannot "))
    }
}
#endif
