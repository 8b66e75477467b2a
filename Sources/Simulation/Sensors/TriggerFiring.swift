internal import CRUSH

/// Runs sensor triggers over messages: the timeline events the messages cause.
///
/// A trigger fires on a message that matches its topic filter and meets its condition, and
/// then stays quiet on that topic until a message on it fails the condition (edge-triggered,
/// as a Home Assistant numeric-state trigger): a rack that reports 41, 42, 43 °C drains once.
/// Each topic a filter matches has its own state. A payload that is not a number (or lacks
/// the trigger's JSON `field`) leaves the state as it was.
///
/// The events are the triggers' actions at the message's time plus each action's delay, with
/// a note saying what fired them, ordered by time, then message order, trigger order and
/// action order. The function is pure: the same messages and triggers give the same events.
public enum TriggerFiring {
    public static func events(messages: [SensorMessage], triggers: [SensorTrigger]) -> [TimelineEvent] {
        var quiet: Set<TriggerTopic> = []
        var fired: [(order: Int, event: TimelineEvent)] = []
        let ordered = messages.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
        for (_, message) in ordered {
            for (index, trigger) in triggers.enumerated() where TopicFilter.matches(trigger.topic, topic: message.topic) {
                guard let holds = holds(trigger, payload: message.payload) else { continue }
                let key = TriggerTopic(trigger: index, topic: message.topic)
                guard holds else {
                    quiet.remove(key)
                    continue
                }
                guard quiet.insert(key).inserted else { continue }
                let cause = message.topic + " " + message.payload + " (" + trigger.condition.description + ")"
                for action in trigger.actions {
                    var event = action
                    event.at = message.at + action.at
                    event.note = "trigger: " + cause + (action.note.map { ": " + $0 } ?? "")
                    fired.append((fired.count, event))
                }
            }
        }
        return fired.sorted { ($0.event.at, $0.order) < ($1.event.at, $1.order) }.map(\.event)
    }

    /// Whether the payload meets the trigger's condition; nil when it holds no value for it.
    static func holds(_ trigger: SensorTrigger, payload: String) -> Bool? {
        guard let text = value(payload, field: trigger.field) else { return nil }
        switch trigger.condition {
        case .equals(let expected):
            return text == expected
        case .above(let limit):
            return number(text).map { $0 > limit }
        case .below(let limit):
            return number(text).map { $0 < limit }
        }
    }

    /// The payload's value: itself (trimmed), or its JSON object's member `field` (a number's
    /// text, a string, `true`/`false`).
    static func value(_ payload: String, field: String?) -> String? {
        guard let field else { return payload.trimmingSpaces }
        guard let json = try? JSONParser.parse(payload), let member = json[field] else { return nil }
        switch member {
        case .number(let n): return n.text
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }

    static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    private struct TriggerTopic: Hashable {
        var trigger: Int
        var topic: String
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\n" || c == "\r" { s = s.dropLast() }
        return String(s)
    }
}

extension Scenario {
    /// The events the scenario's triggers make of its own `readings` and of `messages` (a
    /// recorded file, or messages received from a broker), to be run with its timeline.
    public func sensorEvents(messages: [SensorMessage] = []) -> [TimelineEvent] {
        TriggerFiring.events(messages: readings + messages, triggers: triggers)
    }
}
