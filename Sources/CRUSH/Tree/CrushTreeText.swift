extension CrushMap {
    /// The map as `crushtool -i MAP --tree` prints it (Ceph 16.2.15: `CrushWrapper::dump_tree`
    /// with the plain-text `CrushTreePlainDumper`, shadow trees shown, no weight-set names),
    /// byte for byte. Pass the map as crushtool holds it after reading the file, i.e.
    /// `CrushMap(binary:).normalizedAsCephDecodes()`.
    ///
    /// One line per item of `crushTreeItems()` (every root and its subtree, shadow roots
    /// included; devices in no bucket are not listed) in a `TextTable` with the columns
    /// - `ID`: the item id;
    /// - `CLASS`: the device class of a device or shadow bucket, empty otherwise;
    /// - `WEIGHT`: a root's bucket weight, or the item's weight in its parent;
    /// - one column per choose_args map in index order, headed by the index, `(compat)` for
    ///   -1: the item's weight in its parent's first weight-set position if that parent has a
    ///   weight set in that map, empty otherwise (and for roots);
    /// - `TYPE NAME`: four spaces per depth level, then `<type name> <bucket name>` for a
    ///   bucket or `osd.<id>` for a device (device names are not used).
    ///
    /// Weights print as Ceph's `weightf_t`: `0` when below 0.000001, `-` when below -0.01,
    /// otherwise `%.5f` of the `float`. All columns align right except `TYPE NAME`; headings
    /// align left. A missing type name leaves only the indentation and a missing bucket name
    /// leaves `<type name> `, as a null `const char *` stops a C++ stream.
    public func treeText() -> String {
        var table = TextTable()
        table.defineColumn("ID", heading: .left, cells: .right)
        table.defineColumn("CLASS", heading: .left, cells: .right)
        table.defineColumn("WEIGHT", heading: .left, cells: .right)
        let weightSets = chooseArgs.keys.sorted()
        for index in weightSets {
            table.defineColumn(index == -1 ? "(compat)" : String(index), heading: .left, cells: .right)
        }
        table.defineColumn("TYPE NAME", heading: .left, cells: .left)

        for item in crushTreeItems() {
            var row = [String(item.id), cItemClass(item.id) ?? "", Self.weightText(item.weight)]
            for index in weightSets {
                row.append(weightSetText(item, in: chooseArgs[index] ?? [:]))
            }
            row.append(typeAndName(item))
            table.appendRow(row)
        }
        return table.rendered()
    }

    /// The weight-set cell: the weight of the item at its first position in its parent, from
    /// the parent's first weight-set position. A weight set shorter than that position (Ceph
    /// then reads past the array) shows 0.
    private func weightSetText(_ item: CrushTreeItem, in args: [Int32: ChooseArg]) -> String {
        guard item.parent < 0, let parent = bucket(id: item.parent),
            let weights = args[item.parent]?.weightSet.first
        else { return "" }
        var position = 0
        while position < weights.count, position < parent.items.count, parent.items[position] != item.id {
            position += 1
        }
        let weight = position < weights.count ? weights[position] : 0
        return Self.weightText(Float(weight) / 0x10000)
    }

    /// The `TYPE NAME` cell.
    private func typeAndName(_ item: CrushTreeItem) -> String {
        let indent = String(repeating: "    ", count: item.depth)
        guard item.id < 0 else { return indent + "osd.\(item.id)" }
        // get_bucket_type answers -ENOENT (-2) for a missing bucket.
        let type = bucket(id: item.id).map { Int32($0.type) } ?? -2
        guard let typeName = cTypeName(type) else { return indent }
        return indent + typeName + " " + (cItemName(item.id) ?? "")
    }

    /// Ceph's `operator<<(ostream&, const weightf_t&)`.
    static func weightText(_ weight: Float) -> String {
        if weight < -0.01 { return "-" }
        if weight < 0.000001 { return "0" }
        return DecimalFormat.fixed(Double(weight), decimals: 5)
    }
}
