import Testing

@testable import Reports

/// Chart axes get "nice" ticks (1, 2, 2.5 or 5 × 10ⁿ) that cover the data.
@Suite struct AxisScaleTests {
    /// Worked by hand: the raw step is the range over the target tick count; the step is the
    /// first nice number at or above it; the ends round outwards to a multiple of the step.
    @Test(arguments: [
        // 95 / 5 = 19 → 20: 0…100
        (0.0, 95.0, 5, 20.0, [0.0, 20, 40, 60, 80, 100]),
        // 32.26 / 5 = 6.452 → 10: 0…40
        (0.0, 32.26, 5, 10.0, [0.0, 10, 20, 30, 40]),
        // 1590 / 8 = 198.75 → 200: 0…1600
        (0.0, 1590.0, 8, 200.0, [0.0, 200, 400, 600, 800, 1000, 1200, 1400, 1600]),
        // 0.9 / 5 = 0.18 → 0.2: 0…1
        (0.0, 0.9, 5, 0.2, [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]),
        // 12 / 5 = 2.4 → 2.5, from 10: 10…22.5
        (10.0, 22.0, 5, 2.5, [10.0, 12.5, 15, 17.5, 20, 22.5]),
    ])
    func niceTicks(minimum: Double, maximum: Double, target: Int, step: Double, ticks: [Double]) {
        let scale = AxisScale(minimum: minimum, maximum: maximum, targetTicks: target)
        #expect(scale.step == step)
        #expect(scale.ticks == ticks)
        #expect(scale.lower <= minimum && scale.upper >= maximum)
    }

    /// A flat series (all values equal) still gets an axis of positive length.
    @Test func flatDataGetsARange() {
        let scale = AxisScale(minimum: 0, maximum: 0)
        #expect(scale.upper > scale.lower)
        #expect(scale.position(0, from: 300, to: 50) == 300)
    }
}
