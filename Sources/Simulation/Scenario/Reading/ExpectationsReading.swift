extension ScenarioReader {
    /// `expect:` — what the simulation must show.
    func readExpectations(_ field: YAMLField) -> [Expectation]? {
        guard let m = field.mapping("expectations (no_data_loss, max_inactive_pgs, healthy_within)", keys: ScenarioKeys.expect) else { return nil }
        var result: [Expectation] = []
        for key in m.entries.map(\.key) {
            guard let f = m.optional(key) else { continue }
            let at = m.keyLocation(key)
            switch key {
            case "no_data_loss":
                if f.bool() == true { result.append(Expectation(.noDataLoss, location: at)) }
            case "max_inactive_pgs":
                if let n = f.int(Int.self, "a number of PGs", in: 0...Int(Int32.max)) { result.append(Expectation(.maxInactivePGs(n), location: at)) }
            case "healthy_within":
                if let d = f.duration() {
                    if d == .zero { f.error("must be more than 0") } else { result.append(Expectation(.healthyWithin(d), location: at)) }
                }
            default:
                break
            }
        }
        return result
    }
}
