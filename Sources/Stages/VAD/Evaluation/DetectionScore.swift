/// How well detected utterances match labelled speech, in the terms `vad eval` reports.
///
/// Frame-level counts use a 10 ms grid: a frame is speech when its middle lies inside an
/// interval. Onset and offset errors compare each labelled boundary with the nearest detected
/// boundary of the same kind within a second; an utterance no detection overlaps is missed. A false start is a detected utterance that overlaps no
/// labelled speech; they are counted per minute of labelled non-speech.
public struct DetectionScore: Sendable, Equatable {
    public var truePositive = 0
    public var falsePositive = 0
    public var falseNegative = 0
    public var onsetErrorSum = 0.0
    public var offsetErrorSum = 0.0
    public var onsets = 0
    public var offsets = 0
    public var missed = 0
    public var falseStarts = 0
    public var nonSpeechMs = 0
    /// Signed onset errors and missed frames at utterance edges.
    public var edges = EdgeScore()

    public static let gridMs = 10

    public init() {}

    /// Scores one recording of `durationMs`, labelled `truth`, detected as `detected`.
    public init(truth: [Range<Int>], detected: [Range<Int>], durationMs: Int) {
        let frames = durationMs / Self.gridMs
        let truthGrid = Self.grid(truth, frames: frames)
        let detectedGrid = Self.grid(detected, frames: frames)
        for i in 0..<frames {
            switch (truthGrid[i], detectedGrid[i]) {
            case (true, true): truePositive += 1
            case (false, true): falsePositive += 1
            case (true, false): falseNegative += 1
            case (false, false): break
            }
            if !truthGrid[i] { nonSpeechMs += Self.gridMs }
        }
        // Each labelled boundary is matched with the nearest detected one within a second;
        // farther away it was not detected (merged into a neighbour, or missed).
        let starts = detected.map(\.lowerBound), ends = detected.map(\.upperBound)
        for utterance in truth {
            guard detected.contains(where: { $0.overlaps(utterance) }) else {
                missed += 1
                continue
            }
            if let error = Self.nearest(utterance.lowerBound, in: starts) {
                onsets += 1
                onsetErrorSum += error
            }
            if let error = Self.nearest(utterance.upperBound, in: ends) {
                offsets += 1
                offsetErrorSum += error
            }
        }
        edges = EdgeScore(truth: truth, detected: detected, detectedGrid: detectedGrid) { Self.grid($0, frames: frames) }
        falseStarts = detected.filter { segment in !truth.contains { $0.overlaps(segment) } }.count
    }

    static let matchWindowMs = 1000

    private static func nearest(_ boundary: Int, in candidates: [Int]) -> Double? {
        let best = candidates.map { abs($0 - boundary) }.min()
        return best.flatMap { $0 <= matchWindowMs ? Double($0) : nil }
    }

    private static func grid(_ intervals: [Range<Int>], frames: Int) -> [Bool] {
        var grid = [Bool](repeating: false, count: frames)
        for interval in intervals {
            // Frames whose middle (i·10 + 5) lies in [lower, upper).
            let first = max(0, (interval.lowerBound - Self.gridMs / 2 + Self.gridMs - 1) / Self.gridMs)
            let last = min(frames - 1, (interval.upperBound - Self.gridMs / 2 - 1) / Self.gridMs)
            if first <= last { for i in first...last { grid[i] = true } }
        }
        return grid
    }

    public static func += (sum: inout Self, b: Self) {
        sum.truePositive += b.truePositive
        sum.falsePositive += b.falsePositive
        sum.falseNegative += b.falseNegative
        sum.onsetErrorSum += b.onsetErrorSum
        sum.offsetErrorSum += b.offsetErrorSum
        sum.onsets += b.onsets
        sum.offsets += b.offsets
        sum.missed += b.missed
        sum.falseStarts += b.falseStarts
        sum.nonSpeechMs += b.nonSpeechMs
        sum.edges += b.edges
    }

    public static func + (a: Self, b: Self) -> Self {
        var sum = a
        sum += b
        return sum
    }

    public var precision: Double { ratio(truePositive, truePositive + falsePositive) }
    public var recall: Double { ratio(truePositive, truePositive + falseNegative) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
    public var meanOnsetErrorMs: Double? { onsets > 0 ? onsetErrorSum / Double(onsets) : nil }
    public var meanOffsetErrorMs: Double? { offsets > 0 ? offsetErrorSum / Double(offsets) : nil }
    public var falseStartsPerMinute: Double { nonSpeechMs > 0 ? Double(falseStarts) * 60_000 / Double(nonSpeechMs) : 0 }

    private func ratio(_ a: Int, _ b: Int) -> Double { b > 0 ? Double(a) / Double(b) : 0 }
}

extension Array where Element == Endpointer.Transition {
    /// The utterances these transitions describe, as [start, end) in ms.
    public func utterances() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        for transition in self {
            switch transition {
            case .start(let ts): open = ts
            case .end(let ts):
                if let start = open, ts > start { result.append(start..<ts) }
                open = nil
            }
        }
        return result
    }
}
