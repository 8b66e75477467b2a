internal import CRUSH

/// A data rate: a NIC's line rate or a per-OSD recovery limit, kept in bits per second so that
/// both ways of writing it stay exact: bits (`10Gbit/s`, `2.5Gb/s`, `1Gbps`) as network gear is
/// sold, bytes (`125MB/s`, `400MiB/s`, `1GBps`) as Ceph reports recovery.
public struct Bandwidth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var bitsPerSecond: UInt64

    public init(bitsPerSecond: UInt64) {
        self.bitsPerSecond = bitsPerSecond
    }

    /// `n` bytes per second.
    public static func bytesPerSecond(_ n: UInt64) -> Bandwidth {
        Bandwidth(bitsPerSecond: n &* 8)
    }

    public static func < (a: Bandwidth, b: Bandwidth) -> Bool { a.bitsPerSecond < b.bitsPerSecond }

    public var bytesPerSecond: Double { Double(bitsPerSecond) / 8 }

    /// Bits with a decimal unit when the rate is a whole number of megabits (`10 Gbit/s`),
    /// otherwise bytes (`100 MB/s`).
    public var description: String {
        let bits = bitsPerSecond
        for (unit, scale) in [("Tbit/s", 1e12), ("Gbit/s", 1e9), ("Mbit/s", 1e6), ("kbit/s", 1e3)] {
            let value = Double(bits) / scale
            if value >= 1 { return trimmed(value) + " " + unit }
        }
        return "\(bits) bit/s"
    }

    private func trimmed(_ value: Double) -> String {
        var text = DecimalFormat.fixed(value, decimals: 3)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    enum ParseError: Error, Equatable {
        case notABandwidth
        case negative
        case tooLarge
    }

    private static let prefixes: [Character: UInt64] = [
        "k": 1_000, "K": 1_000, "M": 1_000_000, "G": 1_000_000_000, "T": 1_000_000_000_000,
    ]

    /// Bits per second in one unit of `unit` (without its `/s` or `ps`), or nil.
    static func bitsPerUnit(_ unit: Substring) -> UInt64? {
        var u = unit
        var scale: UInt64 = 1
        if let first = u.first, let p = prefixes[first], u.count > 1 {
            scale = p
            u = u.dropFirst()
        }
        switch u {
        case "bit", "b": return scale
        case "B": return scale &* 8
        case "iB" where scale != 1:
            // KiB, MiB, GiB, TiB: binary multiples of bytes.
            let binary: UInt64
            switch unit.first {
            case "K", "k": binary = 1 << 10
            case "M": binary = 1 << 20
            case "G": binary = 1 << 30
            case "T": binary = 1 << 40
            default: return nil
            }
            return binary &* 8
        default: return nil
        }
    }

    /// Reads `10Gbit/s`, `2.5Gb/s`, `1Gbps`, `125MB/s`, `400MiB/s`, `1GBps`.
    static func parse(_ text: String) -> Result<Bandwidth, ParseError> {
        let (numberText, unitWithRate) = splitQuantity(text)
        var unit = unitWithRate
        if unit.hasSuffix("/s") {
            unit = unit.dropLast(2)
        } else if unit.hasSuffix("ps") {
            unit = unit.dropLast(2)
        } else {
            return .failure(.notABandwidth)
        }
        guard let number = DecimalQuantity(numberText), let multiplier = bitsPerUnit(unit) else {
            return .failure(.notABandwidth)
        }
        if number.negative && !number.isZero { return .failure(.negative) }
        guard let bits = number.scaled(by: multiplier) else { return .failure(.tooLarge) }
        return .success(Bandwidth(bitsPerSecond: bits))
    }
}
