/// Durations as scenario files write them: `30s`, `10m`, `2h`, `1d`, `1w`, `500ms`, combined as
/// `1h30m` or with a fraction as `1.5h`. Kept to the millisecond.
enum DurationText {
    enum ParseError: Error, Equatable {
        case notADuration
        case negative
        case tooLarge
    }

    /// Milliseconds per unit.
    private static let units: [Substring: UInt64] = [
        "ms": 1, "s": 1_000, "m": 60_000, "min": 60_000, "h": 3_600_000, "d": 86_400_000,
        "w": 604_800_000,
    ]

    /// Reads a duration. A bare number (no unit) is accepted only when `bareUnit` names the unit
    /// it stands for (Ceph's options count seconds), or when it is 0.
    static func parse(_ text: String, bareUnit: Substring? = nil) -> Result<Duration, ParseError> {
        var rest = text[...]
        while rest.last == " " { rest = rest.dropLast() }
        if rest.first == "-" {
            switch parse(String(rest.dropFirst()), bareUnit: bareUnit) {
            case .success(let d): return d == .zero ? .success(.zero) : .failure(.negative)
            case .failure(let error): return .failure(error)
            }
        }
        if let number = DecimalQuantity(rest) {
            if number.isZero { return .success(.zero) }
            guard let bareUnit, let ms = units[bareUnit] else { return .failure(.notADuration) }
            if number.negative { return .failure(.negative) }
            guard let total = number.scaled(by: ms), total <= UInt64(Int64.max) else { return .failure(.tooLarge) }
            return .success(.milliseconds(Int64(total)))
        }
        var total: UInt64 = 0
        var sawPart = false
        while !rest.isEmpty {
            let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? rest.endIndex
            let unitEnd = rest[numberEnd...].firstIndex { $0.isASCII && ($0.isNumber || $0 == ".") } ?? rest.endIndex
            guard let number = DecimalQuantity(rest[..<numberEnd]),
                  let ms = units[rest[numberEnd..<unitEnd]]
            else { return .failure(.notADuration) }
            guard let part = number.scaled(by: ms) else { return .failure(.tooLarge) }
            let (sum, overflow) = total.addingReportingOverflow(part)
            guard !overflow, sum <= UInt64(Int64.max) else { return .failure(.tooLarge) }
            total = sum
            sawPart = true
            rest = rest[unitEnd...]
        }
        guard sawPart else { return .failure(.notADuration) }
        return .success(.milliseconds(Int64(total)))
    }

    /// The shortest way to write `duration` in the file's syntax: `1d2h`, `10m`, `1m30s`, `250ms`.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        var ms = seconds &* 1000 &+ attoseconds / 1_000_000_000_000_000
        if ms == 0 { return "0s" }
        var out = ms < 0 ? "-" : ""
        ms = abs(ms)
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)] {
            if ms >= size {
                out += "\(ms / size)\(unit)"
                ms %= size
            }
        }
        return out
    }
}

extension Duration {
    /// The duration in whole milliseconds (truncated).
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds &* 1000 &+ attoseconds / 1_000_000_000_000_000
    }
}
