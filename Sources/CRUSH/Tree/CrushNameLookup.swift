/// Names as `CrushWrapper`'s getters hand them to Ceph's printing code: `const char *` strings,
/// so a name ends at its first NUL, and a missing name is a null pointer (`nil` here).
extension CrushMap {
    /// `get_item_name`: the name of a device or bucket.
    func cItemName(_ id: Int32) -> String? {
        itemNames[id].map(Self.cString)
    }

    /// `get_type_name`: the name of a type id (`get_bucket_type` widens the bucket's `u16`).
    func cTypeName(_ type: Int32) -> String? {
        typeNames[type].map(Self.cString)
    }

    /// `get_item_class`: the class name of a device or shadow bucket (through `class_map`
    /// and `class_name`); nil if it has no class or the class has no name.
    func cItemClass(_ id: Int32) -> String? {
        guard let classID = deviceClasses[id], let name = classNames[classID] else { return nil }
        return Self.cString(name)
    }

    /// The part of `s` before its first NUL, as C sees a `std::string`'s `c_str()`.
    static func cString(_ s: String) -> String {
        guard let nul = s.utf8.firstIndex(of: 0) else { return s }
        return String(s[..<nul])
    }
}
