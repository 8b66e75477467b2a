/// The MQTT broker (Mosquitto): one process on one host, no clustering. It is down when its
/// host is; its clients are Home Assistant and the hosts carrying sensors, and a running client
/// that cannot reach it is cut off. Mosquitto keeps no messages for a client it cannot reach
/// beyond the retained ones: readings published while it is gone are lost.
extension ServiceLayout {
    /// The broker's clients: Home Assistant's host, then the sensor hosts, in fleet order.
    var brokerClients: [String] {
        var clients: [String] = []
        if let ha = services.homeAssistant?.host { clients.append(ha) }
        for host in sensorHosts where !clients.contains(host) { clients.append(host) }
        return clients
    }

    func brokerStatus(_ net: Reachability) -> ServiceStatus {
        let host = services.mqtt!.host
        var status = ServiceStatus(service: .mqtt, state: .up, members: [host], summary: "")
        guard net.isRunning(host) else {
            status.state = .down
            status.summary = "the only broker, on \(host), is down (mosquitto has no clustering): sensor readings are lost"
            status.cutOff = brokerClients.filter(net.isRunning)
            status.consequences = [
                "Sensor readings are lost until the broker returns"
                    + (services.homeAssistant != nil ? "; Home Assistant sees no sensor data and a sensor alarm cannot trigger a drain." : "."),
            ]
            return status
        }
        status.serving = [host]
        status.summary = "broker on \(host)"
        status.noteCutOff(brokerClients.filter { net.isRunning($0) && !net.canReach($0, host) }, role: "clients") {
            "\($0) cannot reach the broker: what they publish is lost, what they subscribe to does not arrive."
        }
        return status
    }
}
