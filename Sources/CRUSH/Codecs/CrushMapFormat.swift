/// The three forms a crush map comes in, told apart by their first bytes: the binary map
/// starts with `CRUSH_MAGIC` (00 00 01 00 little-endian), a JSON dump with `{`, and anything
/// else is read as crushtool's text format.
public enum CrushMapFormat: String, Sendable, CaseIterable {
    case binary
    case text
    case json

    public static func detect(_ bytes: [UInt8]) -> CrushMapFormat {
        if bytes.count >= 4 && bytes[0] == 0x00 && bytes[1] == 0x00 && bytes[2] == 0x01 && bytes[3] == 0x00 {
            return .binary
        }
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return first == UInt8(ascii: "{") ? .json : .text
    }
}

/// Why a crush map could not be read, in whichever form it was.
public enum CrushMapDecodeError: Error, Sendable, CustomStringConvertible {
    case binary(CrushBinaryError)
    case text(CrushTextError)
    case json(CrushJSONError)
    case notUTF8

    public var description: String {
        switch self {
        case .binary(let error): "binary crush map: \(error)"
        case .text(let error): "crush map text: \(error)"
        case .json(let error): "crush map JSON: \(error)"
        case .notUTF8: "not a binary crush map, and not UTF-8 text either"
        }
    }
}

extension CrushMap {
    /// Reads a crush map in any of its forms, as Ceph holds it once read: a binary map is
    /// normalised as Ceph's decoder does (`normalizedAsCephDecodes()`).
    public init(decoding bytes: [UInt8]) throws(CrushMapDecodeError) {
        switch CrushMapFormat.detect(bytes) {
        case .binary:
            do { self = try CrushMap(binary: bytes).normalizedAsCephDecodes() } catch { throw .binary(error) }
        case .text, .json:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .notUTF8 }
            if CrushMapFormat.detect(bytes) == .json {
                do { self = try CrushMap(dumpJSON: text) } catch { throw .json(error) }
            } else {
                do { self = try CrushMap(text: text) } catch { throw .text(error) }
            }
        }
    }
}
