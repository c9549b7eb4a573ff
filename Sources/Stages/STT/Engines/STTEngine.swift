import Channels
import Speech
import SwitchboardCore

/// A speech recognizer as `stt-stream` drives it: embedded pocketsphinx, Deepgram's live
/// socket, or a Whisper-style HTTP server.
///
/// The stage hears the whole call and hands each engine only the caller's utterances: a
/// `begin` (with what the dialogue listens for), the utterance's audio from its pre-roll on,
/// and an `end` when the VAD says the caller stopped. Between utterances nothing is sent, so
/// a cloud engine is not paid for silence (Deepgram's engine keeps its socket open with
/// `KeepAlive`). An engine answers with `Recognition`s: interims while the caller speaks, one
/// or more finals, and exactly one result with `isLast` after each `end`.
public protocol STTEngine: Sendable {
    /// `pocketsphinx`, `deepgram`, `whisper`: in `transcript.engine`, traces and errors.
    var name: String { get }

    /// The audio this engine wants when the call carries `call`: the same when it takes that
    /// format as it is (Deepgram takes µ-law at 8 kHz, so no needless decode), otherwise what
    /// it needs (pocketsphinx: pcm16 at 16 kHz). The stage converts.
    func inputFormat(for call: SpeechFormat) -> SpeechFormat

    /// Recognizes one call: reads `input` until it finishes, calling `emit` for every result in
    /// order. Throws when the engine cannot go on (a socket lost beyond repair, an HTTP error,
    /// a refused connection): the stage then hands the current utterance, from its `begin`, to
    /// the next engine. Cancelling the task releases everything (sockets closed, decoders back
    /// in their pool, HTTP transfers aborted).
    func recognize(_ input: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws
}

/// What the stage tells an engine, in order.
public enum RecognitionInput: Sendable {
    /// Utterance `utterance` (numbered from 1 per call) begins; its audio starts at `ts`
    /// (call milliseconds, pre-roll included). `listen`: what the dialogue waits for, when known.
    case begin(utterance: Int, ts: Int, listen: ListenContext?)
    /// The utterance's audio in the engine's `inputFormat`; `ts` in call milliseconds.
    case audio(AudioChunk)
    /// The caller stopped (VAD end at `ts`): finish the utterance, answer with `isLast`.
    case end(utterance: Int, ts: Int)
}

/// Audio for an engine.
public struct AudioChunk: Sendable {
    public var format: SpeechFormat
    public var ts: Int
    public var bytes: [UInt8]

    public init(format: SpeechFormat, ts: Int, bytes: [UInt8]) {
        self.format = format
        self.ts = ts
        self.bytes = bytes
    }

    public var durationMs: Int { bytes.count * 1000 / max(1, format.rate * format.codec.bytesPerSample) }
}

/// One result from an engine.
public struct Recognition: Sendable, Equatable {
    public var utterance: Int
    public var text: String
    /// Settled text (not replaced by later results); interims are `false`.
    public var isFinal: Bool
    /// The utterance's last result, answering its `end` (final, possibly empty text).
    public var isLast: Bool
    /// 0…1 where the engine says.
    public var confidence: Double?
    /// Call milliseconds of the recognized speech, where the engine says.
    public var startTs: Int?
    public var endTs: Int?

    public init(utterance: Int, text: String, isFinal: Bool, isLast: Bool = false, confidence: Double? = nil, startTs: Int? = nil, endTs: Int? = nil) {
        self.utterance = utterance
        self.text = text
        self.isFinal = isFinal
        self.isLast = isLast
        self.confidence = confidence
        self.startTs = startTs
        self.endTs = endTs
    }
}
