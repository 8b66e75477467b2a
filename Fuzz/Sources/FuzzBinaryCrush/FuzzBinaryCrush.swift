import CRUSH

/// libFuzzer entry point for the binary codec: `CrushMap(binary:)` must return or throw on
/// any input, and a map it accepts must survive `binaryEncoded()` → `CrushMap(binary:)`
/// unchanged. A broken round trip traps, which libFuzzer reports as a crash with the input.
///
/// One exception, which is Ceph's format and not the codec: a map with an empty type, item or
/// rule name. Those maps are written with a zero name length, which `decode_32_or_64_string_map`
/// reads as "the key was 64 bits, the length follows", so Ceph cannot read back what it wrote
/// (crushtool 16.2.15 re-encodes such a map and then fails to decode its own output). The codec
/// matches Ceph on both sides, so for those maps the re-encoding is only decoded, not compared.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBinaryCrush(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let map = try? CrushMap(binary: bytes) else { return 0 }
    let encoded = map.binaryEncoded()
    let hasEmptyName = [map.typeNames, map.itemNames, map.ruleNames].contains { names in
        names.values.contains(where: \.isEmpty)
    }
    if hasEmptyName {
        _ = try? CrushMap(binary: encoded)
        return 0
    }
    let again: CrushMap
    do {
        again = try CrushMap(binary: encoded)
    } catch {
        preconditionFailure("binaryEncoded() of an accepted map does not decode: \(error)")
    }
    precondition(again == map, "binaryEncoded() then CrushMap(binary:) changed the map")
    return 0
}
