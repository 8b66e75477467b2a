/// A bounds-checked cursor over little-endian bytes, as Ceph's `bufferlist::const_iterator`
/// reads them with `decode(T&)`. Every read names the field it reads, so that a failure can
/// say where and what (see `CrushBinaryError`). Nothing here traps on any input.
struct BinaryReader {
    let bytes: [UInt8]
    private(set) var offset: Int = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset >= bytes.count }

    func error(_ reason: CrushBinaryError.Reason, at offset: Int? = nil, _ field: String) -> CrushBinaryError {
        CrushBinaryError(offset: offset ?? self.offset, field: field, reason: reason)
    }

    private mutating func take(_ count: Int, _ field: () -> String) throws(CrushBinaryError) -> Int {
        guard remaining >= count else {
            throw error(.truncated(needed: count, remaining: remaining), field())
        }
        let start = offset
        offset += count
        return start
    }

    mutating func u8(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> UInt8 {
        bytes[try take(1, field)]
    }

    mutating func u16(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> UInt16 {
        let at = try take(2, field)
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    mutating func u32(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> UInt32 {
        let at = try take(4, field)
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8
            | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    mutating func s32(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> Int32 {
        Int32(bitPattern: try u32(field()))
    }

    mutating func u64(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> UInt64 {
        let low = UInt64(try u32(field()))
        let high = UInt64(try u32(field()))
        return low | high << 32
    }

    mutating func s64(_ field: @autoclosure () -> String) throws(CrushBinaryError) -> Int64 {
        let start = offset
        guard remaining >= 8 else {
            throw error(.truncated(needed: 8, remaining: remaining), at: start, field())
        }
        return Int64(bitPattern: try u64(field()))
    }

    /// Checks that `count` elements of at least `elementSize` bytes each can still follow,
    /// so that no array is ever sized beyond what the input justifies. `at` is the offset of
    /// the count itself (for the message).
    func check(
        count: UInt64, elementSize: Int, countAt: Int, _ field: @autoclosure () -> String
    ) throws(CrushBinaryError) -> Int {
        let limit = UInt64(remaining / max(elementSize, 1))
        guard count <= limit else {
            throw error(
                .countTooLarge(count: count, minimumElementSize: elementSize, remaining: remaining),
                at: countAt, field())
        }
        return Int(count)
    }

    /// A `u32` element count, checked against the remaining input.
    mutating func count(elementSize: Int, _ field: @autoclosure () -> String) throws(CrushBinaryError) -> Int {
        let at = offset
        let n = try u32(field())
        return try check(count: UInt64(n), elementSize: elementSize, countAt: at, field())
    }

    /// `length` raw bytes decoded as UTF-8 (`decode_nohead(len, string)`).
    mutating func string(length: Int, _ field: @autoclosure () -> String) throws(CrushBinaryError) -> String {
        let at = try take(length, field)
        let slice = bytes[at..<(at + length)]
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw error(.invalidUTF8, at: at, field())
        }
        return text
    }
}
