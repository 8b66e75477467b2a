/// The identifiers Home Assistant's MQTT discovery accepts for a node id and an object id
/// (`[a-zA-Z0-9_-]+`, the `<node_id>` and `<object_id>` of
/// `homeassistant/<component>/<node_id>/<object_id>/config`).
public enum ObjectID {
    /// Whether `text` can be used as it is.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isAllowed)
    }

    /// `text` in lower case with every other character than letters, digits, `_` and `-`
    /// replaced by `_` (`rbd.vms` → `rbd_vms`); `_` for an empty text.
    public static func sanitized(_ text: String) -> String {
        let bytes = text.lowercased().utf8.map { isAllowed($0) ? $0 : UInt8(ascii: "_") }
        return bytes.isEmpty ? "_" : String(decoding: bytes, as: UTF8.self)
    }

    private static func isAllowed(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
    }
}
