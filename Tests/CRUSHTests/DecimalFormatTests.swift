import CRUSH
import Foundation
import Testing
import CollectiveTestSupport

/// `DecimalFormat` against the C library crushtool links with.
@Suite("DecimalFormat")
struct DecimalFormatTests {
    @Test("%.Nf matches vsnprintf on weights, random doubles and ties")
    func fixedMatchesC() {
        var random = SplitMix64(seed: 0xF1CED)
        var values: [Double] = [0, -0.0, 0.0625, 0.1875, 0.15625, 2.5, 3.5, -0.0001, 1e-300, 123456789.987654321]
        for _ in 0..<5000 { values.append(Double(Float(UInt32(truncatingIfNeeded: random.next())) / 65536)) }
        for _ in 0..<2000 {
            let value = Double(bitPattern: random.next())
            if value.isFinite && abs(value) < 1e30 { values.append(value) }
        }
        for value in values {
            for decimals in [0, 3, 5, 6] {
                let c = cFormat("%.\(decimals)f", value)
                let ours = DecimalFormat.fixed(value, decimals: decimals)
                if ours != c {
                    Issue.record("%.\(decimals)f of \(value): \(ours) vs C \(c)")
                    return
                }
            }
        }
    }

    private func cFormat(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = withVaList([value]) { args in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, format, args) }
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
