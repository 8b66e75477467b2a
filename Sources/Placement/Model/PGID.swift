/// A placement group id (`pg_t` in Ceph's osd_types.h): a pool and a placement seed.
///
/// A *raw* PG id is what hashing an object name gives (any 32-bit seed); folding it into the
/// pool's `pg_num` with `ceph_stable_mod` (`Pool.rawPGToPG`) gives the actual PG. Ceph keeps
/// the pool as an unsigned 64-bit number; pool ids are never negative in practice, so this
/// type holds an `Int64` and prints it as Ceph does (unsigned).
public struct PGID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var pool: Int64
    public var seed: UInt32

    public init(pool: Int64, seed: UInt32) {
        self.pool = pool
        self.seed = seed
    }

    /// Ceph's order (`operator<` for `pg_t`): by pool as an unsigned number, then by seed.
    public static func < (a: PGID, b: PGID) -> Bool {
        let pa = UInt64(bitPattern: a.pool)
        let pb = UInt64(bitPattern: b.pool)
        return pa < pb || (pa == pb && a.seed < b.seed)
    }

    /// `pool.seed`, the seed in lowercase hex (`1.1f`), as `operator<<(ostream&, pg_t)` prints it.
    public var description: String {
        String(UInt64(bitPattern: pool)) + "." + String(seed, radix: 16)
    }

    /// Parses a PG id as `pg_t::parse` does, i.e. `sscanf(s, "%llu.%x", …)`: optional leading
    /// white space and sign before each number, an optional `0x` before the seed, and anything
    /// after the seed ignored. Returns nil where `sscanf` would match fewer than two numbers.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        var i = 0
        guard let pool = Self.scanUnsigned(bytes, &i, radix: 10) else { return nil }
        guard i < bytes.count, bytes[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        guard let seed = Self.scanUnsigned(bytes, &i, radix: 16) else { return nil }
        self.pool = Int64(bitPattern: pool)
        self.seed = UInt32(truncatingIfNeeded: seed)
    }

    /// One `strtoull`-style conversion as `sscanf` does it: skips white space, takes a sign,
    /// (for hex) an optional `0x`, then digits; a negative number wraps; overflow saturates.
    private static func scanUnsigned(_ bytes: [UInt8], _ i: inout Int, radix: UInt64) -> UInt64? {
        while i < bytes.count, [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].contains(bytes[i]) { i += 1 }
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        if radix == 16, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "0"),
            bytes[i + 1] | 0x20 == UInt8(ascii: "x"), i + 2 < bytes.count, digit(bytes[i + 2], radix) != nil
        {
            i += 2
        }
        var value: UInt64 = 0
        var overflow = false
        var any = false
        while i < bytes.count, let d = digit(bytes[i], radix) {
            any = true
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.addingReportingOverflow(d)
            if o1 || o2 { overflow = true }
            value = s
            i += 1
        }
        guard any else { return nil }
        if overflow { return UInt64.max }
        return negative ? 0 &- value : value
    }

    private static func digit(_ c: UInt8, _ radix: UInt64) -> UInt64? {
        let d: UInt64
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt64(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt64(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt64(c - UInt8(ascii: "A") + 10)
        default: return nil
        }
        return d < radix ? d : nil
    }
}
