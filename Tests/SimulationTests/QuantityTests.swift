@testable import Simulation
import Testing

/// Sizes, rates, durations and CPU quantities as scenario files write them.
@Suite struct QuantityTests {
    @Test(arguments: [
        ("4TB", 4_000_000_000_000),
        ("3.64TiB", 4_002_222_325_105),  // 3.64 × 2^40 = 4002222325104.64, rounded
        ("512GiB", 512 << 30),
        ("512 GiB", 512 << 30),
        ("1.5tb", 1_500_000_000_000),
        ("256Mi", 256 << 20),
        ("2G", 2_000_000_000),
        ("1000", 1000),
        ("0", 0),
        ("0.5KiB", 512),
    ] as [(String, UInt64)])
    func sizes(_ text: String, _ bytes: UInt64) {
        #expect(ByteSize.parse(text) == .success(ByteSize(bytes: bytes)))
    }

    @Test func badSizes() {
        #expect(ByteSize.parse("lots") == .failure(.notASize))
        #expect(ByteSize.parse("4 TeraBytes") == .failure(.notASize))
        #expect(ByteSize.parse("4m") == .failure(.notASize))  // milli-bytes are not a size
        #expect(ByteSize.parse("-4TB") == .failure(.negative))
        #expect(ByteSize.parse("20000PB") == .failure(.tooLarge))
        #expect(ByteSize.parse("1.2.3GB") == .failure(.notASize))
    }

    @Test(arguments: [
        ("10Gbit/s", 10_000_000_000),
        ("2.5Gbit/s", 2_500_000_000),
        ("1Gbps", 1_000_000_000),
        ("100Mb/s", 100_000_000),
        ("125MB/s", 1_000_000_000),
        ("1GBps", 8_000_000_000),
        ("400MiB/s", 400 * 8 << 20),
        ("90 MB/s", 720_000_000),
    ] as [(String, UInt64)])
    func bandwidths(_ text: String, _ bits: UInt64) {
        #expect(Bandwidth.parse(text) == .success(Bandwidth(bitsPerSecond: bits)))
    }

    @Test func badBandwidths() {
        #expect(Bandwidth.parse("100MB") == .failure(.notABandwidth))
        #expect(Bandwidth.parse("fast") == .failure(.notABandwidth))
        #expect(Bandwidth.parse("-1Gbit/s") == .failure(.negative))
    }

    @Test(arguments: [
        ("30s", 30_000),
        ("10m", 600_000),
        ("2h", 7_200_000),
        ("1d", 86_400_000),
        ("1w", 604_800_000),
        ("1h30m", 5_400_000),
        ("1.5h", 5_400_000),
        ("500ms", 500),
        ("0", 0),
    ] as [(String, Int64)])
    func durations(_ text: String, _ ms: Int64) {
        #expect(DurationText.parse(text) == .success(.milliseconds(ms)))
    }

    @Test func durationsInCephUnits() {
        #expect(DurationText.parse("600", bareUnit: "s") == .success(.seconds(600)))
        #expect(DurationText.parse("600") == .failure(.notADuration))
        #expect(DurationText.parse("-5m") == .failure(.negative))
        #expect(DurationText.parse("10 minutes") == .failure(.notADuration))
        #expect(DurationText.parse("h") == .failure(.notADuration))
    }

    @Test(arguments: [(Duration.seconds(93_600), "1d2h"), (.seconds(90), "1m30s"), (.milliseconds(250), "250ms"), (.zero, "0s")] as [(Duration, String)])
    func durationFormat(_ duration: Duration, _ text: String) {
        #expect(DurationText.format(duration) == text)
        #expect(DurationText.parse(text) == .success(duration))
    }

    @Test func cpu() {
        #expect(CPUQuantity.parse("250m") == .success(CPUQuantity(millicores: 250)))
        #expect(CPUQuantity.parse("2") == .success(CPUQuantity(millicores: 2000)))
        #expect(CPUQuantity.parse("0.5") == .success(CPUQuantity(millicores: 500)))
        #expect(CPUQuantity.parse("2 cores") == .failure(.notACPUQuantity))
        #expect(CPUQuantity(millicores: 1500).description == "1500m")
        #expect(CPUQuantity(millicores: 2000).description == "2")
    }

    @Test func printing() {
        #expect(ByteSize(bytes: 4_000_000_000_000).description == "3.64 TiB")
        #expect(ByteSize(bytes: 512).description == "512 B")
        #expect(Bandwidth(bitsPerSecond: 2_500_000_000).description == "2.5 Gbit/s")
    }

    @Test func suggestions() {
        #expect(Suggestion.closest(to: "ramm", among: ["name", "ram", "role"]) == "ram")
        #expect(Suggestion.closest(to: "ceph-rdb", among: ["ceph-rbd"]) == "ceph-rbd")
        #expect(Suggestion.closest(to: "web", among: ["db"]) == nil)
        #expect(Suggestion.closest(to: "QUEEN", among: ["queen"]) == "queen")
    }
}
