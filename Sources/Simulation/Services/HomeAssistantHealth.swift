/// Home Assistant and the sensor automations it runs. Home Assistant is one instance on one
/// host: down with it. A sensor's alarm reaches an automation only when the sensor's host can
/// reach the MQTT broker, the broker runs, and Home Assistant runs and can reach the broker; the
/// automation then drains what the sensor guards. When any link is missing the alarm goes
/// unheard and nothing is drained.
extension ServiceLayout {
    func homeAssistantStatus(_ net: Reachability) -> ServiceStatus {
        let host = services.homeAssistant!.host
        var status = ServiceStatus(service: .homeAssistant, state: .up, members: [host], summary: "")
        guard net.isRunning(host) else {
            status.state = .down
            status.summary = "Home Assistant on \(host) is down: no automation runs"
            status.consequences = ["A sensor alarm cannot trigger a drain; the dashboards are gone."]
            return status
        }
        status.serving = [host]
        status.summary = "running on \(host)"
        return status
    }

    func automationStatus(_ net: Reachability) -> ServiceStatus {
        var status = ServiceStatus(
            service: .sensorAutomations, state: .up, members: sensorHosts, summary: "")
        if let blocker = automationBlocker(net) {
            status.state = .down
            status.summary = "a sensor alarm cannot trigger a drain: \(blocker)"
            status.consequences = ["A hot rack or a water leak goes unanswered until an operator acts."]
            return status
        }
        let broker = services.mqtt!.host
        status.serving = sensorHosts.filter { net.canReach($0, broker) }
        let silent = sensorHosts.filter { !status.serving.contains($0) }
        let ha = services.homeAssistant!.host
        status.summary = "Home Assistant on \(ha) hears the sensors through the broker on \(broker)"
        if !silent.isEmpty {
            status.state = .degraded
            status.cutOff = silent.filter(net.isRunning)
            let names = fleet.hosts.filter { silent.contains($0.name) }.flatMap { $0.sensors.map(\.name) }
            status.summary += "; sensors unheard (\(net.absences(silent))): \(names.joined(separator: ", "))"
            status.consequences = ["An alarm of \(names.joined(separator: ", ")) cannot trigger a drain."]
        }
        return status
    }

    /// Why no sensor alarm can reach an automation now, or nil when the path through the broker
    /// to Home Assistant is there.
    func automationBlocker(_ net: Reachability) -> String? {
        guard let ha = services.homeAssistant?.host else { return "the scenario has no Home Assistant" }
        guard let broker = services.mqtt?.host else { return "the scenario has no MQTT broker" }
        if !net.isRunning(broker) { return "the MQTT broker on \(broker) is down" }
        if !net.isRunning(ha) { return "Home Assistant on \(ha) is down" }
        if !net.canReach(ha, broker) { return "Home Assistant on \(ha) cannot reach the MQTT broker on \(broker)" }
        return nil
    }

    /// Whether an alarm of a sensor on `host` can trigger its drain under `connectivity`: nil
    /// when it can, else why not ("the MQTT broker on queen is down"). For the simulator's
    /// `sensor_alarm` events.
    public func alarmBlocker(fromSensorOn host: String, under connectivity: FleetConnectivity) -> String? {
        let net = Reachability(fleet: fleet, connectivity: connectivity)
        if let blocker = automationBlocker(net) { return blocker }
        let broker = services.mqtt!.host
        if !net.isRunning(host) { return "\(host) is down" }
        if !net.canReach(host, broker) { return "\(host) cannot reach the MQTT broker on \(broker)" }
        return nil
    }
}
