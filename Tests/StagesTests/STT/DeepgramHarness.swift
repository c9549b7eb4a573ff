import Audio
import Channels
import Foundation
import Logging
import Speech
@testable import Stages
import Supervisor
import SwitchboardCore

/// Drives a cloud `STTEngine` as the stage would: the test feeds utterances into its input
/// channel; what the engine emits is collected for the test to wait on and inspect.
final class CloudRecognitionRun: @unchecked Sendable {
    let input = BoundedChannel<RecognitionInput>(limits: .init(count: 64))
    private let lock = NSLock()
    private var collected: [Recognition] = []
    private var task: Task<Void, any Error>!

    init(_ engine: any STTEngine) {
        task = Task { [input] in
            try await engine.recognize(input) { recognition in self.lock.withLock { self.collected.append(recognition) } }
        }
    }

    var recognitions: [Recognition] { lock.withLock { collected } }

    /// Utterance `number`: `begin` at `ts`, `audio` in 20 ms chunks, `end` after its last.
    func say(_ number: Int, _ audio: [UInt8], format: SpeechFormat, ts: Int) async throws {
        try await input.send(.begin(utterance: number, ts: ts, listen: nil))
        for chunk in Self.chunks(audio, format: format, ts: ts) { try await input.send(.audio(chunk)) }
        try await input.send(.end(utterance: number, ts: ts + audio.count * 1000 / format.bytesPerSecond))
    }

    static func chunks(_ audio: [UInt8], format: SpeechFormat, ts: Int) -> [AudioChunk] {
        let size = format.bytesPerSecond / 50
        return stride(from: 0, to: audio.count, by: size).map { start in
            AudioChunk(format: format, ts: ts + start * 1000 / format.bytesPerSecond, bytes: Array(audio[start..<min(start + size, audio.count)]))
        }
    }

    /// Waits (up to `timeout`) for the `isLast` of `utterance`.
    @discardableResult
    func last(of utterance: Int, timeout: Duration = .seconds(60)) async throws -> Recognition {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let last = recognitions.first(where: { $0.utterance == utterance && $0.isLast }) { return last }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw CloudRunTimeout(what: "the last result of utterance \(utterance); got \(recognitions)")
    }

    /// Ends the input and waits for `recognize` to return (or throw).
    func finish() async throws {
        input.finish()
        try await task.value
    }

    func cancel() { task.cancel() }
}

struct CloudRunTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Speech from espeak-ng with quiet around it, as a caller's utterance with its pre-roll and
/// the VAD's trailing silence.
func spokenUtterance(_ text: String, format: SpeechFormat, quietBeforeMs: Int = 200, quietAfterMs: Int) async throws -> (audio: [UInt8], onsetMs: Int) {
    let speech = try await SynthesizedSpeech(text, rate: format.rate)
    let spoken = Array(speech.samples[(speech.onsetMs * format.rate / 1000)..<(speech.offsetMs * format.rate / 1000)])
    let samples = [Int16](repeating: 0, count: quietBeforeMs * format.rate / 1000) + spoken
        + [Int16](repeating: 0, count: quietAfterMs * format.rate / 1000)
    return (format.codec == .mulaw ? MuLaw.encode(samples) : PCM16.bytes(samples), quietBeforeMs)
}

/// A generous Finalize deadline by default: on a loaded machine the mock's answer can take
/// seconds, and a test that is not about the deadline must not see it expire.
func deepgramEngine(_ root: String, keepAlive: Duration = .seconds(4), finalizeTimeout: Duration = .seconds(15),
                    closeTimeout: Duration = .seconds(3)) -> DeepgramSTTEngine {
    var logger = Logger(label: "test.deepgram")
    logger.logLevel = .error
    return DeepgramSTTEngine(key: "test-key", baseURL: root, keepAliveInterval: keepAlive, finalizeTimeout: finalizeTimeout,
        closeTimeout: closeTimeout, reconnectBackoff: .milliseconds(50), logger: logger)
}
