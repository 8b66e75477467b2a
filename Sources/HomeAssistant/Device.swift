/// The device Home Assistant groups the collective's entities under (the `device` object of
/// an MQTT discovery config: identifiers, name, model, manufacturer, software version).
public struct Device: Sendable, Equatable, Encodable {
    public var identifiers: [String]
    public var name: String
    public var model: String
    public var manufacturer: String
    public var softwareVersion: String?

    public init(identifiers: [String], name: String, model: String, manufacturer: String = "Collective", softwareVersion: String? = nil) {
        self.identifiers = identifiers
        self.name = name
        self.model = model
        self.manufacturer = manufacturer
        self.softwareVersion = softwareVersion
    }

    enum CodingKeys: String, CodingKey {
        case identifiers, name, model, manufacturer
        case softwareVersion = "sw_version"
    }
}
