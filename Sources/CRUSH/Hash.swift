/// Robert Jenkins' 32-bit mixing hash as CRUSH uses it (`crush_hash32_rjenkins1*` in Ceph's
/// hash.c). `CRUSH_HASH_RJENKINS1` (0) is the only hash Ceph defines; any other hash id
/// hashes to 0, as in Ceph.
public enum CrushHash {
    /// The hash id of rjenkins1 (`CRUSH_HASH_RJENKINS1`).
    public static let rjenkins1: UInt8 = 0
    @usableFromInline static let seed: UInt32 = 1_315_423_911

    /// Robert Jenkins' 96-bit mix, shared by CRUSH's hashes and Ceph's object-name hash.
    @inlinable @inline(__always)
    public static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
        a = a &- b; a = a &- c; a ^= c >> 13
        b = b &- c; b = b &- a; b ^= a << 8
        c = c &- a; c = c &- b; c ^= b >> 13
        a = a &- b; a = a &- c; a ^= c >> 12
        b = b &- c; b = b &- a; b ^= a << 16
        c = c &- a; c = c &- b; c ^= b >> 5
        a = a &- b; a = a &- c; a ^= c >> 3
        b = b &- c; b = b &- a; b ^= a << 10
        c = c &- a; c = c &- b; c ^= b >> 15
    }

    @inline(__always)
    public static func hash1(_ type: UInt8, _ a: UInt32) -> UInt32 {
        guard type == rjenkins1 else { return 0 }
        var a = a
        var hash = seed ^ a
        var b = a
        var x: UInt32 = 231_232
        var y: UInt32 = 1232
        mix(&b, &x, &hash)
        mix(&y, &a, &hash)
        return hash
    }

    @inline(__always)
    public static func hash2(_ type: UInt8, _ a: UInt32, _ b: UInt32) -> UInt32 {
        guard type == rjenkins1 else { return 0 }
        var a = a, b = b
        var hash = seed ^ a ^ b
        var x: UInt32 = 231_232
        var y: UInt32 = 1232
        mix(&a, &b, &hash)
        mix(&x, &a, &hash)
        mix(&b, &y, &hash)
        return hash
    }

    @inline(__always)
    public static func hash3(_ type: UInt8, _ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt32 {
        guard type == rjenkins1 else { return 0 }
        var a = a, b = b, c = c
        var hash = seed ^ a ^ b ^ c
        var x: UInt32 = 231_232
        var y: UInt32 = 1232
        mix(&a, &b, &hash)
        mix(&c, &x, &hash)
        mix(&y, &a, &hash)
        mix(&b, &x, &hash)
        mix(&y, &c, &hash)
        return hash
    }

    @inline(__always)
    public static func hash4(_ type: UInt8, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32) -> UInt32 {
        guard type == rjenkins1 else { return 0 }
        var a = a, b = b, c = c, d = d
        var hash = seed ^ a ^ b ^ c ^ d
        var x: UInt32 = 231_232
        var y: UInt32 = 1232
        mix(&a, &b, &hash)
        mix(&c, &d, &hash)
        mix(&a, &x, &hash)
        mix(&y, &b, &hash)
        mix(&c, &x, &hash)
        mix(&y, &d, &hash)
        return hash
    }

    @inline(__always)
    public static func hash5(
        _ type: UInt8, _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ e: UInt32
    ) -> UInt32 {
        guard type == rjenkins1 else { return 0 }
        var a = a, b = b, c = c, d = d, e = e
        var hash = seed ^ a ^ b ^ c ^ d ^ e
        var x: UInt32 = 231_232
        var y: UInt32 = 1232
        mix(&a, &b, &hash)
        mix(&c, &d, &hash)
        mix(&e, &x, &hash)
        mix(&y, &a, &hash)
        mix(&b, &x, &hash)
        mix(&y, &c, &hash)
        mix(&d, &x, &hash)
        mix(&y, &e, &hash)
        return hash
    }

    /// The name Ceph prints for a hash id (`crush_hash_name`).
    public static func name(_ type: UInt8) -> String {
        type == rjenkins1 ? "rjenkins1" : "unknown"
    }
}

extension Int32 {
    /// The same bits as an unsigned value, as C passes an `int` to a `__u32` parameter.
    @inline(__always) var bits: UInt32 { UInt32(bitPattern: self) }
}
