public import CRUSH

extension CrushMap {
    /// Pacific's `CrushWrapper::find_rule(ruleset, type, size)` (`crush_find_rule` in
    /// mapper.c): the first rule whose mask has this ruleset and pool type and whose
    /// `min_size...max_size` holds `size`; nil (Ceph's -1) when none does. Ceph 16.2.15 looks
    /// the pool's rule up this way for `ceph df`, so a pool whose size is outside its rule's
    /// range gets no MAX AVAIL.
    public func findRule(ruleset: Int32, poolType: UInt8, size: Int) -> Int32? {
        for (index, rule) in rules.enumerated() {
            guard let rule else { continue }
            if Int32(rule.ruleset) == ruleset && rule.type == poolType
                && Int(rule.minSize) <= size && Int(rule.maxSize) >= size
            {
                return Int32(index)
            }
        }
        return nil
    }
}
