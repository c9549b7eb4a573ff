import Foundation
import Providers
import Speech
import Stages
import Synchronization

/// An engine whose behaviour a test chooses, for what espeak is too fast or too reliable to
/// show: a sentence that is still being synthesized when the interrupt comes, an engine that
/// refuses. It records what it was asked and how its streams ended.
final class TestSpeechEngine: TTSEngine {
    enum Behaviour: Sendable {
        /// One 100 ms chunk of µ-law, then more only when the reader cancels (never).
        case hangsAfterFirstChunk
        /// Throws before any audio, as an HTTP 500 would.
        case fails
        /// A 200 ms clip in two chunks, with one word.
        case speaks
    }

    let name: String
    let behaviour: @Sendable (String) -> Behaviour
    private let log = Mutex((requests: [String](), cancelled: 0))

    init(name: String = "test", behaviour: @escaping @Sendable (String) -> Behaviour) {
        self.name = name
        self.behaviour = behaviour
    }

    var voiceIdentity: String { "\(name) voice=plain" }
    var requests: [String] { log.withLock { $0.requests } }
    var cancelled: Int { log.withLock { $0.cancelled } }

    func synthesize(_ text: String, format: SpeechFormat, group: String?) async throws -> AsyncThrowingStream<SpeechChunk, any Error> {
        log.withLock { $0.requests.append(text) }
        let chunk = SpeechChunk(audio: [UInt8](repeating: 0x55, count: format.bytesPerSecond / 10), words: [])
        switch behaviour(text) {
        case .fails:
            throw ProviderError(kind: .serverError, status: 500, message: "test engine is down")
        case .speaks:
            let chunks = Mutex([SpeechChunk(audio: chunk.audio, words: [SpokenWord(text: text, ms: 0)]), chunk])
            return AsyncThrowingStream { chunks.withLock { $0.isEmpty ? nil : $0.removeFirst() } }
        case .hangsAfterFirstChunk:
            let sent = Mutex(false)
            return AsyncThrowingStream { [self] in
                let first = sent.withLock { wasSent -> Bool in
                    defer { wasSent = true }
                    return !wasSent
                }
                if first { return chunk }
                do {
                    try await Task.sleep(for: .seconds(60))
                } catch {
                    self.log.withLock { $0.cancelled += 1 }
                    throw error
                }
                return nil
            }
        }
    }
}
