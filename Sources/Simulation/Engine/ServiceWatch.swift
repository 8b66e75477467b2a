/// The services' side of a run: the `ServiceLayout` (grown when a host is assimilated with
/// `joins:`) asked at each moment whose connectivity or layout changed, so a step carries the
/// services whose state or reason changed (`SimulationStep.services`); and the gate of a
/// `sensor_alarm`, which drains only when the alarm reaches Home Assistant through the broker
/// (`ServiceLayout.alarmBlocker`).
struct ServiceWatch {
    private(set) var layout: ServiceLayout
    private var last: ServiceHealth?
    private var lastConnectivity: FleetConnectivity?
    private var layoutChanged = true

    init(scenario: Scenario) {
        layout = ServiceLayout(scenario)
    }

    /// A timeline event's effect on the layout: an assimilated host takes its roles.
    mutating func follow(_ action: EventAction) {
        guard case .addHost(let host, let joins) = action else { return }
        layout.assimilate(host, joining: joins)
        layoutChanged = true
    }

    /// Why the alarm of `sensor` cannot reach its automation now (nil: it drains). An unknown
    /// sensor is not the services' business (nil).
    func alarmBlocker(sensor: String, under connectivity: FleetConnectivity) -> String? {
        guard let host = layout.fleet.hosts.first(where: { $0.sensors.contains { $0.name == sensor } }) else { return nil }
        return layout.alarmBlocker(fromSensorOn: host.name, under: connectivity)
    }

    /// Why a sensor message cannot reach Home Assistant's automations now (nil: it can).
    func triggerBlocker(under connectivity: FleetConnectivity) -> String? {
        layout.automationBlocker(Reachability(fleet: layout.fleet, connectivity: connectivity))
    }

    /// The statuses that changed since the last call (every status on the first call).
    mutating func changes(under connectivity: FleetConnectivity) -> [ServiceStatus] {
        guard layoutChanged || connectivity != lastConnectivity else { return [] }
        let health = layout.health(under: connectivity)
        defer {
            last = health
            lastConnectivity = connectivity
            layoutChanged = false
        }
        guard let last else { return health.statuses }
        return health.changes(since: last)
    }
}
