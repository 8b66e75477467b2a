/// A linear axis from `lower` to `upper` with "nice" ticks (steps of 1, 2, 2.5 or 5 times a
/// power of ten, about `targetTicks` of them) that cover the data: the usual rule of chart
/// libraries (Heckbert's "nice numbers"), computed without `log10` so every machine gets the
/// same ticks.
struct AxisScale: Equatable {
    var lower: Double
    var upper: Double
    var step: Double

    init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
        var lo = minimum.isFinite ? minimum : 0
        var hi = maximum.isFinite ? maximum : 1
        if hi < lo { swap(&lo, &hi) }
        if hi == lo { hi = lo + 1 }
        let raw = (hi - lo) / Double(max(targetTicks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var step = magnitude * 10
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where magnitude * factor >= raw {
            step = magnitude * factor
            break
        }
        self.step = step
        self.lower = (lo / step).rounded(.down) * step
        self.upper = (hi / step).rounded(.up) * step
    }

    /// The tick values from `lower` to `upper`.
    var ticks: [Double] {
        var out: [Double] = []
        var i = 0.0
        while lower + i * step <= upper + step / 1e6 {
            out.append(lower + i * step)
            i += 1
        }
        return out
    }

    /// `value`'s position between `from` (at `lower`) and `to` (at `upper`).
    func position(_ value: Double, from: Double, to: Double) -> Double {
        from + (value - lower) / (upper - lower) * (to - from)
    }
}
