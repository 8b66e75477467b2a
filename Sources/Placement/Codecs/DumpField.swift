import CRUSH

/// A JSON value of an OSD map dump with the path that leads to it (`pools[2].pg_num`), and
/// typed accessors whose errors name that path. Unknown keys are ignored: `ceph osd dump`
/// has many fields that placement does not need.
struct DumpField {
    let value: JSONValue
    let path: String

    func invalid(_ reason: String) -> OSDMapJSONError {
        .invalid(path: path.isEmpty ? "(top level)" : path, reason: reason)
    }

    func key(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The member `name` of this object, if there is one (nil also for JSON null).
    func optional(_ name: String) throws(OSDMapJSONError) -> DumpField? {
        guard case .object(let members) = value else {
            throw invalid("expected an object, found \(value.kindDescription)")
        }
        guard let member = members.first(where: { $0.key == name }) else { return nil }
        if case .null = member.value { return nil }
        return DumpField(value: member.value, path: key(name))
    }

    func required(_ name: String) throws(OSDMapJSONError) -> DumpField {
        guard let field = try optional(name) else {
            throw .invalid(path: key(name), reason: "required field is missing")
        }
        return field
    }

    func array() throws(OSDMapJSONError) -> [DumpField] {
        guard case .array(let elements) = value else {
            throw invalid("expected an array, found \(value.kindDescription)")
        }
        return elements.enumerated().map { DumpField(value: $0.element, path: path + "[\($0.offset)]") }
    }

    /// An object's members in order.
    func members() throws(OSDMapJSONError) -> [(key: String, field: DumpField)] {
        guard case .object(let members) = value else {
            throw invalid("expected an object, found \(value.kindDescription)")
        }
        return members.map { ($0.key, DumpField(value: $0.value, path: key($0.key))) }
    }

    func string() throws(OSDMapJSONError) -> String {
        guard case .string(let text) = value else {
            throw invalid("expected a string, found \(value.kindDescription)")
        }
        return text
    }

    /// An integer within `T`'s range. Booleans count as 0 and 1.
    func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(OSDMapJSONError) -> T {
        let range = "an integer from \(T.min) to \(T.max)"
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .number(let number):
            guard number.isInteger, let result = T(number.text) else {
                throw invalid("expected \(range), found \(number.text)")
            }
            return result
        default:
            throw invalid("expected \(range), found \(value.kindDescription)")
        }
    }

    /// Any finite JSON number.
    func double() throws(OSDMapJSONError) -> Double {
        guard case .number(let number) = value, let result = number.double, result.isFinite else {
            throw invalid("expected a number, found \(value.kindDescription)")
        }
        return result
    }

    /// A PG id written as `ceph osd dump` writes it (`1.1f`).
    func pgID() throws(OSDMapJSONError) -> PGID {
        let text = try string()
        guard let pg = PGID(parsing: text) else { throw invalid("expected a PG id like 1.1f, found '\(text)'") }
        return pg
    }

    /// A 16.16 fixed-point value printed as a float (reweight, primary affinity): the
    /// nearest integer to value × 65536, within 0…0xffffffff.
    func fixedPoint() throws(OSDMapJSONError) -> UInt32 {
        let v = try double()
        guard v >= 0, v * 65536 < 4_294_967_295.5 else {
            throw invalid("expected a weight from 0 to 65535.99, found \(v)")
        }
        return UInt32((v * 65536).rounded())
    }
}
