/// A histogram of a measure whose old counts fade, kept for one percentile of the last few
/// seconds without keeping the values.
///
/// The percentile is asked for on every hop and moves by a bin or so per update, so it is
/// followed rather than searched for: the bin it lies in and the weight below that bin are
/// kept, and each update walks them the few bins the new count moved the percentile.
struct DecayingHistogram {
    let lower: Float
    let binWidth: Float
    /// The fraction of the weight the percentile has below it (0.4: the 40th percentile).
    let fraction: Float
    private var counts: [Float]
    private var total: Float = 0
    private let decay: Float
    /// What the next count adds: it grows by 1/decay each update instead of old counts fading.
    private var weight: Float = 1
    /// The bin the percentile lies in, and the weight of the bins below it.
    private var bin = 0
    private var below: Float = 0

    /// - Parameter memory: about how many updates a count lasts (1/e).
    init(lower: Float, upper: Float, binWidth: Float, memory: Float, percentile fraction: Float) {
        self.lower = lower
        self.binWidth = binWidth
        self.fraction = fraction
        counts = Array(repeating: 0, count: Int(((upper - lower) / binWidth).rounded(.up)))
        decay = 1 - 1 / memory
    }

    mutating func add(_ value: Float) {
        // Fading every bin on every update would cost a pass over the bins; instead new counts
        // grow, which is the same up to a common factor, rescaled before it can overflow.
        let index = min(max(Int((value - lower) / binWidth), 0), counts.count - 1)
        weight /= decay
        counts[index] += weight
        total += weight
        if index < bin { below += weight }
        if weight > 1e20 {
            for i in counts.indices { counts[i] /= weight }
            total /= weight
            weight = 1
            // Re-summed rather than scaled, so rounding cannot pile up.
            below = counts[..<bin].reduce(0, +)
        }
        follow()
    }

    /// The value below which `fraction` of the (weighted) counts lie; nil before any.
    var percentile: Float? {
        total > 0 ? lower + (Float(bin) + 0.5) * binWidth : nil
    }

    /// Moves `bin` to the first bin whose cumulative weight reaches `fraction` of the total.
    private mutating func follow() {
        let target = fraction * total
        while bin < counts.count - 1, below + counts[bin] < target {
            below += counts[bin]
            bin += 1
        }
        while bin > 0, below >= target {
            bin -= 1
            below -= counts[bin]
        }
    }
}
