import CRUSH

/// libFuzzer entry point for the binary codec: `CrushMap(binary:)` must return or throw on
/// any input, and a map it accepts must survive `binaryEncoded()` → `CrushMap(binary:)`
/// unchanged. A broken round trip traps, which libFuzzer reports as a crash with the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBinaryCrush(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { [UInt8](UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let map = try? CrushMap(binary: bytes) else { return 0 }
    let encoded = map.binaryEncoded()
    let again: CrushMap
    do {
        again = try CrushMap(binary: encoded)
    } catch {
        preconditionFailure("binaryEncoded() of an accepted map does not decode: \(error)")
    }
    precondition(again == map, "binaryEncoded() then CrushMap(binary:) changed the map")
    return 0
}
