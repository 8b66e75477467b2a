import CRUSH

/// A RADOS pool as the OSD map describes it (`pg_pool_t` in Ceph's osd_types.h): what a
/// client needs to place objects and PGs — type, replica count, CRUSH rule, object hash,
/// PG counts with their masks, flags — plus the application tags and, for erasure-coded
/// pools, the profile with its k and m when the map has it.
public struct Pool: Sendable, Equatable {
    /// `pg_pool_t::TYPE_*`: how the pool stores data, which decides whether a missing OSD
    /// shifts the others left (replicated) or leaves a hole (erasure).
    public enum Kind: Sendable, Equatable {
        case replicated
        case erasure
        /// A type value Ceph 16.2.15 does not define (it would refuse to map such a pool).
        case other(UInt8)

        public init(code: UInt8) {
            switch code {
            case 1: self = .replicated
            case 3: self = .erasure
            default: self = .other(code)
            }
        }

        /// The `TYPE_*` value, also the CRUSH rule type the pool's rule must have.
        public var code: UInt8 {
            switch self {
            case .replicated: 1
            case .erasure: 3
            case .other(let code): code
            }
        }

        /// `pg_pool_t::get_type_name`.
        public var name: String {
            switch self {
            case .replicated: "replicated"
            case .erasure: "erasure"
            case .other: "???"
            }
        }
    }

    /// `pg_pool_t::FLAG_*`.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt64
        public init(rawValue: UInt64) { self.rawValue = rawValue }

        /// Hash the pool id into the placement seed so that pools do not overlap.
        public static let hashPSPool = Flags(rawValue: 1 << 0)
        public static let full = Flags(rawValue: 1 << 1)
        public static let ecOverwrites = Flags(rawValue: 1 << 2)
        public static let incompleteClones = Flags(rawValue: 1 << 3)
        public static let noDelete = Flags(rawValue: 1 << 4)
        public static let noPGChange = Flags(rawValue: 1 << 5)
        public static let noSizeChange = Flags(rawValue: 1 << 6)
        public static let writeFadviseDontNeed = Flags(rawValue: 1 << 7)
        public static let noScrub = Flags(rawValue: 1 << 8)
        public static let noDeepScrub = Flags(rawValue: 1 << 9)
        public static let fullQuota = Flags(rawValue: 1 << 10)
        public static let nearFull = Flags(rawValue: 1 << 11)
        public static let backfillFull = Flags(rawValue: 1 << 12)
        public static let selfManagedSnaps = Flags(rawValue: 1 << 13)
        public static let poolSnaps = Flags(rawValue: 1 << 14)
        public static let creating = Flags(rawValue: 1 << 15)
        public static let eio = Flags(rawValue: 1 << 16)
        public static let bulk = Flags(rawValue: 1 << 17)
    }

    /// `CEPH_STR_HASH_*`: the hash of object names.
    public enum ObjectHashKind: UInt8, Sendable {
        case linux = 1
        case rjenkins = 2
    }

    public var id: Int64
    public var name: String
    public var kind: Kind
    /// Number of replicas, or k + m shards.
    public var size: UInt8
    public var minSize: UInt8
    /// The pool's `crush_rule` (a ruleset number that `CrushMap.findRule` resolves).
    public var crushRule: Int32
    /// `object_hash`: 1 linux, 2 rjenkins; any other value hashes every name to 0xffffffff.
    public var objectHash: UInt8
    public private(set) var pgNum: UInt32
    public private(set) var pgpNum: UInt32
    /// `pg_num_mask`: one less than the smallest power of two ≥ `pgNum`.
    public private(set) var pgNumMask: UInt32
    /// `pgp_num_mask`.
    public private(set) var pgpNumMask: UInt32
    public var flags: Flags
    /// The `application_metadata` keys (`rbd`, `rgw`, `cephfs`, …), sorted.
    public var applications: [String]
    /// The erasure-code profile's name ("" for replicated pools).
    public var erasureCodeProfile: String
    /// k and m from the profile, when the map holds the profile and they are numbers.
    public var erasureK: Int?
    public var erasureM: Int?

    public init(
        id: Int64, name: String, kind: Kind, size: UInt8, minSize: UInt8, crushRule: Int32,
        objectHash: UInt8 = ObjectHashKind.rjenkins.rawValue, pgNum: UInt32, pgpNum: UInt32,
        flags: Flags = .hashPSPool, applications: [String] = [], erasureCodeProfile: String = "",
        erasureK: Int? = nil, erasureM: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.size = size
        self.minSize = minSize
        self.crushRule = crushRule
        self.objectHash = objectHash
        self.pgNum = pgNum
        self.pgpNum = pgpNum
        self.pgNumMask = cephPGMask(pgNum)
        self.pgpNumMask = cephPGMask(pgpNum)
        self.flags = flags
        self.applications = applications
        self.erasureCodeProfile = erasureCodeProfile
        self.erasureK = erasureK
        self.erasureM = erasureM
    }

    /// `set_pg_num`: changes `pg_num` and its mask; `pgp_num` stays (osdmaptool's `--pg_num`).
    public mutating func setPGNum(_ count: UInt32) {
        pgNum = count
        pgNumMask = cephPGMask(count)
    }

    /// `set_pgp_num`.
    public mutating func setPGPNum(_ count: UInt32) {
        pgpNum = count
        pgpNumMask = cephPGMask(count)
    }

    /// `can_shift_osds`: replicated pools close up the gap a missing OSD leaves; erasure
    /// pools keep every shard in its position and mark the gap `CRUSH_ITEM_NONE`.
    public var canShiftOSDs: Bool { kind == .replicated }

    /// `raw_pg_to_pg`: folds a raw seed into `[0, pg_num)` with `ceph_stable_mod`.
    @inline(__always)
    public func rawPGToPG(_ pg: PGID) -> PGID {
        PGID(pool: pg.pool, seed: cephStableMod(pg.seed, pgNum, pgNumMask))
    }

    /// `raw_pg_to_pps`: the CRUSH input of a PG. With `hashpspool` the folded seed and the
    /// pool id are hashed together (`crush_hash32_2`); without it (legacy) they are added,
    /// which makes the PGs of different pools overlap.
    @inline(__always)
    public func rawPGToPPS(_ pg: PGID) -> UInt32 {
        let folded = cephStableMod(pg.seed, pgpNum, pgpNumMask)
        let pool = UInt32(truncatingIfNeeded: pg.pool)
        if flags.contains(.hashPSPool) {
            return CrushHash.hash2(CrushHash.rjenkins1, folded, pool)
        }
        return folded &+ pool
    }

    /// `hash_key`: the pool's string hash of an object name, or of `namespace + "\u{1f}" +
    /// name` when the object has a namespace.
    public func hashKey(_ name: String, namespace: String = "") -> UInt32 {
        if namespace.isEmpty { return Self.stringHash(objectHash, Array(name.utf8)) }
        var bytes = Array(namespace.utf8)
        bytes.append(0x1f)
        bytes.append(contentsOf: name.utf8)
        return Self.stringHash(objectHash, bytes)
    }

    /// `ceph_str_hash`: unknown hash types give -1.
    static func stringHash(_ type: UInt8, _ bytes: [UInt8]) -> UInt32 {
        switch ObjectHashKind(rawValue: type) {
        case .linux: ObjectHash.linux(bytes)
        case .rjenkins: ObjectHash.rjenkins(bytes)
        case nil: UInt32.max
        }
    }
}
