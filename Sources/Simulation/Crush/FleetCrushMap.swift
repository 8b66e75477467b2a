public import CRUSH

/// Builds the CRUSH map a fleet's cluster has, with CRUSH's own builders (`BucketBuilder`,
/// `addBucket`, `rebuildShadowTrees`):
///
/// - Ceph's 12 default types and the given tunables (jewel, Pacific's default);
/// - one straw2 bucket per host with disks, holding its OSDs with their weights; racks
///   holding their hosts; root `default` holding racks (and hosts without a rack), each
///   bucket weighing the sum of its items;
/// - bucket ids as Ceph assigns them when the OSDs are created in fleet order with their full
///   location (`CrushWrapper::insert_item` creates a missing host, then its missing rack,
///   each with the first free id, after `default` = -1 from `ceph-mon --mkfs`);
/// - device classes in OSD id order, and the per-class shadow trees built once, afterwards
///   (a live cluster builds them as classes appear, so its shadow ids may differ);
/// - rule 0 `replicated_rule`, then one rule per `RuleSpec`, as Pacific's
///   `CrushWrapper::add_simple_rule` writes them: replicated rules `take` the (class) root,
///   `chooseleaf firstn 0 type <domain>`, `emit`, sizes 1…10; erasure rules first set
///   `chooseleaf_tries 5` and `choose_tries 100`, then `chooseleaf indep 0`, sizes 3…k+m.
///   A failure domain of `osd` makes it `choose` instead of `chooseleaf`.
public enum FleetCrushMap {
    /// Builds the map for `hosts` (every disk must have its OSD id) and `rules` (in order,
    /// after rule 0; a spec named `replicated_rule` must be the default shape and is skipped).
    public static func build(hosts: [Host], rules: [RuleSpec], tunables: Tunables = .jewel) throws(FleetCrushError) -> CrushMap {
        var map = CrushMap(tunables: tunables)
        for (id, name) in CephCrushTypes.names.enumerated() {
            map.typeNames[Int32(id)] = name
        }
        let algorithm = BucketAlgorithm.straw2
        let scv = tunables.strawCalcVersion

        // Devices and their classes, in OSD id order.
        var devices: [(osd: Int32, disk: Disk, host: String)] = []
        for host in hosts {
            for disk in host.disks {
                guard let osd = disk.osd else { throw .missingOSDID(host: host.name, disk: disk.name) }
                devices.append((osd, disk, host.name))
            }
        }
        devices.sort { $0.osd < $1.osd }
        for device in devices {
            map.itemNames[device.osd] = "osd.\(device.osd)"
            map.deviceClasses[device.osd] = map.classID(orCreate: device.disk.deviceClass)
        }

        // Bucket ids in creation order: default, then per host with disks its host bucket and,
        // when new, its rack.
        let storageHosts = hosts.filter { !$0.disks.isEmpty }
        var nextID: Int32 = -2
        var hostIDs: [String: Int32] = [:]
        var rackIDs: [String: Int32] = [:]
        var rackOrder: [String] = []
        var rootItems: [(id: Int32, rack: String?, host: String?)] = []
        for host in storageHosts {
            hostIDs[host.name] = nextID
            nextID -= 1
            if let rack = host.location.rack {
                if rackIDs[rack] == nil {
                    rackIDs[rack] = nextID
                    nextID -= 1
                    rackOrder.append(rack)
                    rootItems.append((rackIDs[rack]!, rack, nil))
                }
            } else {
                rootItems.append((hostIDs[host.name]!, nil, host.name))
            }
        }

        var bucketWeights: [Int32: UInt32] = [:]
        for host in storageHosts {
            let id = hostIDs[host.name]!
            let items = host.disks.map { $0.osd! }
            let weights = host.disks.map(\.crushWeight)
            let bucket = try make(id: id, type: CephCrushTypes.host, items: items, weights: weights, name: host.name, algorithm: algorithm, scv: scv)
            bucketWeights[id] = bucket.weight
            try add(bucket, named: host.name, to: &map)
        }
        for rack in rackOrder {
            let id = rackIDs[rack]!
            let members = storageHosts.filter { $0.location.rack == rack }.map { hostIDs[$0.name]! }
            let bucket = try make(id: id, type: CephCrushTypes.rack, items: members, weights: members.map { bucketWeights[$0]! }, name: rack, algorithm: algorithm, scv: scv)
            bucketWeights[id] = bucket.weight
            try add(bucket, named: rack, to: &map)
        }
        let rootIDs = rootItems.map(\.id)
        let root = try make(id: -1, type: CephCrushTypes.root, items: rootIDs, weights: rootIDs.map { bucketWeights[$0]! }, name: "default", algorithm: algorithm, scv: scv)
        try add(root, named: "default", to: &map)

        do {
            try map.rebuildShadowTrees()
        } catch {
            throw .shadowTrees(String(describing: error))
        }

        // Rules: replicated_rule first, then the others in order.
        try addRule(.replicatedRule, to: &map)
        for spec in rules where spec.name != RuleSpec.replicatedRule.name {
            try addRule(spec, to: &map)
        }
        map.finalize()
        return map
    }

    private static func make(
        id: Int32, type: Int32, items: [Int32], weights: [UInt32], name: String,
        algorithm: BucketAlgorithm, scv: UInt8
    ) throws(FleetCrushError) -> Bucket {
        var total: UInt32 = 0
        for w in weights {
            guard !BucketBuilder.additionOverflows(total, w) else { throw .weightOverflow(bucket: name) }
            total &+= w
        }
        return BucketBuilder.make(
            id: id, type: UInt16(type), algorithm: algorithm, items: items, weights: weights, strawCalcVersion: scv)
    }

    private static func add(_ bucket: Bucket, named name: String, to map: inout CrushMap) throws(FleetCrushError) {
        guard map.addBucket(bucket) else { throw .duplicateBucket(name) }
        map.itemNames[bucket.id] = name
    }

    /// Appends the rule at the first free id (`add_simple_rule`'s `rno`).
    private static func addRule(_ spec: RuleSpec, to map: inout CrushMap) throws(FleetCrushError) {
        var take: Int32 = -1
        if let deviceClass = spec.deviceClass {
            guard let classID = map.classNames.first(where: { $0.value == deviceClass })?.key,
                  let shadow = map.classBuckets[-1]?[classID]
            else { throw .noDevicesOfClass(rule: spec.name, deviceClass: deviceClass) }
            take = shadow
        }
        guard let domain = CephCrushTypes.id(of: spec.failureDomain) else {
            throw .unknownType(rule: spec.name, type: spec.failureDomain)
        }
        var steps: [RuleStep] = []
        let erasure = spec.erasureChunks != nil
        if erasure {
            steps.append(RuleStep(.setChooseLeafTries, 5))
            steps.append(RuleStep(.setChooseTries, 100))
        }
        steps.append(RuleStep(.take, take))
        if domain == CephCrushTypes.osd {
            steps.append(RuleStep(erasure ? .chooseIndep : .chooseFirstN, 0, 0))
        } else {
            steps.append(RuleStep(erasure ? .chooseLeafIndep : .chooseLeafFirstN, 0, domain))
        }
        steps.append(RuleStep(.emit))
        let id = map.rules.firstIndex { $0 == nil } ?? map.rules.count
        guard id <= Int(UInt8.max) else { throw .tooManyRules }
        let rule = Rule(
            ruleset: UInt8(id), type: erasure ? Rule.typeErasure : Rule.typeReplicated,
            minSize: erasure ? 3 : 1,
            maxSize: UInt8(clamping: spec.erasureChunks ?? 10),
            steps: steps)
        if id == map.rules.count { map.rules.append(rule) } else { map.rules[id] = rule }
        map.ruleNames[Int32(id)] = spec.name
    }
}

/// Why a fleet's CRUSH map could not be built (scenario validation catches these first).
public enum FleetCrushError: Error, Sendable, Equatable, CustomStringConvertible {
    case missingOSDID(host: String, disk: String)
    case duplicateBucket(String)
    case weightOverflow(bucket: String)
    case shadowTrees(String)
    case noDevicesOfClass(rule: String, deviceClass: String)
    case unknownType(rule: String, type: String)
    case tooManyRules

    public var description: String {
        switch self {
        case .missingOSDID(let host, let disk): "disk \(host)/\(disk) has no OSD id"
        case .duplicateBucket(let name): "two CRUSH buckets would be named \(name)"
        case .weightOverflow(let bucket): "the weights under \(bucket) add up to more than CRUSH can hold"
        case .shadowTrees(let reason): "cannot build the device-class trees: \(reason)"
        case .noDevicesOfClass(let rule, let deviceClass): "rule \(rule): no OSD has device class \(deviceClass)"
        case .unknownType(let rule, let type): "rule \(rule): \(type) is not a CRUSH type"
        case .tooManyRules: "more than 256 CRUSH rules"
        }
    }
}

extension FleetCrushMap {
    /// `map` in crushtool's text format (`decompiled()`), except that items which are buckets
    /// carry no weight: crushtool's compiler then gives each the bucket's exact weight, the sum
    /// of its items, as Ceph keeps it. (The three decimals `crushtool -d` prints would round
    /// those sums, and a recompiled map would differ from the original in the last bits.)
    /// `crushtool -c` compiles this text to `map.binaryEncoded()` whenever every device weight
    /// is a multiple of 0.001 TiB after truncation — true of the usual disk sizes.
    public static func compilableText(_ map: CrushMap) -> String {
        var bucketNames: Set<String> = []
        for (id, name) in map.itemNames where id < 0 { bucketNames.insert(name) }
        var out = ""
        for line in map.decompiled().split(separator: "\n", omittingEmptySubsequences: false) {
            let prefix = "\titem "
            if line.hasPrefix(prefix) {
                let fields = line.dropFirst(prefix.count).split(separator: " ")
                if fields.count == 3, fields[1] == "weight", bucketNames.contains(String(fields[0])) {
                    out += prefix + fields[0] + "\n"
                    continue
                }
            }
            out += line + "\n"
        }
        // split keeps an empty last piece after the final newline.
        if out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}
