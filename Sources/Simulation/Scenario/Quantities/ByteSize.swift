internal import CRUSH

/// An amount of storage or memory in bytes: a disk's size, a pool's stored data, a VM's RAM.
///
/// Scenario files write it with a unit: decimal (`kB`, `MB`, `GB`, `TB`, `PB`, as disk vendors
/// count), binary (`KiB`, `MiB`, `GiB`, `TiB`, `PiB`, as Ceph reports), Kubernetes' quantity
/// suffixes (`k`, `M`, `G`, `T`, `P`, `Ki`, `Mi`, `Gi`, `Ti`, `Pi`), or a bare number of bytes.
public struct ByteSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bytes: UInt64

    public init(bytes: UInt64) {
        self.bytes = bytes
    }

    public static let zero = ByteSize(bytes: 0)

    public static func < (a: ByteSize, b: ByteSize) -> Bool { a.bytes < b.bytes }

    /// The size in TiB (2⁴⁰ bytes), Ceph's unit for CRUSH weights.
    public var tebibytes: Double { Double(bytes) / 1_099_511_627_776 }

    /// The size with a binary unit and two decimals, as `ceph df` prints it (`3.64 TiB`).
    public var description: String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        return DecimalFormat.fixed(value, decimals: 2) + " " + units[unit]
    }

    /// Why a text is not a size.
    enum ParseError: Error, Equatable {
        case notASize
        case negative
        case tooLarge
    }

    /// Units by their exact spelling (Kubernetes' one- and two-letter suffixes are case-sensitive:
    /// `m` would be milli).
    private static let exactUnits: [Substring: UInt64] = [
        "": 1, "k": 1_000, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000,
        "T": 1_000_000_000_000, "P": 1_000_000_000_000_000,
        "Ki": 1 << 10, "Mi": 1 << 20, "Gi": 1 << 30, "Ti": 1 << 40, "Pi": 1 << 50,
    ]
    /// Units ending in B, matched without regard to case (`4tb`, `4TB`, `512gib`).
    private static let byteUnits: [String: UInt64] = [
        "b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000, "tb": 1_000_000_000_000,
        "pb": 1_000_000_000_000_000,
        "kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40, "pib": 1 << 50,
    ]

    /// The multiplier of a size unit, or nil.
    static func multiplier(of unit: Substring) -> UInt64? {
        if let m = exactUnits[unit] { return m }
        return byteUnits[unit.lowercased()]
    }

    /// Reads `4TB`, `3.64TiB`, `512Mi`, `1000000` (bytes). Fractions of a byte round to the
    /// nearest byte.
    static func parse(_ text: String) -> Result<ByteSize, ParseError> {
        let (numberText, unit) = splitQuantity(text)
        guard let number = DecimalQuantity(numberText), let multiplier = multiplier(of: unit) else {
            return .failure(.notASize)
        }
        if number.negative && !number.isZero { return .failure(.negative) }
        guard let bytes = number.scaled(by: multiplier) else { return .failure(.tooLarge) }
        return .success(ByteSize(bytes: bytes))
    }

    /// Reads a size as `parse` does (`10GiB`, `512Mi`, `1000000`); nil when it is not one.
    public init?(parsing text: String) {
        guard case .success(let size) = Self.parse(text) else { return nil }
        self = size
    }
}
