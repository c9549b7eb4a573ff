/// A linear axis from 0 (or a start) to a round end, with round ticks: what the waterfall's
/// and the histogram's scales share, so a figure's numbers read as 0, 500, 1000 and not as
/// 0, 487, 974.
struct TimeAxis: Equatable {
    var start: Double
    var end: Double
    var step: Double

    /// An axis covering `start...max(upTo, start)` with about `ticks` round steps. With nothing
    /// to cover (or nothing usable) it still spans one step, so scales never divide by zero.
    init(from start: Double = 0, upTo value: Double, ticks: Int = 8) {
        // Spans far outside what a call can measure (a broken number) fall back to sane ones.
        let start = start.isFinite ? min(max(start, -1e12), 1e12) : 0
        let value = value.isFinite ? min(value, 1e12) : start
        let span = value - start > 1e-3 ? value - start : 1
        let step = Self.roundStep(span / Double(max(1, ticks)))
        self.start = start
        self.step = step
        self.end = start + max(1, (span / step).rounded(.up)) * step
    }

    /// The smallest of 1, 2 or 5 × 10^k that is at least `raw`.
    static func roundStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= raw { return magnitude * factor }
        return magnitude * 10
    }

    /// The tick values from start to end inclusive.
    var ticks: [Double] {
        let count = Int(((end - start) / step).rounded())
        return (0...max(0, min(count, 1_000))).map { start + Double($0) * step }
    }

    /// Where `value` falls on a drawing `width` wide starting at `x0`, clamped to the axis.
    func position(_ value: Double, x0: Double, width: Double) -> Double {
        guard value.isFinite else { return x0 }
        let fraction = (min(max(value, start), end) - start) / (end - start)
        return x0 + fraction * width
    }
}
