import CRUSH

/// Which pools a CRUSH edit can move, decided from the maps alone.
///
/// `crush_do_rule` for a pool reads only the rule's steps, the tunables, `max_devices`, the
/// pool's choose_args and the buckets it can reach from the rule's `take` items (a class rule
/// takes the class's shadow root, which is itself a bucket). A bucket's content (algorithm,
/// items, weights, straws) is all a choice in it depends on, and a device's CRUSH weight is an
/// entry of the bucket holding it. So a pool whose rule, tunables, choose_args and reachable
/// buckets are all equal in both maps maps every PG as before.
enum CrushChangeScope {
    /// The bucket ids whose bucket differs between `old` and `new` (added, removed or edited).
    static func changedBuckets(_ old: CrushMap, _ new: CrushMap) -> Set<Int32> {
        var changed = Set<Int32>()
        for index in 0..<max(old.buckets.count, new.buckets.count) {
            let a = index < old.buckets.count ? old.buckets[index] : nil
            let b = index < new.buckets.count ? new.buckets[index] : nil
            if a != b { changed.insert(Int32(-1 - index)) }
        }
        return changed
    }

    /// Every item (bucket or device id) under the take steps of rule `rule` of `map`, the take
    /// items included.
    static func reachable(_ map: CrushMap, rule: Int32?) -> Set<Int32> {
        var seen = Set<Int32>()
        guard let rule, rule >= 0, Int(rule) < map.rules.count, let steps = map.rules[Int(rule)]?.steps else {
            return seen
        }
        var stack: [Int32] = []
        for step in steps where step.op == .take && seen.insert(step.arg1).inserted {
            stack.append(step.arg1)
        }
        while let item = stack.popLast() {
            guard item < 0, let bucket = map.bucket(id: item) else { continue }
            for child in bucket.items where seen.insert(child).inserted { stack.append(child) }
        }
        return seen
    }

    /// The rule index `OSDMap` uses for `pool` in `map` (`crush_find_rule`).
    static func rule(_ map: CrushMap, _ pool: Pool) -> Int32? {
        map.findRule(ruleset: pool.crushRule, poolType: pool.kind.code, size: Int(pool.size))
    }

    /// Whether moving from CRUSH map `old` to `new` can change a mapping of `pool`.
    static func affects(_ pool: Pool, old: CrushMap, new: CrushMap, changedBuckets: Set<Int32>) -> Bool {
        if old.tunables != new.tunables || old.maxDevices != new.maxDevices { return true }
        let oldRule = rule(old, pool)
        let newRule = rule(new, pool)
        if oldRule != newRule { return true }
        if let r = oldRule, old.rules[Int(r)]?.steps != new.rules[Int(r)]?.steps { return true }
        if old.chooseArgsWithFallback(index: pool.id) != new.chooseArgsWithFallback(index: pool.id) { return true }
        if changedBuckets.isEmpty { return false }
        return !reachable(old, rule: oldRule).isDisjoint(with: changedBuckets)
            || !reachable(new, rule: newRule).isDisjoint(with: changedBuckets)
    }
}
