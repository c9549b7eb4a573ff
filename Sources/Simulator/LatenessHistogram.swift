/// Counts of lateness values at a tenth of a millisecond, for percentiles over thousands of
/// frames without keeping them: nearly every frame is on time, so a few buckets hold them all.
public struct LatenessHistogram: Sendable, Equatable {
    /// Tenths of a millisecond → how many.
    private var buckets: [Int: Int] = [:]
    public private(set) var count = 0
    public private(set) var maxMs = 0.0

    public init() {}

    public mutating func add(_ ms: Double) {
        let bucket = Int((max(0, ms) * 10).rounded(.up))
        buckets[bucket, default: 0] += 1
        count += 1
        maxMs = max(maxMs, ms)
    }

    public mutating func merge(_ other: LatenessHistogram) {
        buckets.merge(other.buckets, uniquingKeysWith: +)
        count += other.count
        maxMs = max(maxMs, other.maxMs)
    }

    /// Nearest-rank percentile, `p` in 0…1 (0 when empty).
    public func percentile(_ p: Double) -> Double {
        guard count > 0 else { return 0 }
        let rank = max(1, Int((p * Double(count)).rounded(.up)))
        var seen = 0
        for bucket in buckets.keys.sorted() {
            seen += buckets[bucket]!
            if seen >= rank { return Double(bucket) / 10 }
        }
        return maxMs
    }
}
