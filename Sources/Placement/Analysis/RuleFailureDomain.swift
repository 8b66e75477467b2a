import CRUSH

/// The failure domain a CRUSH rule spreads the shards of a PG over, read from its choose
/// steps: the type of the last one (`host` for `chooseleaf firstn 0 type host`, `osd` for
/// `choose firstn 0 type osd`), or of the one before when the last picks a single item in
/// each bucket (`choose firstn 0 type host` then `choose firstn 1 type osd`: host). Every
/// shard of a PG lands in a different bucket of that type. The types of the `choose` steps before it (`choose firstn 2 type rack` then
/// `chooseleaf firstn 2 type host`) are the outer domains: moving a shard must keep it in the
/// same one of those.
struct RuleFailureDomain: Sendable, Equatable {
    /// The CRUSH type every shard of a PG has its own bucket of.
    let type: Int32
    /// The types of the earlier choose steps, outermost first.
    let outerTypes: [Int32]

    init(_ rule: Rule) {
        var types: [Int32] = []
        var lastCount: Int32 = 0
        for step in rule.steps {
            switch step.op {
            case .chooseFirstN, .chooseIndep, .chooseLeafFirstN, .chooseLeafIndep:
                types.append(step.arg2)
                lastCount = step.arg1
            default:
                break
            }
        }
        if lastCount == 1 && types.count >= 2 { types.removeLast() }
        let domain = types.last ?? 0
        type = domain
        outerTypes = types.dropLast().filter { $0 != domain && $0 != 0 }
    }
}
