/// A rule that turns sensor messages into timeline events: when a message on `topic` (an MQTT
/// topic filter, `+` and `#` allowed) meets `condition`, the `actions` happen, each `at` after
/// the message (its delay). Written in a scenario's `triggers:` section, as Home Assistant
/// automations react to MQTT sensors ("the rack is hot: drain drone2"). `TriggerFiring` runs
/// the rules over a list of messages.
public struct SensorTrigger: Sendable, Equatable {
    /// The topic filter the trigger listens to.
    public var topic: String
    /// The key of a JSON object payload that holds the value (`{"temperature": 41.5}`); nil
    /// when the payload is the value itself.
    public var field: String?
    public var condition: TriggerCondition
    /// What happens when it fires; each event's `at` is its delay after the message.
    public var actions: [TimelineEvent]
    /// Where the trigger is written (its `- on:` line).
    public var location: SourceLocation

    public init(topic: String, field: String? = nil, condition: TriggerCondition, actions: [TimelineEvent], location: SourceLocation = .unknown) {
        self.topic = topic
        self.field = field
        self.condition = condition
        self.actions = actions
        self.location = location
    }
}

/// When a sensor value makes a trigger fire.
public enum TriggerCondition: Sendable, Equatable, CustomStringConvertible {
    /// The value, read as a number, is greater than this.
    case above(Double)
    /// The value, read as a number, is less than this.
    case below(Double)
    /// The value is exactly this text (`ON`, `on_battery`).
    case equals(String)

    public var description: String {
        switch self {
        case .above(let limit): "above " + TriggerCondition.format(limit)
        case .below(let limit): "below " + TriggerCondition.format(limit)
        case .equals(let text): "equals \"" + text + "\""
        }
    }

    /// `40`, `40.5`: integers without a fraction, others as Swift prints them.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
