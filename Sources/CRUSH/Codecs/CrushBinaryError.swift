/// Why a binary CRUSH map (the output of `crushtool -c … -o FILE` or `ceph osd getcrushmap`)
/// could not be decoded.
///
/// Every error names the byte offset at which the offending value starts and the field that was
/// being read, e.g. `truncated at byte 1234 reading bucket -3 items: need 4 bytes, 2 left`.
/// The cases mirror what Ceph's `CrushWrapper::decode` rejects (bad magic, unsupported bucket
/// algorithm, truncated input) plus the inputs on which Ceph would assert or crash (a choose_args
/// entry for a missing bucket, ids of the wrong length), which this decoder reports instead.
public struct CrushBinaryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The input ended: `needed` bytes were required, `remaining` were left.
        case truncated(needed: Int, remaining: Int)
        /// The first four bytes are not `CRUSH_MAGIC` (0x00010000).
        case badMagic(UInt32)
        /// A bucket's algorithm is not one of `CRUSH_BUCKET_*` (1…5).
        case unknownBucketAlgorithm(UInt32)
        /// The bucket's leading `u32` algorithm and its inner `u8` algorithm disagree.
        case bucketAlgorithmMismatch(outer: UInt32, inner: UInt8)
        /// A rule step's opcode is not one Ceph 16.2.15 defines.
        case unknownRuleOp(UInt32)
        /// A count or length claims more elements than the remaining input can hold
        /// (each element needs at least `minimumElementSize` bytes).
        case countTooLarge(count: UInt64, minimumElementSize: Int, remaining: Int)
        /// A signed count (`max_buckets`) is negative.
        case negativeCount(Int64)
        /// A name is not valid UTF-8 (Swift strings cannot carry it byte for byte).
        case invalidUTF8
        /// A choose_args entry names bucket index `index`, but the map has `maxBuckets` slots.
        case chooseArgBucketOutOfRange(index: UInt32, maxBuckets: Int32)
        /// A choose_args entry names a bucket slot that holds no bucket.
        case chooseArgBucketMissing(index: UInt32)
        /// A choose_args entry's `ids` length differs from its bucket's size (Ceph asserts).
        case chooseArgIdsSizeMismatch(idsSize: UInt32, bucketSize: Int)
    }

    /// Offset (from the start of the input) of the value that could not be read.
    public var offset: Int
    /// The field being read, e.g. `bucket -3 items` or `rule 2 step 1 op`.
    public var field: String
    public var reason: Reason

    public init(offset: Int, field: String, reason: Reason) {
        self.offset = offset
        self.field = field
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case let .truncated(needed, remaining):
            return "truncated at byte \(offset) reading \(field): need \(needed) bytes, \(remaining) left"
        case let .badMagic(magic):
            return "bad magic at byte \(offset) reading \(field): 0x\(hex(magic)), expected 0x00010000"
                + " (not a binary crush map; a text map needs `crushtool -c` first)"
        case let .unknownBucketAlgorithm(alg):
            return "unknown bucket algorithm \(alg) at byte \(offset) reading \(field)"
                + " (expected 1 uniform, 2 list, 3 tree, 4 straw or 5 straw2)"
        case let .bucketAlgorithmMismatch(outer, inner):
            return "bucket algorithm mismatch at byte \(offset) reading \(field):"
                + " leading algorithm \(outer), inner algorithm \(inner)"
        case let .unknownRuleOp(op):
            return "unknown rule op \(op) at byte \(offset) reading \(field)"
        case let .countTooLarge(count, size, remaining):
            return "count too large at byte \(offset) reading \(field): \(count) elements of at least"
                + " \(size) bytes, but only \(remaining) bytes left"
        case let .negativeCount(count):
            return "negative count \(count) at byte \(offset) reading \(field)"
        case .invalidUTF8:
            return "invalid UTF-8 at byte \(offset) reading \(field)"
        case let .chooseArgBucketOutOfRange(index, maxBuckets):
            return "choose_args bucket index \(index) out of range at byte \(offset) reading \(field)"
                + " (max_buckets is \(maxBuckets))"
        case let .chooseArgBucketMissing(index):
            return "choose_args entry at byte \(offset) reading \(field) names bucket \(-1 - Int64(index)),"
                + " which does not exist"
        case let .chooseArgIdsSizeMismatch(idsSize, bucketSize):
            return "choose_args ids size \(idsSize) differs from bucket size \(bucketSize)"
                + " at byte \(offset) reading \(field)"
        }
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 8 - digits.count)) + digits
    }
}
