/// A sensor on a host (typically an Edge Pi), reporting to Home Assistant over MQTT. When it
/// raises an alarm (a `sensor_alarm` event), the hosts and racks in `drains` are drained.
public struct Sensor: Sendable, Equatable {
    public var name: String
    public var kind: SensorKind
    /// Host or rack names to drain on alarm.
    public var drains: [String]

    public init(name: String, kind: SensorKind, drains: [String] = []) {
        self.name = name
        self.kind = kind
        self.drains = drains
    }
}

/// What a sensor measures.
public enum SensorKind: String, Sendable, CaseIterable {
    case temperature
    case humidity
    case smoke
    case water
    case power
    case door
    case motion
    case vibration
}
