/// A histogram of a measure whose old counts fade, for percentiles of the last few seconds
/// without keeping the values.
struct DecayingHistogram {
    let lower: Float
    let binWidth: Float
    private var counts: [Float]
    private var total: Float = 0
    private let decay: Float
    /// What the next count adds: it grows by 1/decay each update instead of old counts fading.
    private var weight: Float = 1

    /// - Parameter memory: about how many updates a count lasts (1/e).
    init(lower: Float, upper: Float, binWidth: Float, memory: Float) {
        self.lower = lower
        self.binWidth = binWidth
        counts = Array(repeating: 0, count: Int(((upper - lower) / binWidth).rounded(.up)))
        decay = 1 - 1 / memory
    }

    mutating func add(_ value: Float) {
        // Fading every bin on every update would cost a pass over the bins; instead new counts
        // grow, which is the same up to a common factor, rescaled before it can overflow.
        let bin = min(max(Int((value - lower) / binWidth), 0), counts.count - 1)
        weight /= decay
        counts[bin] += weight
        total += weight
        if weight > 1e20 {
            for i in counts.indices { counts[i] /= weight }
            total /= weight
            weight = 1
        }
    }

    /// The value below which `fraction` of the (weighted) counts lie; nil before any.
    func percentile(_ fraction: Float) -> Float? {
        guard total > 0 else { return nil }
        let target = fraction * total
        var sum: Float = 0
        for (bin, count) in counts.enumerated() {
            sum += count
            if sum >= target { return lower + (Float(bin) + 0.5) * binWidth }
        }
        return lower + Float(counts.count) * binWidth
    }
}
