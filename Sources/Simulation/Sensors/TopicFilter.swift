/// MQTT topic filters (MQTT 3.1.1, §4.7): levels separated by `/`; `+` matches exactly one
/// level, `#` (last) matches the rest, including nothing; topics starting with `$` are not
/// matched by a filter starting with a wildcard.
enum TopicFilter {
    static func matches(_ filter: String, topic: String) -> Bool {
        let f = filter.split(separator: "/", omittingEmptySubsequences: false)
        let t = topic.split(separator: "/", omittingEmptySubsequences: false)
        if topic.hasPrefix("$"), let first = f.first, first == "+" || first == "#" { return false }
        var i = 0
        while i < f.count {
            if f[i] == "#" { return i == f.count - 1 }
            guard i < t.count else { return false }
            if f[i] != "+" && f[i] != t[i] { return false }
            i += 1
        }
        return i == t.count
    }

    /// Why `filter` is not a valid filter, or nil: `#` only as the last level, wildcards
    /// only as whole levels, not empty.
    static func problem(_ filter: String) -> String? {
        if filter.isEmpty { return "a topic cannot be empty" }
        let levels = filter.split(separator: "/", omittingEmptySubsequences: false)
        for (i, level) in levels.enumerated() {
            if level.contains("#") && (level != "#" || i != levels.count - 1) {
                return "# stands alone as the last level (edge/#)"
            }
            if level.contains("+") && level != "+" {
                return "+ stands alone as a level (edge/+/temperature)"
            }
        }
        return nil
    }
}
