#if Live && MQTT
import CephLive
import CollectiveTestSupport
import Foundation
import Testing

/// `collective live watch --mqtt` against the dev cluster and a real mosquitto on 127.0.0.1
/// (started at a free port, stopped by its pid with SIGKILL: the test runner blocks SIGTERM,
/// and a child inherits that, so a SIGTERM would never stop it).
extension LiveClusterTests {
    @Test("live watch --mqtt: the cluster's health, PG and OSD counts retained on the broker, with discovery configs")
    func liveWatchMQTT() throws {
        let rados = try LiveCluster.connect()
        let broker = try Broker()
        let watch = try LiveCluster.cli([
            "watch", "--mqtt", "mqtt://127.0.0.1:\(broker.port)", "--interval", "1", "--rounds", "2",
            "--node-id", "livetest", "--mqtt-timeout", "5",
        ])
        #expect(watch.status == 0, "\(watch.stderr)")
        #expect(watch.stderr.contains("connected to mqtt://127.0.0.1:\(broker.port)"), "\(watch.stderr)")

        /// The retained message on `topic`, as mosquitto_sub gets it (at most 5 s).
        func retained(_ topic: String) throws -> String {
            let sub = try Program.run(try #require(Program.path("mosquitto_sub")), [
                "-h", "127.0.0.1", "-p", String(broker.port), "-t", topic, "-C", "1", "-W", "5", "--retained-only",
            ])
            return sub.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let status = try ClusterStatus.read(rados)
        #expect(try retained("collective/livetest/health") == status.health)
        #expect(try retained("collective/livetest/pgs") == String(status.pgs))
        #expect(try retained("collective/livetest/osds") == String(status.osds))
        #expect(try retained("collective/livetest/osds_up") == String(status.osdsUp))
        // After its last round the watch says goodbye: offline, as its will would.
        #expect(try retained("collective/livetest/availability") == "offline")
        let config = try retained("homeassistant/sensor/livetest/health/config")
        let json = try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any]
        #expect(json?["state_topic"] as? String == "collective/livetest/health")
        #expect(json?["unique_id"] as? String != nil)
        #expect((json?["device"] as? [String: Any])?["identifiers"] != nil)
        #expect(!(watch.stdout + watch.stderr).contains(try LiveCluster.adminKey()))
    }
}
#endif
