import Foundation

/// Where and how the collective's entities are published for Home Assistant:
///
/// - states, retained: `<prefix>/<node_id>/<object_id>` (one topic per entity, the plain value);
/// - availability, retained: `<prefix>/<node_id>/availability`, `online` while the publisher
///   runs and `offline` as its last will (and when it stops cleanly);
/// - discovery configs, retained: `<discovery_prefix>/<component>/<node_id>/<object_id>/config`
///   (Home Assistant's default discovery prefix is `homeassistant`).
///
/// The layout follows Home Assistant's MQTT discovery documentation
/// (https://www.home-assistant.io/integrations/mqtt/#mqtt-discovery).
public struct Publication: Sendable, Equatable {
    public var prefix: String
    public var nodeID: String
    public var discoveryPrefix: String
    public var device: Device

    public static let online = "online"
    public static let offline = "offline"

    /// Checks that the prefixes are topic levels without wildcards and the node id is one
    /// discovery accepts.
    public init(prefix: String = "collective", nodeID: String, discoveryPrefix: String = "homeassistant", device: Device) throws(PublicationError) {
        for (what, topic) in [("prefix", prefix), ("discovery prefix", discoveryPrefix)] {
            if topic.isEmpty || topic.hasPrefix("/") || topic.hasSuffix("/") || topic.contains("+") || topic.contains("#") || topic.contains("\0") {
                throw PublicationError(description: "the \(what) \"\(topic)\" is not a topic: no wildcards (+, #), no leading or trailing /")
            }
        }
        guard ObjectID.isValid(nodeID) else {
            throw PublicationError(description: "the node id \"\(nodeID)\" may hold only letters, digits, _ and - (Home Assistant's discovery rule)")
        }
        self.prefix = prefix
        self.nodeID = nodeID
        self.discoveryPrefix = discoveryPrefix
        self.device = device
    }

    public var availabilityTopic: String { prefix + "/" + nodeID + "/availability" }

    public func stateTopic(_ entity: Entity) -> String { prefix + "/" + nodeID + "/" + entity.objectID }

    public func configTopic(_ entity: Entity) -> String {
        discoveryPrefix + "/" + entity.component.rawValue + "/" + nodeID + "/" + entity.objectID + "/config"
    }

    /// `online` at the availability topic.
    public var onlineMessage: RetainedMessage { RetainedMessage(topic: availabilityTopic, payload: Self.online) }
    /// `offline` at the availability topic: the publisher's last will.
    public var offlineMessage: RetainedMessage { RetainedMessage(topic: availabilityTopic, payload: Self.offline) }

    /// The discovery config of `entity`, as JSON with sorted keys.
    public func config(_ entity: Entity) -> String {
        let config = DiscoveryConfig(
            name: entity.name, uniqueID: nodeID + "_" + entity.objectID, stateTopic: stateTopic(entity),
            availabilityTopic: availabilityTopic, payloadAvailable: Self.online, payloadNotAvailable: Self.offline,
            device: device, unitOfMeasurement: entity.unit, deviceClass: entity.deviceClass, stateClass: entity.stateClass,
            icon: entity.icon)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding strings, optionals and arrays of strings cannot fail.
        guard let data = try? encoder.encode(config) else { fatalError("JSONEncoder failed on a discovery config") }
        return String(decoding: data, as: UTF8.self)
    }

    /// Everything to publish for `entities`, in order: each entity's discovery config, then
    /// `online`, then each state (so Home Assistant knows an entity before its first value).
    /// Entities must have distinct object ids per component.
    public func messages(_ entities: [Entity]) -> [RetainedMessage] {
        entities.map { RetainedMessage(topic: configTopic($0), payload: config($0)) }
            + [onlineMessage]
            + entities.map { RetainedMessage(topic: stateTopic($0), payload: $0.value) }
    }
}

/// A prefix or node id that cannot make topics.
public struct PublicationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}
