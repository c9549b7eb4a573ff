/// The distribution of turn latency over every answered turn of every call, as an SVG
/// histogram from 0 ms with the p50, p95 and p99 marked: whether the calls wait ~450 ms
/// and how long the tail is, at a glance.
struct LatencyHistogram {
    /// The latencies drawn, ms: usable ones only.
    let values: [Double]

    init(latencies: [Double]) {
        values = latencies.compactMap(ReportNumbers.usable)
    }

    /// Every answered turn's caller-measured latency; greetings answer no one, so they are
    /// left out, as in the load report's percentiles.
    init(calls: [CallReport]) {
        self.init(latencies: calls.flatMap { $0.turns.filter { $0.index > 0 }.compactMap(\.latencyMs) })
    }

    var percentiles: Percentiles { Percentiles(values) }

    /// The x axis: 0 to past the slowest turn.
    var axis: TimeAxis { TimeAxis(upTo: values.max() ?? 0, ticks: 10) }

    /// Equal bins from 0 to the axis end: about 50, each a round number of ms wide.
    var binWidth: Double { TimeAxis.roundStep(axis.end / 50) }

    /// How many latencies fall in each bin [i·width, (i+1)·width); the axis end joins the last.
    var counts: [Int] {
        let width = binWidth
        let count = max(1, Int((axis.end / width).rounded(.up)))
        var counts = Array(repeating: 0, count: count)
        for value in values {
            // Clamped as a Double first: the index is then always in range, whatever the value.
            counts[Int(min(Double(count - 1), (value / width).rounded(.down)))] += 1
        }
        return counts
    }

    // Layout, in SVG units.
    static let width = 1240.0
    static let plotX = 60.0
    static let plotWidth = 1140.0
    static let plotTop = 50.0
    static let plotHeight = 170.0

    /// The SVG, or nil with no latencies to draw.
    var svg: String? {
        guard !values.isEmpty else { return nil }
        let axis = self.axis, counts = self.counts, width = binWidth
        let countAxis = TimeAxis(upTo: Double(counts.max() ?? 1), ticks: 4)
        let bottom = Self.plotTop + Self.plotHeight
        let height = bottom + 44
        let x = { (ms: Double) in axis.position(ms, x0: Self.plotX, width: Self.plotWidth) }
        let y = { (count: Double) in bottom - (count / countAxis.end) * Self.plotHeight }
        var svg = SVG()
        svg.open("svg", ["xmlns": "http://www.w3.org/2000/svg", "class": "histogram", "width": Self.width, "height": height,
                         "viewBox": "0 0 \(ReportNumbers.coordinate(Self.width)) \(ReportNumbers.coordinate(height))"])
        for tick in countAxis.ticks where tick == tick.rounded() {
            svg.empty("line", ["class": "grid", "x1": Self.plotX, "x2": Self.plotX + Self.plotWidth, "y1": y(tick), "y2": y(tick)])
            svg.text(ReportNumbers.fixed(tick), x: Self.plotX - 8, y: y(tick) + 4, class: "tick count")
        }
        for tick in axis.ticks {
            svg.text(ReportNumbers.fixed(tick), x: x(tick), y: bottom + 16, class: "tick")
        }
        svg.text("turn latency, ms (caller's speech end → first agent audio)", x: Self.plotX + Self.plotWidth / 2, y: bottom + 36, class: "axis-title")
        svg.text("turns", x: 8, y: Self.plotTop - 8, class: "axis-title left")
        for (index, count) in counts.enumerated() where count > 0 {
            let from = Double(index) * width, to = from + width
            svg.open("rect", ["class": "bin", "x": x(from) + 0.5, "y": y(Double(count)), "width": max(0.5, x(to) - x(from) - 1),
                              "height": bottom - y(Double(count)), "data-from": from, "data-to": to, "data-count": count])
            svg.raw("<title>\(HTMLText.escape("\(ReportNumbers.fixed(from))–\(ReportNumbers.fixed(to)) ms: \(count) turn\(count == 1 ? "" : "s")"))</title>")
            svg.close("rect")
        }
        svg.empty("line", ["class": "baseline", "x1": Self.plotX, "x2": Self.plotX + Self.plotWidth, "y1": bottom, "y2": bottom])
        let p = percentiles
        for (row, (name, value)) in [("p50", p.p50), ("p95", p.p95), ("p99", p.p99)].enumerated() {
            let at = x(value)
            let labelY = 14 + Double(row) * 13
            let nearRightEdge = at > Self.plotX + Self.plotWidth - 120
            svg.open("g", ["class": "percentile \(name)", "data-ms": value])
            svg.empty("line", ["x1": at, "x2": at, "y1": labelY + 3, "y2": bottom])
            svg.text("\(name) \(ReportNumbers.ms(value))", x: nearRightEdge ? at - 4 : at + 4, y: labelY, class: nearRightEdge ? "percentile-label end" : "percentile-label")
            svg.close("g")
        }
        svg.close("svg")
        return svg.text
    }
}
