/// How early a detector catches the caller and how much of each utterance's first and last
/// moments it keeps: the part of `vad eval` that F1 blurs, since a detector that is late at
/// every onset loses few frames overall but cuts the first word and slows barge-in.
///
/// Only utterance edges count: labelled speech that follows at least `pauseMs` of labelled
/// non-speech (or opens the file) starts an utterance, speech followed by as much ends one. The
/// gaps inside a sentence are bridged by the endpointer and are no one's onset.
public struct EdgeScore: Sendable, Equatable {
    public static let pauseMs = 300
    /// How much of an utterance's start and end counts as its edge.
    public static let edgeMs = 200

    /// Detected start minus labelled start (ms; positive = late) for every utterance onset with
    /// a detected start within `DetectionScore.matchWindowMs`.
    public var onsetErrorsMs: [Int] = []
    /// 10 ms speech frames in the first `edgeMs` of utterances, and those not detected.
    public var onsetEdgeFrames = 0
    public var onsetEdgeMissed = 0
    /// The same for the last `edgeMs`.
    public var offsetEdgeFrames = 0
    public var offsetEdgeMissed = 0

    public init() {}

    init(truth: [Range<Int>], detected: [Range<Int>], detectedGrid: [Bool], grid: ([Range<Int>]) -> [Bool]) {
        let sorted = truth.sorted { $0.lowerBound < $1.lowerBound }
        var onsetEdges: [Range<Int>] = [], offsetEdges: [Range<Int>] = []
        let starts = detected.map(\.lowerBound)
        for (i, interval) in sorted.enumerated() {
            let pauseBefore = i == 0 || interval.lowerBound - sorted[i - 1].upperBound >= Self.pauseMs
            let pauseAfter = i == sorted.count - 1 || sorted[i + 1].lowerBound - interval.upperBound >= Self.pauseMs
            if pauseBefore {
                onsetEdges.append(interval.lowerBound..<min(interval.upperBound, interval.lowerBound + Self.edgeMs))
                let nearest = starts.min { abs($0 - interval.lowerBound) < abs($1 - interval.lowerBound) }
                if let nearest, abs(nearest - interval.lowerBound) <= DetectionScore.matchWindowMs {
                    onsetErrorsMs.append(nearest - interval.lowerBound)
                }
            }
            if pauseAfter {
                offsetEdges.append(max(interval.lowerBound, interval.upperBound - Self.edgeMs)..<interval.upperBound)
            }
        }
        (onsetEdgeFrames, onsetEdgeMissed) = Self.count(grid(onsetEdges), detectedGrid)
        (offsetEdgeFrames, offsetEdgeMissed) = Self.count(grid(offsetEdges), detectedGrid)
    }

    private static func count(_ edge: [Bool], _ detected: [Bool]) -> (frames: Int, missed: Int) {
        var frames = 0, missed = 0
        for i in edge.indices where edge[i] {
            frames += 1
            if !detected[i] { missed += 1 }
        }
        return (frames, missed)
    }

    public static func += (sum: inout Self, b: Self) {
        sum.onsetErrorsMs += b.onsetErrorsMs
        sum.onsetEdgeFrames += b.onsetEdgeFrames
        sum.onsetEdgeMissed += b.onsetEdgeMissed
        sum.offsetEdgeFrames += b.offsetEdgeFrames
        sum.offsetEdgeMissed += b.offsetEdgeMissed
    }

    public var meanOnsetErrorMs: Double? {
        onsetErrorsMs.isEmpty ? nil : Double(onsetErrorsMs.reduce(0, +)) / Double(onsetErrorsMs.count)
    }

    /// The signed onset error below which `fraction` of onsets lie (nearest rank): 0.5 is the median.
    public func onsetErrorPercentileMs(_ fraction: Double) -> Int? {
        guard !onsetErrorsMs.isEmpty else { return nil }
        let sorted = onsetErrorsMs.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// Shares of edge frames missed, 0–1.
    public var onsetEdgeMissRate: Double { onsetEdgeFrames > 0 ? Double(onsetEdgeMissed) / Double(onsetEdgeFrames) : 0 }
    public var offsetEdgeMissRate: Double { offsetEdgeFrames > 0 ? Double(offsetEdgeMissed) / Double(offsetEdgeFrames) : 0 }
    public var edgeMissRate: Double {
        let frames = onsetEdgeFrames + offsetEdgeFrames
        return frames > 0 ? Double(onsetEdgeMissed + offsetEdgeMissed) / Double(frames) : 0
    }
}
