import CRUSH

/// libFuzzer entry point for the JSON dump reader: `CrushMap(dumpJSON:)` must return or throw
/// on any input (bytes that are not UTF-8 are repaired), and a map it accepts must dump and
/// encode without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONCrush(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let map = try? CrushMap(dumpJSON: text) else { return 0 }
    _ = map.dumpJSON()
    _ = map.binaryEncoded()
    return 0
}
