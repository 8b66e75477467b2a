/// A CRUSH map: the hierarchy, the rules, the tunables and the names Ceph keeps beside them
/// (`struct crush_map` plus the name maps, device classes and choose_args of `CrushWrapper`).
///
/// Ids follow Ceph: devices are `0..<maxDevices`, bucket `id` lives at `buckets[-1 - id]`,
/// rule `r` at `rules[r]`. Holes are `nil`, as in the C arrays.
public struct CrushMap: Sendable, Equatable {
    public var buckets: [Bucket?]
    public var rules: [Rule?]
    /// One past the highest device id (`max_devices`).
    public var maxDevices: Int32
    public var tunables: Tunables

    /// Type id → name (`type_map`); type 0 is the device type.
    public var typeNames: [Int32: String]
    /// Device or bucket id → name (`name_map`).
    public var itemNames: [Int32: String]
    /// Rule id → name (`rule_name_map`).
    public var ruleNames: [Int32: String]

    /// Device id → class id (`class_map`).
    public var deviceClasses: [Int32: Int32]
    /// Class id → class name (`class_name`).
    public var classNames: [Int32: String]
    /// Bucket id → (class id → shadow bucket id) (`class_bucket`).
    public var classBuckets: [Int32: [Int32: Int32]]

    /// choose_args index (a pool id, or -1 for the compat weight set) → per-bucket arguments.
    public var chooseArgs: [Int64: [Int32: ChooseArg]]

    public init(
        buckets: [Bucket?] = [], rules: [Rule?] = [], maxDevices: Int32 = 0,
        tunables: Tunables = .legacy,
        typeNames: [Int32: String] = [:], itemNames: [Int32: String] = [:],
        ruleNames: [Int32: String] = [:],
        deviceClasses: [Int32: Int32] = [:], classNames: [Int32: String] = [:],
        classBuckets: [Int32: [Int32: Int32]] = [:],
        chooseArgs: [Int64: [Int32: ChooseArg]] = [:]
    ) {
        self.buckets = buckets
        self.rules = rules
        self.maxDevices = maxDevices
        self.tunables = tunables
        self.typeNames = typeNames
        self.itemNames = itemNames
        self.ruleNames = ruleNames
        self.deviceClasses = deviceClasses
        self.classNames = classNames
        self.classBuckets = classBuckets
        self.chooseArgs = chooseArgs
    }

    /// `max_buckets`: the length of the bucket array, holes included.
    public var maxBuckets: Int32 { Int32(buckets.count) }
    /// `max_rules`: the length of the rule array, holes included.
    public var maxRules: UInt32 { UInt32(rules.count) }

    /// The bucket with this (negative) id, if it exists.
    public func bucket(id: Int32) -> Bucket? {
        let index = Int(-1 - Int64(id))
        guard id < 0, index < buckets.count else { return nil }
        return buckets[index]
    }

    /// Puts a bucket at its id's slot, growing the array with holes as needed.
    public mutating func setBucket(_ bucket: Bucket) {
        let index = Int(-1 - Int64(bucket.id))
        precondition(index >= 0, "bucket ids are negative")
        if index >= buckets.count { buckets.append(contentsOf: repeatElement(nil, count: index + 1 - buckets.count)) }
        buckets[index] = bucket
    }

    /// The id of the item with this name (device or bucket).
    public func itemID(named name: String) -> Int32? {
        itemNames.first(where: { $0.value == name })?.key
    }

    /// The id of the rule with this name.
    public func ruleID(named name: String) -> Int32? {
        ruleNames.first(where: { $0.value == name })?.key
    }

    /// The id of the type with this name.
    public func typeID(named name: String) -> Int32? {
        typeNames.first(where: { $0.value == name })?.key
    }

    /// `CrushWrapper::finalize`: `max_devices` becomes one past the highest device id that is
    /// an item of a bucket or has a name (`crush_finalize` plus the name-map check). Ceph does
    /// this after decoding and after every change, so mappings always see the finalized value.
    public mutating func finalize() {
        maxDevices = maxDevicesAsCephDecodes
    }

    /// Is this id a shadow (per-class) bucket, i.e. named `parent~class`?
    public func isShadow(_ id: Int32) -> Bool {
        itemNames[id]?.contains("~") ?? false
    }
}

/// Per-bucket overrides used by straw2 buckets (`struct crush_choose_arg`): a weight set per
/// replica position and/or replacement ids fed to the hash.
public struct ChooseArg: Sendable, Equatable {
    /// Replacement ids, one per item, or empty.
    public var ids: [Int32]
    /// `weightSet[position][item]`, or empty.
    public var weightSet: [[UInt32]]

    public init(ids: [Int32] = [], weightSet: [[UInt32]] = []) {
        self.ids = ids
        self.weightSet = weightSet
    }
}

/// `CRUSH_ITEM_NONE`: a hole in an indep result.
public let crushItemNone: Int32 = 0x7fff_ffff
/// `CRUSH_ITEM_UNDEF`: an undecided slot while choosing indep.
let crushItemUndef: Int32 = 0x7fff_fffe
