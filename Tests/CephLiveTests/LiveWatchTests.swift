#if Live && MQTT
import CephLive
import Foundation
import Testing

/// `collective live watch --mqtt` against the dev cluster and a real mosquitto on 127.0.0.1.
extension LiveClusterTests {
    @Test("live watch --mqtt: two rounds leave the cluster's health and PG count retained on the broker")
    func liveWatchMQTT() throws {
        let rados = try LiveCluster.connect()
        // A port of this process's own (no random source in tests): 20000-39999.
        let port = 20000 + Int(getpid()) % 20000
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/usr/sbin/mosquitto", "-p", String(port)].map { (s: String) in strdup(s) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, "/usr/sbin/mosquitto", &actions, nil, argv, environ)
        try #require(spawned == 0)
        defer {
            kill(pid, SIGTERM)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        Thread.sleep(forTimeInterval: 0.5)

        let watch = try LiveCluster.cli([
            "watch", "--mqtt", "mqtt://127.0.0.1:\(port)", "--interval", "1", "--rounds", "2",
            "--node-id", "livetest", "--mqtt-timeout", "5",
        ])
        #expect(watch.status == 0, "\(watch.stderr)")
        func retained(_ topic: String) throws -> String {
            let sub = try LiveCluster.run("/usr/bin/mosquitto_sub", [
                "-h", "127.0.0.1", "-p", String(port), "-t", topic, "-C", "1", "-W", "5",
            ])
            return sub.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let status = try ClusterStatus.read(rados)
        #expect(try retained("collective/livetest/health") == status.health)
        #expect(try retained("collective/livetest/pgs") == String(status.pgs))
        #expect(try retained("collective/livetest/osds_up") == String(status.osdsUp))
        let config = try retained("homeassistant/sensor/livetest/health/config")
        let json = try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any]
        #expect(json?["state_topic"] as? String == "collective/livetest/health")
        #expect(json?["unique_id"] != nil)
    }
}
#endif
