internal import Yams

/// A node of the scenario document together with its field path, reading it as a scenario
/// value (a size, a duration, a host name…) and logging a positioned error when it is not one.
/// Every accessor returns nil after logging, so readers carry on and report more problems.
struct YAMLField {
    let node: Node
    let path: FieldPath
    let log: DiagnosticLog

    var location: SourceLocation {
        node.mark.map { SourceLocation(line: $0.line, column: $0.column) } ?? .unknown
    }

    func error(_ message: String) {
        log.error(location, path, message)
    }

    func warning(_ message: String) {
        log.warning(location, path, message)
    }

    /// A plain `~`, `null` or empty value.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How the value reads in an error message: `"lots"`, `a list`, `a mapping`, `nothing`.
    var found: String {
        if isNull { return "nothing" }
        switch node {
        case .scalar(let scalar): return "\"" + scalar.string + "\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// Logs `expected <what>, found <value>`.
    func expected(_ what: String) {
        error("expected \(what), found \(found)")
    }

    // MARK: - Shapes

    /// The text of a scalar value (`what` describes the expected value in the error).
    func scalarText(_ what: String) -> String? {
        guard case .scalar(let scalar) = node, !isNull else {
            expected(what)
            return nil
        }
        return scalar.string
    }

    /// A mapping whose keys must be among `keys` (unknown keys are reported with a
    /// did-you-mean).
    func mapping(_ what: String, keys: [String]) -> YAMLMapping? {
        guard case .mapping = node else {
            expected(what)
            return nil
        }
        return YAMLMapping(field: self, allowedKeys: keys)
    }

    /// The entries of a list (a lone `~` counts as an empty list).
    func list(_ what: String) -> [YAMLField]? {
        if isNull { return [] }
        guard case .sequence(let sequence) = node else {
            expected(what)
            return nil
        }
        return sequence.enumerated().map { YAMLField(node: $0.element, path: path.appending(index: $0.offset), log: log) }
    }

    // MARK: - Scalars

    func string(_ what: String = "a string") -> String? {
        scalarText(what)
    }

    /// A name usable in a CRUSH map (`[A-Za-z0-9_.-]+`, as Ceph's `is_valid_crush_name` wants).
    func crushName(_ what: String) -> String? {
        guard let text = scalarText(what) else { return nil }
        let valid = !text.isEmpty && text.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
                || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") || c == UInt8(ascii: ".")
        }
        guard valid else {
            error("\"\(text)\" is not a valid name: use letters, digits, '-', '_' and '.'")
            return nil
        }
        return text
    }

    func int<T: FixedWidthInteger>(_ type: T.Type, _ what: String = "an integer", in range: ClosedRange<T>? = nil) -> T? {
        guard let text = scalarText(what) else { return nil }
        guard let value = T(text, radix: 10) else {
            if let _ = Int64(text, radix: 10) {
                error("\(text) is out of range" + (range.map { " (\($0.lowerBound)…\($0.upperBound))" } ?? ""))
            } else {
                expected(what)
            }
            return nil
        }
        if let range, !range.contains(value) {
            impossible(text, range: range)
            return nil
        }
        return value
    }

    private func impossible<T: FixedWidthInteger>(_ text: String, range: ClosedRange<T>) {
        if range.upperBound == T.max {
            error("must be at least \(range.lowerBound), found \(text)")
        } else {
            error("must be between \(range.lowerBound) and \(range.upperBound), found \(text)")
        }
    }

    func bool() -> Bool? {
        guard let text = scalarText("true or false") else { return nil }
        switch text {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default:
            expected("true or false")
            return nil
        }
    }

    /// A size such as `4TB`, `3.64TiB` or `512Mi`; zero only when `allowZero`.
    func size(allowZero: Bool = true, what: String = "a size like 4TB or 3.64TiB") -> ByteSize? {
        guard let text = scalarText(what) else { return nil }
        switch ByteSize.parse(text) {
        case .success(let size):
            if size.bytes == 0 && !allowZero {
                error("must be more than 0, found \"\(text)\"")
                return nil
            }
            return size
        case .failure(.negative):
            error("a size cannot be negative, found \"\(text)\"")
        case .failure(.tooLarge):
            error("\"\(text)\" is too large")
        case .failure(.notASize):
            expected(what)
        }
        return nil
    }

    /// A duration such as `30s`, `10m`, `2h` or `1h30m`. With `bareUnit`, a bare number counts
    /// in that unit (Ceph's options are in seconds: `bareUnit: "s"`).
    func duration(bareUnit: Substring? = nil) -> Duration? {
        let what = "a duration like 30s, 10m or 2h"
        guard let text = scalarText(what) else { return nil }
        switch DurationText.parse(text, bareUnit: bareUnit) {
        case .success(let duration): return duration
        case .failure(.negative): error("a duration cannot be negative, found \"\(text)\"")
        case .failure(.tooLarge): error("\"\(text)\" is too long")
        case .failure(.notADuration): expected(what)
        }
        return nil
    }

    /// A data rate such as `10Gbit/s` or `125MB/s`; zero only when `allowZero`.
    func bandwidth(allowZero: Bool = false) -> Bandwidth? {
        let what = "a bandwidth like 10Gbit/s or 125MB/s"
        guard let text = scalarText(what) else { return nil }
        switch Bandwidth.parse(text) {
        case .success(let rate):
            if rate.bitsPerSecond == 0 && !allowZero {
                error("must be more than 0, found \"\(text)\"")
                return nil
            }
            return rate
        case .failure(.negative): error("a bandwidth cannot be negative, found \"\(text)\"")
        case .failure(.tooLarge): error("\"\(text)\" is too large")
        case .failure(.notABandwidth): expected(what)
        }
        return nil
    }

    /// A share between 0 and 1, written `0.85` or `85%`.
    func ratio(_ what: String = "a ratio like 0.85 or 85%") -> Double? {
        guard let text = scalarText(what) else { return nil }
        var body = text[...]
        var percent = false
        if body.hasSuffix("%") {
            percent = true
            body = body.dropLast()
            while body.last == " " { body = body.dropLast() }
        }
        guard let number = DecimalQuantity(body) else {
            expected(what)
            return nil
        }
        let value = percent ? number.doubleValue / 100 : number.doubleValue
        if number.negative && !number.isZero {
            error("cannot be negative, found \"\(text)\"")
            return nil
        }
        if value > 1 {
            error(percent ? "cannot be more than 100%, found \"\(text)\"" : "cannot be more than 1 (100%), found \"\(text)\"")
            return nil
        }
        return value
    }

    /// A number of cores in Kubernetes' notation (`250m`, `2`, `0.5`).
    func cpu() -> CPUQuantity? {
        let what = "a CPU quantity like 250m or 2"
        guard let text = scalarText(what) else { return nil }
        switch CPUQuantity.parse(text) {
        case .success(let cpu): return cpu
        case .failure(.negative): error("a CPU quantity cannot be negative, found \"\(text)\"")
        case .failure(.tooLarge): error("\"\(text)\" is too large")
        case .failure(.notACPUQuantity): expected(what)
        }
        return nil
    }

    /// One of a fixed set of words (an enum's raw values), with a did-you-mean.
    func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> E? where E.RawValue == String {
        let options = E.allCases.map(\.rawValue)
        let what = Self.listing(options)
        guard let text = scalarText(what) else { return nil }
        if let value = E(rawValue: text) { return value }
        error("expected \(what), found \"\(text)\"" + Suggestion.hint(for: text, among: options))
        return nil
    }

    /// A list of strings.
    func stringList(_ what: String = "a list of names") -> [YAMLField]? {
        guard let items = list(what) else { return nil }
        return items
    }

    /// A mapping of strings to strings (labels, node selectors), in file order.
    func stringMap(_ what: String = "a mapping of names to values") -> [(key: String, value: String)]? {
        if isNull { return [] }
        guard case .mapping(let mapping) = node else {
            expected(what)
            return nil
        }
        var result: [(key: String, value: String)] = []
        for (keyNode, valueNode) in mapping {
            let key = YAMLField(node: keyNode, path: path, log: log)
            guard let keyText = key.scalarText("a name") else { continue }
            let value = YAMLField(node: valueNode, path: path.appending(keyText), log: log)
            // Kubernetes label values may be empty; numbers and booleans are read as written.
            if value.isNull {
                result.append((keyText, ""))
            } else if let text = value.scalarText("a value") {
                result.append((keyText, text))
            }
        }
        return result
    }

    /// `a, b or c`, for messages.
    static func listing(_ options: [String]) -> String {
        switch options.count {
        case 0: return "nothing"
        case 1: return options[0]
        default: return options.dropLast().joined(separator: ", ") + " or " + options.last!
        }
    }
}
