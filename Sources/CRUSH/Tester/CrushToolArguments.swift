/// crushtool's command-line spelling for `--test` runs, so that everything that follows
/// `crushtool -i MAP --test` works after `collective crush test -i MAP`.
///
/// As Ceph's argument parser does, `-` and `_` are interchangeable inside option names and
/// `--opt=value` equals `--opt value`.
public struct CrushToolArguments: Sendable, Equatable {
    /// `-i FILE`.
    public var input: String?
    public var options = CrushTestOptions()
    /// What crushtool would print on standard error before running.
    public var warnings: [String] = []

    /// A command-line mistake, worded like crushtool's where crushtool has a message.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public init(input: String? = nil, options: CrushTestOptions = CrushTestOptions()) {
        self.input = input
        self.options = options
    }

    /// Parses crushtool-style arguments (`--test` itself is accepted and implied).
    public init(parsing arguments: [String]) throws(Error) {
        var rest = arguments[...]
        var unrecognized: [String] = []
        while let argument = rest.popFirst() {
            var name = argument
            var attached: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                attached = String(argument[argument.index(after: eq)...])
            }
            if name.hasPrefix("--") {
                name = "--" + name.dropFirst(2).replacingUnderscores()
            }
            func value() throws(Error) -> String {
                if let attached { return attached }
                guard let next = rest.popFirst() else {
                    throw Error("Option \(name) requires an argument.")
                }
                return next
            }
            func integer() throws(Error) -> Int {
                let text = try value()
                guard let v = Int(text), v >= Int(Int32.min), v <= Int(Int32.max) else {
                    throw Error("The option value '\(text)' is invalid")
                }
                return v
            }
            switch name {
            case "-i": input = try value()
            case "--test": break
            case "--show-mappings": options.showMappings = true
            case "--show-statistics": options.showStatistics = true
            case "--show-utilization": options.showUtilization = true
            case "--show-utilization-all": options.showUtilizationAll = true
            case "--show-bad-mappings": options.showBadMappings = true
            case "--show-choose-tries": options.showChooseTries = true
            case "--rule": options.setRule(try integer())
            case "--min-rule": options.minRule = try integer()
            case "--max-rule": options.maxRule = try integer()
            case "--ruleset": options.ruleset = try integer()
            case "--num-rep": options.setNumRep(try integer())
            case "--min-x": options.minX = try integer()
            case "--max-x": options.maxX = try integer()
            case "--x": options.setX(try integer())
            case "--pool-id":
                // crushtool reads a long and keeps an int: 2^32 + 1 is pool 1, 2^32 - 2 is -2.
                let text = try value()
                guard let v = Int64(text) else { throw Error("The option value '\(text)' is invalid") }
                options.poolID = Int(Int32(truncatingIfNeeded: v))
            case "--batches": options.batches = try integer()
            case "--threads":
                let n = try integer()
                guard n >= 1 else { throw Error("--threads must be at least 1, not \(n)") }
                options.threads = n
            case "--weight":
                let device = try integer()
                guard let text = rest.popFirst() else { throw Error("expecting additional argument to --weight") }
                options.setDeviceWeight(Int32(device), Float(CNumber.atof(text)))
            case "--set-choose-local-tries": options.chooseLocalTries = nonNegative(try integer())
            case "--set-choose-local-fallback-tries": options.chooseLocalFallbackTries = nonNegative(try integer())
            case "--set-choose-total-tries": options.chooseTotalTries = nonNegative(try integer())
            case "--set-chooseleaf-descend-once": options.chooseLeafDescendOnce = nonNegative(try integer())
            case "--set-chooseleaf-vary-r": options.chooseLeafVaryR = nonNegative(try integer())
            case "--set-chooseleaf-stable": options.chooseLeafStable = nonNegative(try integer())
            case "--set-straw-calc-version": options.strawCalcVersion = nonNegative(try integer())
            default: unrecognized.append(argument)
            }
        }
        if !unrecognized.isEmpty {
            throw Error("unrecognized arguments: [" + unrecognized.joined(separator: ",") + "]")
        }
        // crushtool's main turns statistics on for either utilisation flag.
        if options.showUtilization || options.showUtilizationAll { options.showStatistics = true }
        if !options.hasOutput {
            // crushtool 16.2.15 warns and runs the test anyway (printing nothing).
            warnings.append("WARNING: no output selected; use --output-csv or --show-X")
        }
    }

    /// What crushtool 16.2.15 prints after the test output when an override modified the map and
    /// no `-o` was given (it names itself by its `argv[0]`; this is the `crushtool` spelling).
    public var modifiedNotice: String? {
        options.modifiesMap ? Self.modifiedNoticeText : nil
    }

    /// crushtool's notice for a map it built, compiled or modified and did not write out.
    public static let modifiedNoticeText =
        "crushtool successfully built or modified map.  Use '-o <file>' to write it out.\n"

    /// crushtool applies a `--set-*` override only when its value is not negative.
    private func nonNegative(_ v: Int) -> Int? { v >= 0 ? v : nil }
}

extension Substring {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}

/// C's `atof` on the forms crushtool's users type: an optional sign, digits, an optional
/// fraction and exponent; parsing stops at the first character that does not fit, and
/// nothing parsable gives 0.
enum CNumber {
    static func atof(_ text: String) -> Double {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        var end = s.startIndex
        var seenDigit = false
        var i = s.startIndex
        if i < s.endIndex, s[i] == "+" || s[i] == "-" { i = s.index(after: i) }
        while i < s.endIndex, s[i].isASCII, s[i].isNumber { i = s.index(after: i); seenDigit = true; end = i }
        if i < s.endIndex, s[i] == "." {
            i = s.index(after: i)
            if seenDigit { end = i }
            while i < s.endIndex, s[i].isASCII, s[i].isNumber { i = s.index(after: i); seenDigit = true; end = i }
        }
        if seenDigit, i < s.endIndex, s[i] == "e" || s[i] == "E" {
            var j = s.index(after: i)
            if j < s.endIndex, s[j] == "+" || s[j] == "-" { j = s.index(after: j) }
            if j < s.endIndex, s[j].isASCII, s[j].isNumber {
                while j < s.endIndex, s[j].isASCII, s[j].isNumber { j = s.index(after: j) }
                end = j
            }
        }
        guard seenDigit else { return 0 }
        return Double(String(s[s.startIndex..<end])) ?? 0
    }
}
