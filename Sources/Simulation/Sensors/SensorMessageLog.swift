/// A recorded file of sensor messages, one per line: `<time> <topic> <payload>`, where the time
/// is since the start of the run (`90s`, `10m`, `1h30m`, or bare seconds `90`), the topic has
/// no spaces or wildcards, and the payload is the rest of the line (JSON allowed). Blank lines
/// and lines starting with `#` are skipped. `collective simulate --messages FILE` replays it
/// through the scenario's triggers.
///
/// ```text
/// # time topic payload
/// 5m   edge/rack1/temperature 38.5
/// 12m  edge/rack1/temperature {"temperature": 41.2}
/// ```
public enum SensorMessageLog {
    /// The messages in time order (file order for equal times); every bad line is reported
    /// as `file:line:column: message`.
    public static func parse(_ text: String, file: String) throws(ScenarioError) -> [SensorMessage] {
        var messages: [SensorMessage] = []
        var problems: [ScenarioDiagnostic] = []
        func problem(_ line: Int, _ column: Int, _ message: String) {
            problems.append(ScenarioDiagnostic(
                severity: .error, file: file, location: SourceLocation(line: line, column: column), path: .root, message: message))
        }
        // `\r\n` is one Character in Swift: split on every kind of line end.
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let lineNumber = index + 1
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let column = line.count - content.count + 1
            let fields = content.split(maxSplits: 2, omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
            guard fields.count == 3 else {
                problem(lineNumber, column, "expected <time> <topic> <payload>, found \"\(content)\"")
                continue
            }
            let timeColumn = column
            let topicColumn = column + content.distance(from: content.startIndex, to: fields[1].startIndex)
            var at: Duration?
            switch DurationText.parse(String(fields[0]), bareUnit: "s") {
            case .success(let duration): at = duration
            case .failure(.negative): problem(lineNumber, timeColumn, "a time cannot be negative, found \"\(fields[0])\"")
            case .failure(.tooLarge): problem(lineNumber, timeColumn, "\"\(fields[0])\" is too long")
            case .failure(.notADuration): problem(lineNumber, timeColumn, "expected a time like 90s, 10m or 1h30m, found \"\(fields[0])\"")
            }
            let topic = String(fields[1])
            if topic.contains("+") || topic.contains("#") {
                problem(lineNumber, topicColumn, "a message's topic has no wildcards (+, #), found \"\(topic)\"")
                continue
            }
            guard let at else { continue }
            messages.append(SensorMessage(
                at: at, topic: topic, payload: String(fields[2]).trimmingSpaces,
                location: SourceLocation(line: lineNumber, column: column)))
        }
        guard problems.isEmpty else { throw ScenarioError(diagnostics: problems) }
        return messages.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// A message received now (from a broker) as the file can hold it: its time to the
    /// millisecond, line breaks in the payload as spaces, the payload trimmed. Nil when it
    /// cannot be a reading: an empty payload (MQTT's way of clearing a retained message), or
    /// a topic that is empty or has spaces or wildcards.
    public static func message(at: Duration, topic: String, payload: String) -> SensorMessage? {
        guard !topic.isEmpty, !topic.contains(where: { $0.isWhitespace || $0 == "+" || $0 == "#" }) else { return nil }
        let flat = String(payload.map { $0.isNewline ? " " : $0 }).trimmingSpaces
        guard !flat.isEmpty else { return nil }
        return SensorMessage(at: .milliseconds(at.wholeMilliseconds), topic: topic, payload: flat)
    }

    /// The messages as a file that `parse` reads back to the same times, topics and payloads:
    /// a header comment, then `<time> <topic> <payload>` per line. The messages are the kind
    /// `message(at:topic:payload:)` makes.
    public static func format(_ messages: [SensorMessage]) -> String {
        var text = "# time topic payload (collective simulate --messages FILE replays this)\n"
        for message in messages {
            text += DurationText.format(message.at) + " " + message.topic + " " + message.payload + "\n"
        }
        return text
    }
}
