/// CPU as Kubernetes counts it, in millicores: `250m` is a quarter of a core, `2` or `2.0` two
/// cores, `0.5` half of one.
public struct CPUQuantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var millicores: Int64

    public init(millicores: Int64) {
        self.millicores = millicores
    }

    public static func < (a: CPUQuantity, b: CPUQuantity) -> Bool { a.millicores < b.millicores }

    /// Kubernetes' canonical form: whole cores as a number, anything else in `m`.
    public var description: String {
        millicores % 1000 == 0 ? "\(millicores / 1000)" : "\(millicores)m"
    }

    enum ParseError: Error, Equatable {
        case notACPUQuantity
        case negative
        case tooLarge
    }

    /// Reads `250m`, `2`, `0.5`.
    static func parse(_ text: String) -> Result<CPUQuantity, ParseError> {
        let (numberText, unit) = splitQuantity(text)
        guard let number = DecimalQuantity(numberText) else { return .failure(.notACPUQuantity) }
        let multiplier: UInt64
        switch unit {
        case "": multiplier = 1000
        case "m": multiplier = 1
        default: return .failure(.notACPUQuantity)
        }
        if number.negative && !number.isZero { return .failure(.negative) }
        guard let value = number.scaled(by: multiplier), value <= UInt64(Int64.max) else { return .failure(.tooLarge) }
        return .success(CPUQuantity(millicores: Int64(value)))
    }
}
