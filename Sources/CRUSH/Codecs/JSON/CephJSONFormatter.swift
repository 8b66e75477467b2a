/// Writes JSON the way Ceph's `JSONFormatter` does in `json-pretty` mode (src/common/Formatter.cc
/// in Pacific), so that dumps come out byte for byte as `crushtool --dump` prints them:
///
/// - every member or element goes on its own line, indented four spaces per open section;
///   an empty section prints as `[]` or `{}`; `": "` separates names from values;
/// - strings are escaped as Ceph's `escape_json_attr` does: `"` and `\` get a backslash, newline
///   and tab print as `\n` and `\t`, other control characters and DEL as `\u00xx` (lowercase
///   hex); `/` and bytes from 0x80 up are copied as they are;
/// - integers print in decimal, doubles as `%.17g` (`CStyleDoubleFormat`).
///
/// Section and member names are the fixed words of the dump and are written without escaping,
/// as Ceph does.
struct CephJSONFormatter {
    private struct Section {
        var isArray: Bool
        var size = 0
    }

    private(set) var output: [UInt8] = []
    private var stack: [Section] = []

    mutating func openObject(_ name: String) { openSection(name, isArray: false) }
    mutating func openArray(_ name: String) { openSection(name, isArray: true) }

    /// Closes the innermost open section; does nothing if none is open.
    mutating func closeSection() {
        guard let section = stack.last else { return }
        if section.size > 0 {
            output.append(UInt8(ascii: "\n"))
            indent(stack.count - 1)
        }
        output.append(section.isArray ? UInt8(ascii: "]") : UInt8(ascii: "}"))
        stack.removeLast()
    }

    mutating func dumpInt<T: BinaryInteger>(_ name: String, _ value: T) {
        printName(name)
        output.append(contentsOf: String(value).utf8)
    }

    mutating func dumpFloat(_ name: String, _ value: Double) {
        printName(name)
        output.append(contentsOf: DecimalFormat.general(value, precision: 17).utf8)
    }

    /// Dumps `value` as a C string: it ends at its first NUL, as Ceph's `const char *` names do.
    mutating func dumpString(_ name: String, _ value: String) {
        printName(name)
        output.append(UInt8(ascii: "\""))
        characters: for byte in value.utf8 {
            switch byte {
            case 0: break characters
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case UInt8(ascii: "\n"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\t"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0x01..<0x20, 0x7F:
                output.append(contentsOf: "\\u".utf8)
                output.append(contentsOf: hex4(UInt32(byte)).utf8)
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    private mutating func openSection(_ name: String, isArray: Bool) {
        printName(name)
        output.append(isArray ? UInt8(ascii: "[") : UInt8(ascii: "{"))
        stack.append(Section(isArray: isArray))
    }

    /// `print_name`: the separator and indentation before a member or element, then the
    /// member name if the enclosing section is an object. Nothing at the top level.
    private mutating func printName(_ name: String) {
        guard let section = stack.last else { return }
        if section.size > 0 { output.append(UInt8(ascii: ",")) }
        output.append(UInt8(ascii: "\n"))
        indent(stack.count)
        if !section.isArray {
            output.append(UInt8(ascii: "\""))
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: "\": ".utf8)
        }
        stack[stack.count - 1].size += 1
    }

    private mutating func indent(_ levels: Int) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 4 * levels))
    }
}
