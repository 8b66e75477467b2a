/// The payload of a Home Assistant MQTT discovery config topic for one entity
/// (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery): where its state and
/// availability are published, its identity and its device. Encoded as JSON with sorted keys,
/// so the same entity gives the same bytes.
struct DiscoveryConfig: Encodable {
    var name: String
    var uniqueID: String
    var stateTopic: String
    var availabilityTopic: String
    var payloadAvailable: String
    var payloadNotAvailable: String
    var device: Device
    var unitOfMeasurement: String?
    var deviceClass: String?
    var stateClass: String?
    var icon: String?

    enum CodingKeys: String, CodingKey {
        case name, device, icon
        case uniqueID = "unique_id"
        case stateTopic = "state_topic"
        case availabilityTopic = "availability_topic"
        case payloadAvailable = "payload_available"
        case payloadNotAvailable = "payload_not_available"
        case unitOfMeasurement = "unit_of_measurement"
        case deviceClass = "device_class"
        case stateClass = "state_class"
    }
}
