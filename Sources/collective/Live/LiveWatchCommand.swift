#if Live && MQTT
import ArgumentParser
import CephLive
import Foundation
import HomeAssistant
import MQTTClient

/// `collective live watch --mqtt URL`: the running cluster's figures as Home Assistant entities,
/// published every interval (built with both traits, `Live` and `MQTT`).
struct LiveWatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Publish the running cluster's health, PG states, OSD counts and pool usage to MQTT for Home Assistant.",
        discussion: """
            Every --interval seconds reads `ceph status`, the OSD map, `osd df`, `pg dump pools` and \
            `df`, and publishes retained states under PREFIX/NODE_ID/OBJECT_ID with Home Assistant \
            discovery configs and an availability topic (offline as the last will), as `collective \
            mqtt watch` does for a scenario. A round whose cluster read fails keeps the broker's last \
            state. Runs until interrupted, or --rounds rounds.
            """)

    @OptionGroup var options: LiveOptions
    @Option(help: "The broker: mqtt://[user@]host[:port] (1883) or mqtts://… (TLS, 8883).") var mqtt: String
    @OptionGroup var broker: MQTTBrokerOptions
    @OptionGroup var topics: MQTTTopicOptions
    @Option(name: .customLong("mqtt-timeout"), help: "Seconds any one broker call may take.") var mqttTimeout: Double = 10
    @Option(help: "Seconds between rounds.") var interval: Double = 30
    @Option(help: "Stop after this many rounds (default: run until interrupted).") var rounds: Int?

    func run() async throws {
        guard interval > 0 else { throw ValidationError("--interval must be more than 0") }
        if let rounds, rounds < 1 { throw ValidationError("--rounds needs at least 1") }
        let rados = try options.connect()
        let fsid = try rados.fsid()
        let nodeID = topics.nodeID ?? "ceph_" + ObjectID.sanitized(String(fsid.prefix(8)))
        let setup = try MQTTSetup(
            url: mqtt, timeout: mqttTimeout, broker: broker, topics: topics, nodeID: nodeID, name: "Ceph " + String(fsid.prefix(8)),
            model: "Ceph cluster \(fsid)")
        let loop = MQTTPublishLoop(options: setup.connection, interval: .milliseconds(Int64(interval * 1000))) { line in
            FileHandle.standardError.write(Data(("collective live watch: " + line + "\n").utf8))
        }
        let publication = setup.publication
        let rounds = self.rounds
        let task = Task {
            await loop.run(rounds: rounds) {
                let figures = try LiveFigures.read(rados)
                let entities = ClusterEntities.health(figures.status.health, pgStates: figures.status.pgStates)
                    + ClusterEntities.capacity(figures.capacity, hosts: figures.hosts)
                return publication.messages(entities).map(MQTTSetup.message)
            }
        }
        let signals = StopSignals { task.cancel() }
        await task.value
        withExtendedLifetime(signals) {}
    }
}
#endif
