/// A rule step's operation (`enum crush_opcodes` in crush.h).
public enum RuleOp: UInt32, Sendable, CaseIterable {
    case noop = 0
    case take = 1
    case chooseFirstN = 2
    case chooseIndep = 3
    case emit = 4
    case chooseLeafFirstN = 6
    case chooseLeafIndep = 7
    case setChooseTries = 8
    case setChooseLeafTries = 9
    case setChooseLocalTries = 10
    case setChooseLocalFallbackTries = 11
    case setChooseLeafVaryR = 12
    case setChooseLeafStable = 13
}

/// One step of a rule (`struct crush_rule_step`): an operation and two arguments whose
/// meaning depends on it (take: item, class-less; choose: count and type; set_*: value).
public struct RuleStep: Sendable, Equatable {
    public var op: RuleOp
    public var arg1: Int32
    public var arg2: Int32

    public init(_ op: RuleOp, _ arg1: Int32 = 0, _ arg2: Int32 = 0) {
        self.op = op
        self.arg1 = arg1
        self.arg2 = arg2
    }
}

/// A placement rule (`struct crush_rule` with its `crush_rule_mask`).
public struct Rule: Sendable, Equatable {
    /// The mask's ruleset (equal to the rule id in maps written by Luminous and later).
    public var ruleset: UInt8
    /// 1 replicated, 3 erasure (`pg_pool_t::TYPE_*`); crushtool's text says the name.
    public var type: UInt8
    public var minSize: UInt8
    public var maxSize: UInt8
    public var steps: [RuleStep]

    public init(ruleset: UInt8, type: UInt8, minSize: UInt8, maxSize: UInt8, steps: [RuleStep]) {
        self.ruleset = ruleset
        self.type = type
        self.minSize = minSize
        self.maxSize = maxSize
        self.steps = steps
    }

    public static let typeReplicated: UInt8 = 1
    public static let typeErasure: UInt8 = 3
}
