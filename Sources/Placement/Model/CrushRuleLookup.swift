import CRUSH

extension CrushMap {
    /// `crush_find_rule` (Ceph's mapper.c), which `OSDMap::_pg_to_raw_osds` calls through
    /// `CrushWrapper::find_rule` in 16.2.15: the index of the first rule whose ruleset is
    /// `ruleset`, whose type is `type` and whose `min_size…max_size` holds `size`; nil if none
    /// (then the PG maps to nothing).
    public func findRule(ruleset: Int32, type: UInt8, size: Int) -> Int? {
        for (index, rule) in rules.enumerated() {
            guard let rule else { continue }
            if Int32(rule.ruleset) == ruleset && rule.type == type
                && Int(rule.minSize) <= size && Int(rule.maxSize) >= size
            {
                return index
            }
        }
        return nil
    }
}
