/// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78) without final inversion, as Ceph's
/// `ceph_crc32c(seed, data, length)` computes it; `OSDMap::encode` seeds it with -1.
enum CRC32C {
    static let table: [UInt32] = (0..<256).map { (n: UInt32) -> UInt32 in
        var c = n
        for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
        return c
    }

    static func update(_ crc: UInt32, _ bytes: ArraySlice<UInt8>) -> UInt32 {
        var c = crc
        table.withUnsafeBufferPointer { t in
            for byte in bytes {
                c = t[Int((c ^ UInt32(byte)) & 0xff)] ^ (c >> 8)
            }
        }
        return c
    }
}
