/// osdmaptool's command-line spelling for the mapping tests, so that what follows
/// `osdmaptool MAP` works after `collective osdmap MAP`: `--test-map-pgs`,
/// `--test-map-pgs-dump`, `--test-map-pgs-dump-all`, `--test-map-object NAME`,
/// `--test-map-pg PGID`, `--pool N`, `--pg_num N`, `--mark-up-in`, `--mark-out N`, plus
/// `--crush FILE` (the crush map that goes with a JSON dump) and `--namespace NS` (for
/// `--test-map-object`; osdmaptool has no such option).
///
/// As Ceph's argument parser does, `-` and `_` are interchangeable inside option names and
/// `--opt=value` equals `--opt value`. Words that are not options are the map file(s).
public struct OSDMapToolArguments: Sendable, Equatable {
    public var files: [String] = []
    public var crush: String?
    public var testMapPGs = false
    public var testMapPGsDump = false
    public var testMapPGsDumpAll = false
    public var testMapObject: String?
    public var objectNamespace = ""
    public var testMapPG: String?
    /// `--pool`; nil is osdmaptool's -1 (all pools, or pool 1 for `--test-map-object`).
    public var pool: Int64?
    /// `--pg_num`: pg_num for every tested pool during `--test-map-pgs*` (pgp_num stays).
    public var pgNum: Int64?
    public var markUpIn = false
    /// `--mark-out`: marks the OSD up and sets its reweight to 0 (ignored if out of range).
    public var markOut: Int?

    /// A command-line mistake.
    public struct Error: Swift.Error, Equatable, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    public init() {}

    public init(parsing arguments: [String]) throws(Error) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                files.append(contentsOf: rest)
                break
            }
            guard argument.hasPrefix("--") else {
                files.append(argument)
                continue
            }
            var name = argument
            var attached: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                attached = String(argument[argument.index(after: eq)...])
            }
            name = String(name.map { $0 == "_" ? "-" : $0 })
            func value() throws(Error) -> String {
                if let attached { return attached }
                guard let next = rest.popFirst() else { throw Error("Option \(name) requires an argument.") }
                return next
            }
            func integer(_ range: ClosedRange<Int64>) throws(Error) -> Int64 {
                let text = try value()
                guard let v = Int64(text), range.contains(v) else {
                    throw Error("error parsing integer value for \(name): '\(text)'")
                }
                return v
            }
            switch name {
            case "--crush": crush = try value()
            case "--test-map-pgs": testMapPGs = true
            case "--test-map-pgs-dump": testMapPGsDump = true
            case "--test-map-pgs-dump-all": testMapPGsDumpAll = true
            case "--test-map-object": testMapObject = try value()
            case "--namespace": objectNamespace = try value()
            case "--test-map-pg": testMapPG = try value()
            case "--pool":
                let v = try integer(Int64(Int32.min)...Int64(Int32.max))
                pool = v == -1 ? nil : v
            case "--pg-num": pgNum = try integer(Int64.min...Int64.max)
            case "--mark-up-in": markUpIn = true
            case "--mark-out":
                // osdmaptool reads it with std::stoi: a leading integer, the rest ignored.
                let text = try value()
                guard let v = Self.leadingInteger(text) else { throw Error("invalid OSD id for --mark-out: '\(text)'") }
                markOut = v
            default:
                throw Error("unknown option \(argument)")
            }
        }
    }

    /// Whether any test that prints something was asked for.
    public var hasAction: Bool {
        testMapPGs || testMapPGsDump || testMapPGsDumpAll || testMapObject != nil || testMapPG != nil
    }

    /// `std::stoi`: optional white space and sign, then at least one digit; the rest ignored.
    static func leadingInteger(_ text: String) -> Int? {
        var s = Substring(text).drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        var sign = ""
        if let first = s.first, first == "-" || first == "+" {
            sign = first == "-" ? "-" : ""
            s = s.dropFirst()
        }
        let digits = s.prefix { $0 >= "0" && $0 <= "9" }
        guard !digits.isEmpty, let v = Int(sign + digits), v >= Int(Int32.min), v <= Int(Int32.max) else {
            return nil
        }
        return v
    }
}
