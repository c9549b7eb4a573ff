import Channels
import Foundation
import Speech
import Stages
import SwitchboardCore

/// A recognizer for the stage's own tests: it records what the stage hands it, answers each
/// utterance with text the test chose (an interim after its first audio, the final at `end`),
/// and can fail after a number of audio chunks, the way a dropped socket would.
final class TestRecognizer: STTEngine, @unchecked Sendable {
    let name: String
    let format: SpeechFormat?
    private let lock = NSLock()
    private var answers: [String]
    private var confidence: Double?
    private var failAfterChunks: Int?
    /// Fails at an utterance's end, this long after it, instead of answering.
    private var failAtEndAfter: Duration?
    private var recorded: [RecognitionInput] = []

    init(name: String, answers: [String], confidence: Double? = nil, format: SpeechFormat? = nil, failAfterChunks: Int? = nil, failAtEndAfter: Duration? = nil) {
        self.name = name
        self.answers = answers
        self.confidence = confidence
        self.format = format
        self.failAfterChunks = failAfterChunks
        self.failAtEndAfter = failAtEndAfter
    }

    struct Failed: Error, CustomStringConvertible { var description: String { "connection lost (test)" } }

    var inputs: [RecognitionInput] { lock.withLock { recorded } }
    var begins: [(utterance: Int, ts: Int, listen: ListenContext?)] {
        inputs.compactMap { if case .begin(let u, let ts, let listen) = $0 { (u, ts, listen) } else { nil } }
    }
    var chunks: [AudioChunk] { inputs.compactMap { if case .audio(let chunk) = $0 { chunk } else { nil } } }

    func inputFormat(for call: SpeechFormat) -> SpeechFormat { format ?? call }

    func recognize(_ input: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws {
        var heardAudio: Set<Int> = []
        var current = 0
        for await item in input {
            let failNow: Bool = lock.withLock {
                recorded.append(item)
                guard case .audio = item, let limit = failAfterChunks else { return false }
                failAfterChunks = limit - 1
                return limit <= 1
            }
            if failNow { throw Failed() }
            switch item {
            case .begin(let utterance, _, _): current = utterance
            case .audio:
                if !heardAudio.contains(current) {
                    heardAudio.insert(current)
                    try await emit(Recognition(utterance: current, text: "…", isFinal: false))
                }
            case .end(let utterance, let ts):
                if let failAtEndAfter {
                    try await Task.sleep(for: failAtEndAfter)
                    throw Failed()
                }
                let text = lock.withLock { answers.isEmpty ? "" : answers.removeFirst() }
                try await emit(Recognition(utterance: utterance, text: text, isFinal: true, isLast: true, confidence: confidence, endTs: ts))
            }
        }
    }
}

/// Frames of one call: `silenceMs` of quiet, `vad start`, speech, `vad end`, at 8 kHz pcm16.
func utteranceFrames(startMs: Int, speechMs: Int, silenceBeforeMs: Int = 500) -> [Frame] {
    var frames: [Frame] = []
    var ts = startMs
    for _ in 0..<(silenceBeforeMs / 20) {
        frames.append(pcm16Frame([Int16](repeating: 0, count: 160), rate: 8000, ts: ts))
        ts += 20
    }
    frames.append(.event(Event("vad", ["event": "start", "ts": .int(ts)])))
    for _ in 0..<(speechMs / 20) {
        frames.append(pcm16Frame(tone(160, rate: 8000), rate: 8000, ts: ts))
        ts += 20
    }
    frames.append(.event(Event("vad", ["event": "end", "ts": .int(ts)])))
    return frames
}

extension STTSettings {
    /// Settings for a test: the stage waits up to a minute for engines at the end of input, so
    /// that a CPU-starved test machine does not make it give up on answers still coming.
    static func patient(groups: [[any STTEngine]], reads: @escaping @Sendable (String, ListenContext.Slot) -> Bool = { _, _ in false }) -> STTSettings {
        var settings = STTSettings(groups: groups, reads: reads)
        settings.drainDeadline = .seconds(60)
        return settings
    }
}
