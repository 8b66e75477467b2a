/// The algorithm a bucket uses to choose among its items (`CRUSH_BUCKET_*` in Ceph's crush.h).
public enum BucketAlgorithm: UInt8, Sendable, CaseIterable {
    case uniform = 1
    case list = 2
    case tree = 3
    case straw = 4
    case straw2 = 5

    /// The name crushtool uses in text maps (`alg straw2`).
    public var name: String {
        switch self {
        case .uniform: "uniform"
        case .list: "list"
        case .tree: "tree"
        case .straw: "straw"
        case .straw2: "straw2"
        }
    }

    public init?(name: String) {
        guard let alg = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = alg
    }
}

/// A CRUSH bucket: an interior node of the hierarchy, with the per-algorithm data that
/// Ceph keeps next to it (`struct crush_bucket_*` in crush.h). Weights are 16.16 fixed point.
///
/// Which arrays are meaningful depends on `algorithm`, exactly as in the C structs:
/// - uniform: `itemWeights` holds the single `item_weight` repeated for every item
///   (`uniformItemWeight` keeps it even for an empty bucket);
/// - list: `itemWeights` and `sumWeights`;
/// - tree: `nodeWeights` (`numNodes` entries, see `TreeBucketLayout`);
/// - straw: `itemWeights` and `straws`;
/// - straw2: `itemWeights`.
/// The derived arrays (`sumWeights`, `nodeWeights`, `straws`) are stored, not recomputed,
/// because a binary map carries them and mapping must use what the map says.
public struct Bucket: Sendable, Equatable {
    /// Negative bucket id (`-1 - index`).
    public var id: Int32
    /// Type id, an index into the map's type names.
    public var type: UInt16
    public var algorithm: BucketAlgorithm
    /// Hash function id; 0 is rjenkins1, the only one Ceph defines.
    public var hash: UInt8
    /// Sum of the item weights (16.16 fixed point).
    public var weight: UInt32
    /// Children: device ids (>= 0) or bucket ids (< 0).
    public var items: [Int32]
    public var itemWeights: [UInt32]
    /// uniform only: the weight every item has.
    public var uniformItemWeight: UInt32
    /// list only: `sumWeights[i]` is the weight of items 0...i.
    public var sumWeights: [UInt32]
    /// tree only: the weights of the implicit binary tree's nodes.
    public var nodeWeights: [UInt32]
    /// straw only: the straw length of each item.
    public var straws: [UInt32]

    public init(
        id: Int32, type: UInt16, algorithm: BucketAlgorithm, hash: UInt8 = 0, weight: UInt32 = 0,
        items: [Int32] = [], itemWeights: [UInt32] = [], uniformItemWeight: UInt32 = 0,
        sumWeights: [UInt32] = [], nodeWeights: [UInt32] = [], straws: [UInt32] = []
    ) {
        self.id = id
        self.type = type
        self.algorithm = algorithm
        self.hash = hash
        self.weight = weight
        self.items = items
        self.itemWeights = itemWeights
        self.uniformItemWeight = uniformItemWeight
        self.sumWeights = sumWeights
        self.nodeWeights = nodeWeights
        self.straws = straws
    }

    /// The number of items (`size` in the C struct).
    public var size: Int { items.count }

    /// The weight of the item at `position`, whatever the algorithm
    /// (`crush_get_bucket_item_weight` in builder.c).
    public func itemWeight(at position: Int) -> UInt32 {
        switch algorithm {
        case .uniform: return uniformItemWeight
        case .tree: return nodeWeights[TreeBucketLayout.node(ofLeaf: position)]
        case .list, .straw, .straw2: return itemWeights[position]
        }
    }
}

/// The implicit binary tree of a tree bucket: leaves sit at odd node numbers
/// (`crush_calc_tree_node` in crush.h), interior nodes at multiples of powers of two.
public enum TreeBucketLayout {
    /// Node number of leaf `i`.
    @inline(__always)
    public static func node(ofLeaf i: Int) -> Int { ((i + 1) << 1) - 1 }

    /// Depth of the tree needed for `size` leaves (`calc_depth` in builder.c).
    public static func depth(forSize size: Int) -> Int {
        if size == 0 { return 0 }
        var depth = 1
        var t = size - 1
        while t != 0 {
            t >>= 1
            depth += 1
        }
        return depth
    }

    /// Number of nodes (`num_nodes`) for a tree of `size` leaves.
    public static func nodeCount(forSize size: Int) -> Int {
        size == 0 ? 0 : 1 << depth(forSize: size)
    }
}
