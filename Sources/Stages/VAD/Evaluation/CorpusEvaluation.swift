import Audio
import Foundation
import SwitchboardCore

/// Runs a detector over a labelled corpus and scores it by condition (noise type and SNR), by
/// SNR over all noise types, and overall.
public struct CorpusEvaluation: Sendable {
    public struct Condition: Hashable, Sendable, Comparable {
        public var noise: String
        public var snrDB: Int?

        /// Clean first, then from the best SNR to the worst.
        public static func < (a: Self, b: Self) -> Bool {
            let sa = a.snrDB ?? Int.max, sb = b.snrDB ?? Int.max
            return sa != sb ? sa > sb : a.noise < b.noise
        }
    }

    public var detector: String
    public var cpuSeconds: Double
    public var audioSeconds: Double
    public var byCondition: [Condition: DetectionScore] = [:]

    /// The built-in detector over every recording, its CPU time measured around detection only.
    /// At `rate` 16000 the 8 kHz recordings are resampled first, to exercise the 16 kHz path.
    public static func builtIn(
        _ corpus: LabelledCorpus, rate: Int?, thresholdOffset: Float, endpointing: Endpointer.Settings,
        progress: (String) -> Void = { _ in }
    ) throws -> CorpusEvaluation {
        var evaluation = CorpusEvaluation(detector: "built-in", cpuSeconds: 0, audioSeconds: 0)
        for recording in corpus.recordings {
            var (samples, fileRate) = try corpus.samples(of: recording)
            if let rate, rate != fileRate {
                samples = try Resampler.resample(samples, from: fileRate, to: rate, quality: .medium)
                fileRate = rate
            }
            guard VoiceActivityDetector.rates.contains(fileRate) else {
                throw EvaluationError("\(recording.file) is at \(fileRate) Hz; the detector works at 8000 or 16000 Hz (try --rate 8000)")
            }
            progress(recording.file)
            var segmenter = SpeechSegmenter(rate: fileRate, thresholdOffset: thresholdOffset, endpointing: endpointing)
            let started = processCPUSeconds()
            var transitions = samples.withUnsafeBufferPointer { segmenter.feed($0, ts: 0) }
            if let last = segmenter.finish() { transitions.append(last) }
            evaluation.cpuSeconds += processCPUSeconds() - started
            evaluation.audioSeconds += Double(samples.count) / Double(fileRate)
            evaluation.add(recording, detected: transitions.utterances())
        }
        return evaluation
    }

    /// Another detector's decisions (`FrameDecisions`), through the same endpointer.
    public static func decisions(
        _ decisions: FrameDecisions, corpus: LabelledCorpus, endpointing: Endpointer.Settings
    ) throws -> CorpusEvaluation {
        var evaluation = CorpusEvaluation(detector: decisions.detector, cpuSeconds: decisions.cpuSeconds, audioSeconds: decisions.audioSeconds)
        for recording in corpus.recordings {
            guard let detected = decisions.utterances(of: recording.file, endpointing: endpointing) else {
                throw EvaluationError("the decisions of \(decisions.detector) have no entry for \(recording.file)")
            }
            evaluation.add(recording, detected: detected)
        }
        return evaluation
    }

    mutating func add(_ recording: LabelledCorpus.Recording, detected: [Range<Int>]) {
        let score = DetectionScore(truth: recording.intervals, detected: detected, durationMs: recording.durationMs)
        byCondition[Condition(noise: recording.noise, snrDB: recording.snrDB), default: DetectionScore()] += score
    }

    /// Scores summed over noise types, per SNR (nil: clean), best SNR first.
    public var bySNR: [(snrDB: Int?, score: DetectionScore)] {
        var sums: [Int?: DetectionScore] = [:]
        for (condition, score) in byCondition { sums[condition.snrDB, default: DetectionScore()] += score }
        return sums.sorted { ($0.key ?? Int.max) > ($1.key ?? Int.max) }.map { ($0.key, $0.value) }
    }

    public var overall: DetectionScore { byCondition.values.reduce(DetectionScore(), +) }

    /// The report as JSON, for scripts (`vad eval --json`).
    public var json: JSON {
        func metrics(_ score: DetectionScore, _ leading: JSONObject = [:]) -> JSON {
            var object = leading
            object["precision"] = .double(rounded(score.precision, 4))
            object["recall"] = .double(rounded(score.recall, 4))
            object["f1"] = .double(rounded(score.f1, 4))
            object["onset_error_ms"] = score.meanOnsetErrorMs.map { .double(rounded($0, 1)) } ?? .null
            object["offset_error_ms"] = score.meanOffsetErrorMs.map { .double(rounded($0, 1)) } ?? .null
            object["false_starts_per_min"] = .double(rounded(score.falseStartsPerMinute, 2))
            object["missed_utterances"] = .int(score.missed)
            let edges = score.edges
            object["onset_signed_ms"] = [
                "mean": edges.meanOnsetErrorMs.map { .double(rounded($0, 1)) } ?? .null,
                "median": edges.onsetErrorPercentileMs(0.5).map { .int($0) } ?? .null,
                "p90": edges.onsetErrorPercentileMs(0.9).map { .int($0) } ?? .null,
                "count": .int(edges.onsetErrorsMs.count),
            ]
            object["onset_edge_missed"] = .double(rounded(edges.onsetEdgeMissRate, 4))
            object["offset_edge_missed"] = .double(rounded(edges.offsetEdgeMissRate, 4))
            object["edge_missed"] = .double(rounded(edges.edgeMissRate, 4))
            return .object(object)
        }
        let snr: (Int?) -> JSON = { $0.map { .int($0) } ?? .null }
        return [
            "detector": .string(detector),
            "cpu_seconds": .double(rounded(cpuSeconds, 4)),
            "audio_seconds": .double(rounded(audioSeconds, 2)),
            "rows": .array(byCondition.sorted { $0.key < $1.key }.map {
                metrics($0.value, ["noise": .string($0.key.noise), "snr_db": snr($0.key.snrDB)])
            }),
            "by_snr": .array(bySNR.map { metrics($0.score, ["snr_db": snr($0.snrDB)]) }),
            "overall": metrics(overall),
        ]
    }
}

private func rounded(_ value: Double, _ places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
}

/// CPU time of this process so far (all threads), in seconds.
public func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
