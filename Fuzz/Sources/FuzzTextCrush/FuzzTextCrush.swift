import CRUSH

/// libFuzzer entry point for the text compiler: `CrushMap(text:)` must return or throw on any
/// input (bytes that are not UTF-8 are repaired, as a file read as text would be), and a map
/// it accepts must decompile and encode without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextCrush(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { UnsafeBufferPointer(start: $0, count: size) } ?? UnsafeBufferPointer(start: nil, count: 0)
    let text = String(decoding: bytes, as: UTF8.self)
    guard let map = try? CrushMap(text: text) else { return 0 }
    _ = map.decompiled()
    _ = map.binaryEncoded()
    return 0
}
