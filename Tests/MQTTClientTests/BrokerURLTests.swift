#if MQTT
import MQTTClient
import Testing

/// `--url`: `mqtt://[user@]host[:port]`, as mosquitto_pub's `-L` reads it, without passwords.
@Suite struct BrokerURLTests {
    @Test func readsHostPortUserAndScheme() throws {
        let plain = try MQTTBrokerURL(parsing: "mqtt://ha@queen.lab:1884")
        #expect(plain == MQTTBrokerURL(host: "queen.lab", port: 1884, username: "ha", usesTLS: false))
        let tls = try MQTTBrokerURL(parsing: "mqtts://[::1]")
        #expect(tls.host == "::1" && tls.port(usingTLS: true) == 8883 && tls.usesTLS)
        #expect(try MQTTBrokerURL(parsing: "mqtt://queen/").port(usingTLS: false) == 1883)
    }

    @Test(arguments: ["http://queen", "mqtt://ha:secret@queen", "mqtt://queen:0", "mqtt://queen/x", "mqtt://", "mqtt://@queen"])
    func refuses(_ text: String) {
        #expect(throws: MQTTBrokerURL.ParseError.self) { try MQTTBrokerURL(parsing: text) }
    }

    @Test func aPasswordInTheURLIsNotRepeated() {
        do {
            _ = try MQTTBrokerURL(parsing: "mqtt://ha:hunter2@queen")
            Issue.record("accepted a password")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
    }
}
#endif
