internal import CRUSH

extension ScenarioReader {
    /// The map the scenario starts with: generated from the fleet and the pools' rules, or the
    /// imported one. Fills in every pool's rule id.
    func buildCrushMap(fleet: Fleet, ceph: inout CephSettings, at top: YAMLMapping) -> CrushMap? {
        let map: CrushMap
        switch ceph.crush {
        case .imported:
            guard let imported = importedMap else { return nil }
            map = imported
        case .generated(let tunables):
            do {
                map = try FleetCrushMap.build(hosts: fleet.hosts, rules: RuleSpec.rules(for: ceph.pools), tunables: tunables)
            } catch {
                log.error(top.keyLocation("fleet"), FieldPath.root.appending("fleet"), "cannot build the CRUSH map: \(error)")
                return nil
            }
        }
        for i in ceph.pools.indices {
            guard let id = map.ruleID(named: ceph.pools[i].rule) else {
                log.error(top.keyLocation("ceph"), FieldPath.root.appending("ceph"), "rule \(ceph.pools[i].rule) is missing from the CRUSH map")
                return nil
            }
            ceph.pools[i].ruleID = id
        }
        return map
    }
}
