import CollectiveTestSupport
import Foundation
@testable import Simulation
import Testing

/// Sensor triggers: reading `triggers:` and `readings:`, recorded message files, and the pure
/// function that turns messages into timeline events.
@Suite struct SensorTriggerTests {
    static let fleet = """
        fleet:
          hosts:
            - {name: queen,  role: queen, cores: 8, ram: 64GiB, nic: 10Gbit/s, disks: [{type: ssd, size: 2TB}], location: {rack: rack1}}
            - {name: drone1, role: drone, cores: 4, ram: 32GiB, nic: 2.5Gbit/s, disks: [{type: ssd, size: 2TB}], location: {rack: rack1}}
            - {name: drone2, role: drone, cores: 4, ram: 32GiB, nic: 2.5Gbit/s, disks: [{type: ssd, size: 2TB}], location: {rack: rack2}}
        ceph:
          mons: [queen, drone1, drone2]
          mgrs: [queen]
          pools:
            - {name: rbd, pg_num: 64, application: rbd, stored: 500GiB}

        """

    static func trigger(_ topic: String, _ condition: TriggerCondition, field: String? = nil, _ actions: [TimelineEvent]) -> SensorTrigger {
        SensorTrigger(topic: topic, field: field, condition: condition, actions: actions)
    }

    static func message(_ minutes: Int64, _ topic: String, _ payload: String) -> SensorMessage {
        SensorMessage(at: .seconds(minutes * 60), topic: topic, payload: payload)
    }

    // MARK: - Firing

    @Test func firesOnceWhileTheConditionHoldsAndAgainAfterItClears() {
        let drain = TimelineEvent(at: .zero, action: .drainHost("drone2"))
        let triggers = [Self.trigger("edge/rack2/temp", .above(40), [drain])]
        // 38 (no), 41 (fires), 42 (still hot: quiet), 39 (clears), 41 (fires again), 40 (not above).
        let messages = [
            Self.message(5, "edge/rack2/temp", "38"), Self.message(12, "edge/rack2/temp", "41"),
            Self.message(13, "edge/rack2/temp", "42"), Self.message(20, "edge/rack2/temp", "39"),
            Self.message(25, "edge/rack2/temp", "41"), Self.message(30, "edge/rack2/temp", "40"),
            Self.message(31, "edge/rack1/temp", "90"),
        ]
        let events = TriggerFiring.events(messages: messages, triggers: triggers)
        #expect(events.map(\.at) == [.seconds(12 * 60), .seconds(25 * 60)])
        #expect(events.allSatisfy { $0.action == .drainHost("drone2") })
        #expect(events.first?.note == "trigger: edge/rack2/temp 41 (above 40)")
    }

    @Test func delaysWildcardsJSONFieldsAndOrder() {
        let triggers = [
            // Any rack's temperature, read from a JSON payload; drains 2 minutes later, then fails the host 10 minutes later.
            Self.trigger("edge/+/climate", .above(40), field: "temperature", [
                TimelineEvent(at: .seconds(120), action: .drainHost("drone2"), note: "hot"),
                TimelineEvent(at: .seconds(600), action: .failHost("drone2")),
            ]),
            Self.trigger("ups/#", .equals("on_battery"), [TimelineEvent(at: .zero, action: .failQueen)]),
            Self.trigger("edge/rack1/climate", .below(5), field: "temperature", [TimelineEvent(at: .zero, action: .failHost("queen"))]),
        ]
        let messages = [
            Self.message(1, "edge/rack1/climate", #"{"temperature": 41.5, "humidity": 30}"#),
            Self.message(1, "edge/rack2/climate", #"{"temperature": 45}"#),  // its own topic: fires too
            Self.message(2, "edge/rack1/climate", #"{"humidity": 30}"#),     // no field: state unchanged
            Self.message(3, "edge/rack1/climate", #"{"temperature": 43}"#),  // still quiet
            Self.message(4, "ups/main/status", "on_battery"),
            Self.message(5, "edge/rack1/climate", "not json"),
            Self.message(6, "edge/rack1/climate", #"{"temperature": 4}"#),  // clears the first, fires the third
        ]
        let events = TriggerFiring.events(messages: messages, triggers: triggers)
        let summary = events.map { "\($0.at.components.seconds / 60)m \($0.action)" }
        // Worked by hand: rack1 at 1m → drain 3m, fail 11m; rack2 at 1m → drain 3m, fail 11m;
        // UPS at 4m → fail_queen 4m; rack1 below 5 at 6m → fail queen host 6m.
        #expect(summary == [
            "3m drainHost(\"drone2\")", "3m drainHost(\"drone2\")", "4m failQueen", "6m failHost(\"queen\")",
            "11m failHost(\"drone2\")", "11m failHost(\"drone2\")",
        ])
        #expect(events[0].note == #"trigger: edge/rack1/climate {"temperature": 41.5, "humidity": 30} (above 40): hot"#)
    }

    @Test(arguments: [
        ("sport/tennis/player1/#", "sport/tennis/player1", true),
        ("sport/tennis/player1/#", "sport/tennis/player1/ranking", true),
        ("sport/#", "sport", true),
        ("#", "sport/tennis", true),
        ("#", "$SYS/broker", false),
        ("sport/tennis/+", "sport/tennis/player1", true),
        ("sport/tennis/+", "sport/tennis/player1/ranking", false),
        ("sport/+", "sport", false),
        ("sport/+", "sport/", true),
        ("+/+", "/finance", true),
        ("/+", "/finance", true),
        ("+", "/finance", false),
        ("a/b", "a/b", true),
        ("a/b", "a/c", false),
    ])
    func topicFiltersMatchAsTheMQTTSpecificationsExamples(filter: String, topic: String, matches: Bool) {
        // The examples of MQTT 3.1.1, section 4.7.
        #expect(TopicFilter.matches(filter, topic: topic) == matches)
    }

    // MARK: - Reading

    @Test func scenarioTriggersAndReadingsLoad() throws {
        let yaml = Self.fleet + """
            triggers:
              - on: {topic: edge/rack2/temp, above: 40}
                then:
                  - {event: drain_host, host: drone2, note: rack2 is hot}
                  - {at: 10m, event: fail_host, host: drone2}
              - on: {topic: ups/status, equals: on_battery}
                then: [{event: fail_queen}]
            readings:
              - {at: 5m, topic: edge/rack2/temp, value: 38}
              - {at: 12m, topic: edge/rack2/temp, value: 41.5}
            """
        let scenario = try Scenario(yaml: yaml, file: "t.yaml")
        #expect(scenario.triggers.count == 2)
        #expect(scenario.triggers[0].topic == "edge/rack2/temp")
        #expect(scenario.triggers[0].condition == .above(40))
        #expect(scenario.triggers[0].actions.map(\.action) == [.drainHost("drone2"), .failHost("drone2")])
        #expect(scenario.triggers[0].actions.map(\.at) == [.zero, .seconds(600)])
        #expect(scenario.triggers[1].condition == .equals("on_battery"))
        #expect(scenario.readings.map(\.payload) == ["38", "41.5"])
        let events = TriggerFiring.events(messages: scenario.readings, triggers: scenario.triggers)
        #expect(events.map(\.at) == [.seconds(720), .seconds(1320)])
        #expect(events.map(\.note) == ["trigger: edge/rack2/temp 41.5 (above 40): rack2 is hot", "trigger: edge/rack2/temp 41.5 (above 40)"])
    }

    /// The bundled rehearsal: 36 °C at 10m, 41.5 °C at 20m (fires), 43 °C at 25m (still hot:
    /// quiet): the alarm at 20m and drone2 off 30 minutes later.
    @Test func theHotRackScenarioDrainsThenPowersOff() throws {
        let scenario = try Repository.scenario("scenarios/hot-rack.yaml")
        #expect(scenario.warnings.isEmpty)
        let events = scenario.sensorEvents()
        #expect(events.map(\.at) == [.seconds(20 * 60), .seconds(50 * 60)])
        #expect(events.map(\.action) == [.sensorAlarm("rack2-temperature"), .failHost("drone2")])
        // A recorded message on top of the readings fires nothing new while it stays hot.
        let more = scenario.sensorEvents(messages: [Self.message(40, "edge/rack2/climate", #"{"temperature": 44}"#)])
        #expect(more == events)
    }

    @Test func triggerProblemsArePositioned() {
        let yaml = Self.fleet + """
            triggers:
              - on: {topic: "edge/#/temp", above: 40}
                then: [{event: drain_host, host: dron2}]
              - on: {topic: edge/x, above: 40, below: 10}
                then: []
              - on: {topic: edge/y, above: hot}
                when: now
            readings:
              - {at: 5m, topic: "edge/+", value: 1}
            """
        // Columns counted by hand in the text above (line 12 is the first trigger).
        #expect(diagnostics(yaml, file: "t.yaml") == [
            "t.yaml:12:17: triggers[0].on.topic: # stands alone as the last level (edge/#)",
            "t.yaml:13:38: triggers[0].then[0].host: unknown host \"dron2\"; did you mean \"drone2\"?",
            "t.yaml:14:9: triggers[1].on: give one of above, below or equals, not above and below",
            "t.yaml:15:11: triggers[1].then: a trigger needs at least one event",
            "t.yaml:16:5: triggers[2]: missing required key \"then\" (the events it causes, like [{event: drain_host, host: drone2}])",
            "t.yaml:16:32: triggers[2].on.above: expected a number like 40 or 12.5, found \"hot\"",
            "t.yaml:17:5: triggers[2].when: unknown key; did you mean \"then\"?",
            "t.yaml:19:21: readings[0].topic: a reading's topic is a plain topic (no + or #), found \"edge/+\"",
        ])
    }

    @Test func theSchemaListsTheTriggerKeys() throws {
        let data = try Data(contentsOf: Repository.scenarios.appendingPathComponent("schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        for (def, keys) in [("trigger", ScenarioKeys.trigger), ("triggerCondition", ScenarioKeys.triggerCondition), ("reading", ScenarioKeys.reading)] {
            let properties = ((defs[def] as? [String: Any])?["properties"] as? [String: Any])?.keys.sorted()
            #expect(properties == keys.sorted(), "\(def)")
        }
    }

    // MARK: - Recorded messages

    @Test func aRecordedFileReadsInTimeOrder() throws {
        let text = """
            # time topic payload
            5m   edge/rack2/temp 38.5

            90   edge/rack2/temp {"temperature": 41.2, "unit": "C"}\r
              1h30m ups/status on battery now
            """
        let messages = try SensorMessageLog.parse(text, file: "m.txt")
        #expect(messages.map(\.at) == [.seconds(90), .seconds(300), .seconds(5400)])
        #expect(messages.map(\.topic) == ["edge/rack2/temp", "edge/rack2/temp", "ups/status"])
        #expect(messages.map(\.payload) == [#"{"temperature": 41.2, "unit": "C"}"#, "38.5", "on battery now"])
        #expect(messages.map(\.location.line) == [4, 2, 5])
    }

    /// What a broker delivers, made a reading and written down, reads back the same: 500
    /// random messages with awkward payloads (line breaks, tabs, JSON, `#`, non-ASCII).
    @Test func receivedMessagesRecordAndReadBackTheSame() throws {
        var random = CollectiveTestSupport.SplitMix64(seed: 8)
        let pieces = ["41.5", " ", "\t", "\n", "\r\n", "{\"temperature\": 40}", "#", "on battery", "°C", "\u{2028}", "-3", "x"]
        var messages: [SensorMessage] = []
        var skipped = 0
        for _ in 0..<500 {
            let payload = (0..<random.int(0...5)).map { _ in random.pick(pieces) }.joined()
            let topic = random.pick(["edge/rack2/climate", "ups/status", "a b", "edge/+/x", "", "sensors/°C"])
            let at = Duration.milliseconds(random.int(0...86_400_000)) + .microseconds(random.int(0...999))
            guard let message = SensorMessageLog.message(at: at, topic: topic, payload: payload) else {
                skipped += 1
                #expect(topic.isEmpty || topic.contains(" ") || topic.contains("+") || payload.allSatisfy { $0.isWhitespace })
                continue
            }
            #expect(message.at <= at && at - message.at < .milliseconds(1))
            messages.append(message)
        }
        #expect(skipped > 0 && messages.count > 100)
        messages.sort { $0.at < $1.at }
        let read = try SensorMessageLog.parse(SensorMessageLog.format(messages), file: "received.log")
        #expect(read.map(\.at) == messages.map(\.at))
        #expect(read.map(\.topic) == messages.map(\.topic))
        #expect(read.map(\.payload) == messages.map(\.payload))
    }

    @Test func aRecordedFilesProblemsArePositioned() {
        let text = "5m edge/t\nsoon edge/t 40\n 3m edge/+/t 40\n-4s edge/t 1\n"
        #expect(throws: ScenarioError.self) { try SensorMessageLog.parse(text, file: "m.txt") }
        do {
            _ = try SensorMessageLog.parse(text, file: "m.txt")
        } catch {
            #expect(error.diagnostics.map(\.description) == [
                "m.txt:1:1: expected <time> <topic> <payload>, found \"5m edge/t\"",
                "m.txt:2:1: expected a time like 90s, 10m or 1h30m, found \"soon\"",
                "m.txt:3:5: a message's topic has no wildcards (+, #), found \"edge/+/t\"",
                "m.txt:4:1: a time cannot be negative, found \"-4s\"",
            ])
        }
    }
}
