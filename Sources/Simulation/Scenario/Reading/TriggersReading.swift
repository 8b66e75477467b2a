internal import Yams

extension ScenarioReader {
    /// `triggers:` — sensor rules: `on:` a topic and a condition, `then:` timeline events whose
    /// `at` (default 0s) is the delay after the message. The events are read by the timeline's
    /// reader, against the fleet at time 0.
    func readTriggers(_ field: YAMLField) -> [SensorTrigger]? {
        guard let list = field.list("a list of triggers") else { return nil }
        var triggers: [SensorTrigger] = []
        for item in list {
            guard let m = item.mapping("a trigger (on: {topic, above|below|equals}, then: [events])", keys: ScenarioKeys.trigger) else { continue }
            let condition = m.required("on", "the topic and the condition, like {topic: edge/rack1/temperature, above: 40}")
                .flatMap(readTriggerCondition)
            let actions = m.required("then", "the events it causes, like [{event: drain_host, host: drone2}]")
                .flatMap(readTriggerActions)
            guard let condition, let actions, !actions.isEmpty else { continue }
            triggers.append(SensorTrigger(
                topic: condition.topic, field: condition.field, condition: condition.condition, actions: actions, location: item.location))
        }
        return triggers
    }

    private func readTriggerCondition(_ field: YAMLField) -> (topic: String, field: String?, condition: TriggerCondition)? {
        guard let m = field.mapping("a condition {topic, above|below|equals}", keys: ScenarioKeys.triggerCondition) else { return nil }
        var topic: String?
        if let f = m.required("topic", "an MQTT topic like edge/rack1/temperature; + and # match levels"), let text = f.string("a topic") {
            if let problem = TopicFilter.problem(text) { f.error(problem) } else { topic = text }
        }
        let jsonField = m.optional("field")?.string("the key of a JSON payload's value")
        let given = ["above", "below", "equals"].filter { m.has($0) }
        var condition: TriggerCondition?
        if given.count > 1 {
            m.field.error("give one of above, below or equals, not " + given.joined(separator: " and "))
        } else if let f = m.optional("above") {
            condition = number(f).map(TriggerCondition.above)
        } else if let f = m.optional("below") {
            condition = number(f).map(TriggerCondition.below)
        } else if let f = m.optional("equals") {
            condition = f.string("a payload like ON").map(TriggerCondition.equals)
        } else {
            m.field.error("missing required key \"above\", \"below\" or \"equals\" (when the trigger fires)")
        }
        guard let topic, let condition else { return nil }
        return (topic, jsonField, condition)
    }

    private func number(_ f: YAMLField) -> Double? {
        guard let text = f.string("a number like 40 or 12.5") else { return nil }
        guard let value = DecimalQuantity(text[...])?.doubleValue else {
            f.expected("a number like 40 or 12.5")
            return nil
        }
        return value
    }

    /// The `then:` list, read by the timeline's reader with `at: 0s` where an event gives none.
    private func readTriggerActions(_ field: YAMLField) -> [TimelineEvent]? {
        guard case .sequence(let sequence) = field.node else {
            field.expected("a list of events")
            return nil
        }
        if sequence.isEmpty {
            field.error("a trigger needs at least one event")
            return nil
        }
        let items: [Node] = sequence.map { node in
            guard case .mapping(let mapping) = node, !mapping.contains(where: { $0.key.string == "at" }) else { return node }
            let at = Node.scalar(Node.Scalar("0s", .implicit, .plain, mapping.mark))
            return .mapping(Node.Mapping(Array(mapping.map { ($0.key, $0.value) }) + [(Node("at"), at)], mapping.tag, mapping.style, mapping.mark))
        }
        let synthetic = Node.sequence(Node.Sequence(items, sequence.tag, sequence.style, sequence.mark))
        return readTimeline(YAMLField(node: synthetic, path: field.path, log: log))
    }

    /// `readings:` — sensor messages at times of the run: `{at, topic, value}`.
    func readReadings(_ field: YAMLField) -> [SensorMessage]? {
        guard let list = field.list("a list of readings {at, topic, value}") else { return nil }
        var readings: [SensorMessage] = []
        for item in list {
            guard let m = item.mapping("a reading {at, topic, value}", keys: ScenarioKeys.reading) else { continue }
            let at = m.required("at", "when, like 30s, 10m or 2h")?.duration()
            var topic: String?
            if let f = m.required("topic", "the MQTT topic it is published on"), let text = f.string("a topic") {
                if text.isEmpty || text.contains("+") || text.contains("#") {
                    f.error("a reading's topic is a plain topic (no + or #), found \"\(text)\"")
                } else {
                    topic = text
                }
            }
            let value = m.required("value", "the payload, like 41.5 or ON")?.string("a payload")
            guard let at, let topic, let value else { continue }
            readings.append(SensorMessage(at: at, topic: topic, payload: value, location: item.location))
        }
        return readings
    }
}
