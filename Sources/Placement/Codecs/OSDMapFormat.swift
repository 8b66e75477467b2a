import CRUSH

/// Why an OSD map could not be read, in whichever form it was.
public enum OSDMapDecodeError: Error, Sendable, CustomStringConvertible {
    case binary(OSDMapBinaryError)
    case json(OSDMapJSONError)
    /// A JSON dump needs a crush map beside it.
    case missingCrushMap

    public var description: String {
        switch self {
        case .binary(let error): "binary OSD map: \(error)"
        case .json(let error): "OSD map JSON: \(error)"
        case .missingCrushMap:
            "an OSD map dump (JSON) holds no crush map: give one too (`ceph osd getcrushmap`, crushtool text or `ceph osd crush dump`)"
        }
    }
}

extension OSDMap {
    /// Reads an OSD map in either form: the binary map (its first byte is the wrapper's
    /// version, 7 or 8) or the JSON of `ceph osd dump -f json` (first non-blank byte `{`),
    /// which needs `crush`. A `crush` given with a binary map replaces the map's own.
    public init(decoding bytes: [UInt8], crush: CrushMap? = nil) throws(OSDMapDecodeError) {
        let first = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        if first == UInt8(ascii: "{") {
            guard let crush else { throw .missingCrushMap }
            do { self = try OSDMap(dumpJSON: bytes, crush: crush) } catch { throw .json(error) }
        } else {
            do { self = try OSDMap(binary: bytes) } catch { throw .binary(error) }
            if let crush { self.crush = crush.normalizedAsCephDecodes() }
        }
    }
}
