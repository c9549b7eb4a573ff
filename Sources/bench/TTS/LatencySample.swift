import SwitchboardCore

/// Durations measured one at a time, summarised as percentiles in milliseconds.
struct LatencySample {
    private(set) var ms: [Double] = []

    mutating func add(_ duration: Duration) { ms.append(duration.milliseconds) }

    func percentile(_ p: Double) -> Double {
        let sorted = ms.sorted()
        return sorted.isEmpty ? .nan : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }

    var mean: Double { ms.isEmpty ? .nan : ms.reduce(0, +) / Double(ms.count) }

    /// "p50 0.041 ms  p99 0.090 ms  (n=5000)"
    var summary: String {
        String(format: "p50 %7.3f ms   p99 %7.3f ms   (n=%d)", percentile(0.5), percentile(0.99), ms.count)
    }
}
