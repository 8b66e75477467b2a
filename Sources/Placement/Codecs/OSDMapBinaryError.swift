import CRUSH

/// Why a binary OSD map (`ceph osd getmap`, `osdmaptool --createsimple … FILE`) could not be
/// decoded: the byte offset of the offending value, the field being read, and what was wrong,
/// e.g. `truncated at byte 412 reading pool 1 pg_num: need 4 bytes, 2 left`.
public struct OSDMapBinaryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The input ended: `needed` bytes were required, `remaining` were left.
        case truncated(needed: Int, remaining: Int)
        /// A count claims more elements than the remaining input can hold.
        case countTooLarge(count: UInt64, minimumElementSize: Int, remaining: Int)
        /// A versioned structure needs a newer decoder (`compat` is above what 16.2.15 reads).
        case incompatibleVersion(version: UInt8, compat: UInt8, supported: UInt8)
        /// A structure older than this decoder reads (`minimum` is the oldest version read).
        case unsupportedVersion(version: UInt8, minimum: UInt8)
        /// A versioned structure's length runs past its enclosing structure or the input.
        case lengthPastEnd(length: UInt32, available: Int)
        /// Decoding read past the end its length announced.
        case overran(end: Int)
        /// An address marker Ceph does not define.
        case badAddressMarker(UInt8)
        /// The embedded crush map is invalid.
        case crush(CrushBinaryError)
        /// The CRC32C at the end of the map disagrees with its bytes.
        case badCRC(expected: UInt32, actual: UInt32)
        /// Two parts of the map disagree (e.g. `max_osd` and the length of `osd_state`).
        case inconsistent(String)
    }

    /// Offset (from the start of the input) of the value that could not be read.
    public var offset: Int
    /// The field being read, e.g. `pool 1 pg_num` or `pg_upmap_items[3]`.
    public var field: String
    public var reason: Reason

    public init(offset: Int, field: String, reason: Reason) {
        self.offset = offset
        self.field = field
        self.reason = reason
    }

    public var description: String {
        let at = "at byte \(offset) reading \(field)"
        switch reason {
        case let .truncated(needed, remaining):
            return "truncated \(at): need \(needed) bytes, \(remaining) left"
        case let .countTooLarge(count, size, remaining):
            return "count too large \(at): \(count) elements of at least \(size) bytes,"
                + " but only \(remaining) bytes left"
        case let .incompatibleVersion(version, compat, supported):
            return "incompatible encoding \(at): version \(version) needs a decoder of version"
                + " \(compat) or later; this one reads up to \(supported)"
        case let .unsupportedVersion(version, minimum):
            return "unsupported encoding \(at): version \(version) is older than \(minimum),"
                + " the oldest this decoder reads"
        case let .lengthPastEnd(length, available):
            return "bad length \(at): \(length) bytes announced, \(available) available"
        case let .overran(end):
            return "malformed \(at): decoding ran past the structure's end at byte \(end)"
        case let .badAddressMarker(marker):
            return "bad address marker \(marker) \(at) (expected 0, 1 or 2)"
        case let .crush(error):
            return "bad crush map \(at) (offsets inside the crush map count from its first byte): \(error)"
        case let .badCRC(expected, actual):
            return "bad crc \(at): the map says 0x\(String(expected, radix: 16)),"
                + " its bytes give 0x\(String(actual, radix: 16))"
        case let .inconsistent(what):
            return "inconsistent map \(at): \(what)"
        }
    }
}
