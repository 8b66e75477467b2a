/// `ceph_str_hash_rjenkins` (Ceph's common/ceph_hash.cc): Bob Jenkins' lookup2 hash over the
/// bytes of an object name (or `namespace\u{1f}name` when the object has a namespace), the
/// hash a pool with `CEPH_STR_HASH_RJENKINS` uses to pick an object's PG.
public enum ObjectHash {
    @inline(__always)
    static func mix(_ a: inout UInt32, _ b: inout UInt32, _ c: inout UInt32) {
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

    /// The rjenkins string hash of `bytes`.
    public static func rjenkins<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        let k = Array(bytes)
        var a: UInt32 = 0x9e37_79b9  // the golden ratio; an arbitrary value
        var b: UInt32 = a
        var c: UInt32 = 0  // variable initialisation of internal state
        var length = k.count
        var i = 0
        @inline(__always) func byte(_ j: Int) -> UInt32 { UInt32(k[i + j]) }
        while length >= 12 {
            a = a &+ (byte(0) &+ (byte(1) << 8) &+ (byte(2) << 16) &+ (byte(3) << 24))
            b = b &+ (byte(4) &+ (byte(5) << 8) &+ (byte(6) << 16) &+ (byte(7) << 24))
            c = c &+ (byte(8) &+ (byte(9) << 8) &+ (byte(10) << 16) &+ (byte(11) << 24))
            mix(&a, &b, &c)
            i += 12
            length -= 12
        }
        c = c &+ UInt32(truncatingIfNeeded: k.count)
        // The last 11 bytes; the first byte of c is reserved for the length.
        if length >= 11 { c = c &+ (byte(10) << 24) }
        if length >= 10 { c = c &+ (byte(9) << 16) }
        if length >= 9 { c = c &+ (byte(8) << 8) }
        if length >= 8 { b = b &+ (byte(7) << 24) }
        if length >= 7 { b = b &+ (byte(6) << 16) }
        if length >= 6 { b = b &+ (byte(5) << 8) }
        if length >= 5 { b = b &+ byte(4) }
        if length >= 4 { a = a &+ (byte(3) << 24) }
        if length >= 3 { a = a &+ (byte(2) << 16) }
        if length >= 2 { a = a &+ (byte(1) << 8) }
        if length >= 1 { a = a &+ byte(0) }
        mix(&a, &b, &c)
        return c
    }

    /// `ceph_str_hash_linux` (the dcache hash, `CEPH_STR_HASH_LINUX`).
    public static func linux<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var hash: UInt32 = 0
        for byte in bytes {
            let c = UInt32(byte)
            hash = (hash &+ (c << 4) &+ (c >> 4)) &* 11
        }
        return hash
    }
}
