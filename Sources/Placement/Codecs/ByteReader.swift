/// A bounds-checked cursor over the little-endian encoding of Ceph's `encode()`/`decode()`
/// (include/encoding.h), with the versioned-structure headers of `ENCODE_START` /
/// `DECODE_START`. Every read names its field for the error; nothing traps on any input, and
/// no array is sized beyond what the remaining input can hold.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// Reads may not go past this offset (the end of the innermost open structure).
    private(set) var limit: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
        limit = bytes.count
    }

    var remaining: Int { limit - offset }

    func error(_ reason: OSDMapBinaryError.Reason, at offset: Int? = nil, _ field: String) -> OSDMapBinaryError {
        OSDMapBinaryError(offset: offset ?? self.offset, field: field, reason: reason)
    }

    private mutating func take(_ count: Int, _ field: () -> String) throws(OSDMapBinaryError) -> Int {
        guard count >= 0, remaining >= count else {
            throw error(.truncated(needed: count, remaining: remaining), field())
        }
        let start = offset
        offset += count
        return start
    }

    mutating func skip(_ count: Int, _ field: @autoclosure () -> String) throws(OSDMapBinaryError) {
        _ = try take(count, field)
    }

    mutating func u8(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> UInt8 {
        bytes[try take(1, field)]
    }

    mutating func u16(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> UInt16 {
        let at = try take(2, field)
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    mutating func u32(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> UInt32 {
        let at = try take(4, field)
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16
            | UInt32(bytes[at + 3]) << 24
    }

    mutating func s32(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> Int32 {
        Int32(bitPattern: try u32(field()))
    }

    mutating func u64(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> UInt64 {
        let at = try take(8, field)
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = value << 8 | UInt64(bytes[at + i]) }
        return value
    }

    mutating func s64(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> Int64 {
        Int64(bitPattern: try u64(field()))
    }

    mutating func raw(_ count: Int, _ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> ArraySlice<UInt8> {
        let at = try take(count, field)
        return bytes[at..<(at + count)]
    }

    /// A `u32` element count, checked against the remaining input (each element needs at
    /// least `elementSize` bytes).
    mutating func count(elementSize: Int, _ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> Int {
        let at = offset
        let n = try u32(field())
        guard UInt64(n) <= UInt64(remaining / max(elementSize, 1)) else {
            throw error(.countTooLarge(count: UInt64(n), minimumElementSize: elementSize, remaining: remaining),
                        at: at, field())
        }
        return Int(n)
    }

    /// A `std::string`: `u32` length, then the bytes (read as UTF-8, invalid sequences
    /// replaced, since Ceph allows any bytes).
    mutating func string(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> String {
        let length = try count(elementSize: 1, field())
        return String(decoding: try raw(length, field()), as: UTF8.self)
    }

    /// A `bufferlist`: `u32` length, then the bytes.
    mutating func blob(_ field: @autoclosure () -> String) throws(OSDMapBinaryError) -> (offset: Int, bytes: ArraySlice<UInt8>) {
        let lengthAt = offset
        let length = try u32(field() + " length")
        guard UInt64(length) <= UInt64(remaining) else {
            throw error(.lengthPastEnd(length: length, available: remaining), at: lengthAt, field())
        }
        let at = offset
        return (at, try raw(Int(length), field()))
    }

    /// An open versioned structure (`DECODE_START`): its version, and the end its length
    /// announces (where `endStruct` continues).
    struct Header {
        let version: UInt8
        let compat: UInt8
        /// Where the structure ends; -1 if its length runs past the input.
        let end: Int
        let lengthAt: Int
        let length: UInt32
        let outerLimit: Int
        let field: String
    }

    /// `DECODE_START(supported, bl)`: `u8` version, `u8` compat, `u32` length. Throws if the
    /// structure needs a newer decoder than `supported`. Reads are confined to the structure
    /// until `endStruct`. A length that runs past the input is only reported by `endStruct`,
    /// so that a truncated input fails at the first field it lacks, named as such.
    mutating func beginStruct(supported: UInt8, _ field: String) throws(OSDMapBinaryError) -> Header {
        let at = offset
        let version = try u8(field + " struct_v")
        let compat = try u8(field + " struct_compat")
        guard compat <= supported else {
            throw error(.incompatibleVersion(version: version, compat: compat, supported: supported), at: at, field)
        }
        let lengthAt = offset
        let length = try u32(field + " struct_len")
        let end = UInt64(length) <= UInt64(remaining) ? offset + Int(length) : -1
        let header = Header(
            version: version, compat: compat, end: end, lengthAt: lengthAt, length: length,
            outerLimit: limit, field: field)
        if end >= 0 { limit = end }
        return header
    }

    /// `DECODE_FINISH`: skips whatever newer fields the structure has that were not read.
    mutating func endStruct(_ header: Header) throws(OSDMapBinaryError) {
        guard header.end >= 0 else {
            throw error(
                .lengthPastEnd(length: header.length, available: header.outerLimit - header.lengthAt - 4),
                at: header.lengthAt, header.field)
        }
        guard offset <= header.end else {
            throw error(.overran(end: header.end), header.field)
        }
        offset = header.end
        limit = header.outerLimit
    }

    /// Skips a whole versioned structure.
    mutating func skipStruct(_ field: String) throws(OSDMapBinaryError) {
        let header = try beginStruct(supported: .max, field)
        try endStruct(header)
    }
}
