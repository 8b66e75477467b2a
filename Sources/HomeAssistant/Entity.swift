/// One Home Assistant entity the collective publishes: what Home Assistant's MQTT discovery
/// needs to show it (its component, object id, name, unit, device class and state class) and
/// its current state. The cluster's figures are a list of these (`ClusterEntities`), so a new
/// figure (health, N+1, SPOFs) is one more entry.
///
/// The device and state classes are Home Assistant's names
/// (https://www.home-assistant.io/integrations/sensor/#device-class, `data_size`,
/// `measurement`; binary sensors: `problem`).
public struct Entity: Sendable, Equatable {
    /// Home Assistant's integration for the entity (the `<component>` of the discovery topic).
    public enum Component: String, Sendable, Equatable {
        case sensor
        case binarySensor = "binary_sensor"
    }

    public var component: Component
    /// Unique within the device: letters, digits, `_` and `-` (`ObjectID.sanitized`).
    public var objectID: String
    /// What Home Assistant shows after the device's name ("Pool rbd-vms MAX AVAIL").
    public var name: String
    /// The state payload: a number as text, or `ON`/`OFF` for a binary sensor.
    public var value: String
    public var unit: String?
    public var deviceClass: String?
    public var stateClass: String?
    /// A Material Design icon (`mdi:harddisk`) where no device class gives one.
    public var icon: String?

    public init(
        component: Component, objectID: String, name: String, value: String, unit: String? = nil,
        deviceClass: String? = nil, stateClass: String? = nil, icon: String? = nil
    ) {
        self.component = component
        self.objectID = objectID
        self.name = name
        self.value = value
        self.unit = unit
        self.deviceClass = deviceClass
        self.stateClass = stateClass
        self.icon = icon
    }

    /// A measured number (`state_class: measurement`).
    public static func sensor(
        _ objectID: String, name: String, value: String, unit: String? = nil, deviceClass: String? = nil, icon: String? = nil
    ) -> Entity {
        Entity(component: .sensor, objectID: objectID, name: name, value: value, unit: unit, deviceClass: deviceClass,
               stateClass: "measurement", icon: icon)
    }

    /// A size in bytes (`device_class: data_size`, unit `B`; Home Assistant converts for display).
    public static func bytes(_ objectID: String, name: String, _ bytes: UInt64) -> Entity {
        sensor(objectID, name: name, value: String(bytes), unit: "B", deviceClass: "data_size")
    }

    /// An on/off state (`ON`/`OFF`, Home Assistant's default payloads).
    public static func binarySensor(_ objectID: String, name: String, isOn: Bool, deviceClass: String? = nil) -> Entity {
        Entity(component: .binarySensor, objectID: objectID, name: name, value: isOn ? "ON" : "OFF", deviceClass: deviceClass)
    }
}
