/// Appends little-endian values to a byte array, as Ceph's `encode(T, bufferlist&)` writes them.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    mutating func u8(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
        bytes.append(UInt8(truncatingIfNeeded: value >> 16))
        bytes.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    mutating func s32(_ value: Int32) {
        u32(UInt32(bitPattern: value))
    }

    mutating func s64(_ value: Int64) {
        let bits = UInt64(bitPattern: value)
        u32(UInt32(truncatingIfNeeded: bits))
        u32(UInt32(truncatingIfNeeded: bits >> 32))
    }

    /// A `u32` count or length; Ceph's counts are 32 bits.
    mutating func count(_ value: Int) {
        u32(UInt32(truncatingIfNeeded: value))
    }

    /// `encode(std::string)`: `u32` length, then the UTF-8 bytes.
    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        count(utf8.count)
        bytes.append(contentsOf: utf8)
    }
}
