/// A JSON value together with the path that leads to it, with typed accessors whose errors name
/// that path (`buckets[3].items[2].weight: expected an integer from 0 to 4294967295, found -1`).
struct JSONField {
    let value: JSONValue
    let path: JSONPath

    func invalid(_ reason: String) -> CrushJSONError {
        .invalid(path: path.description, reason: reason)
    }

    /// An object whose keys are all among `known`, each at most once.
    func object(keys known: Set<String>) throws(CrushJSONError) -> JSONObjectFields {
        guard case .object(let members) = value else {
            throw invalid("expected an object, found \(value.kindDescription)")
        }
        var seen: Set<String> = []
        for member in members {
            let memberPath = path.appending(member.key)
            guard known.contains(member.key) else {
                throw .invalid(
                    path: memberPath.description,
                    reason: "unknown field (expected one of: \(known.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(member.key).inserted else {
                throw .invalid(path: memberPath.description, reason: "the field appears more than once")
            }
        }
        return JSONObjectFields(members: members, path: path)
    }

    /// An object, any keys, as its members in order.
    func members() throws(CrushJSONError) -> [JSONField.Member] {
        guard case .object(let members) = value else {
            throw invalid("expected an object, found \(value.kindDescription)")
        }
        var seen: Set<String> = []
        var result: [Member] = []
        for member in members {
            let field = JSONField(value: member.value, path: path.appending(member.key))
            guard seen.insert(member.key).inserted else {
                throw field.invalid("the field appears more than once")
            }
            result.append(Member(key: member.key, field: field))
        }
        return result
    }

    struct Member {
        let key: String
        let field: JSONField
    }

    func array() throws(CrushJSONError) -> [JSONField] {
        guard case .array(let elements) = value else {
            throw invalid("expected an array, found \(value.kindDescription)")
        }
        return elements.enumerated().map { JSONField(value: $0.element, path: path.appending($0.offset)) }
    }

    func string() throws(CrushJSONError) -> String {
        guard case .string(let text) = value else {
            throw invalid("expected a string, found \(value.kindDescription)")
        }
        return text
    }

    /// An integer written without fraction or exponent, within `T`'s range.
    func integer<T: FixedWidthInteger>(_: T.Type = T.self) throws(CrushJSONError) -> T {
        let range = "an integer from \(T.min) to \(T.max)"
        guard case .number(let number) = value else {
            throw invalid("expected \(range), found \(value.kindDescription)")
        }
        guard number.isInteger else {
            throw invalid("expected \(range), found \(number.text)")
        }
        guard let result = T(number.text) else {
            throw invalid("expected \(range), found \(number.text)")
        }
        return result
    }

    /// Any JSON number, as the nearest double; it must be finite.
    func double() throws(CrushJSONError) -> Double {
        guard case .number(let number) = value else {
            throw invalid("expected a number, found \(value.kindDescription)")
        }
        guard let result = number.double, result.isFinite else {
            throw invalid("the number \(number.text) is out of range")
        }
        return result
    }
}

/// The members of a JSON object that has passed `JSONField.object(keys:)`.
struct JSONObjectFields {
    let members: [JSONMember]
    let path: JSONPath

    func optional(_ key: String) -> JSONField? {
        guard let member = members.first(where: { $0.key == key }) else { return nil }
        return JSONField(value: member.value, path: path.appending(key))
    }

    func required(_ key: String) throws(CrushJSONError) -> JSONField {
        guard let field = optional(key) else {
            throw .invalid(path: path.appending(key).description, reason: "required field is missing")
        }
        return field
    }
}
