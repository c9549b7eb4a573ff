import Audio
import Speech
import SwitchboardCore

/// Cuts a sentence's audio into frames as it comes, tagged with the turn and the turn's media
/// time, and reports `tts.first_byte` after the first one.
struct ClipEmitter {
    let sentence: SpeakableSentence
    let format: SpeechFormat
    let arrived: ContinuousClock.Instant
    let stage: String
    private var chunker: AudioChunker
    private var sentFirst = false

    init(sentence: SpeakableSentence, format: SpeechFormat, frameMs: Int, arrived: ContinuousClock.Instant, stage: String) {
        self.sentence = sentence
        self.format = format
        self.arrived = arrived
        self.stage = stage
        chunker = AudioChunker(rate: format.rate, bytesPerSample: format.codec.bytesPerSample, frameMs: frameMs, startMs: sentence.startMs)
    }

    /// Milliseconds of audio sent so far.
    var sentMs: Int { chunker.nextTs - sentence.startMs }

    mutating func send(_ audio: [UInt8], to output: some FrameSink) async throws {
        chunker.append(audio)
        while let piece = chunker.nextFrame() { try await send(piece, to: output) }
    }

    mutating func finish(to output: some FrameSink) async throws {
        if let rest = chunker.flush(), !rest.payload.isEmpty { try await send(rest, to: output) }
    }

    private mutating func send(_ piece: (ts: Int, payload: [UInt8]), to output: some FrameSink) async throws {
        // A sentence stopped by an interrupt sends nothing more, even when the next stage
        // has room (a send that would wait already stops on cancellation).
        try Task.checkCancellation()
        try await output.send(.audio(AudioFrame(codec: format.codec, rate: format.rate, ts: piece.ts, turn: sentence.turn, payload: piece.payload)))
        if !sentFirst {
            sentFirst = true
            try await output.send(.event(.trace(stage: stage, name: "tts.first_byte", turn: sentence.turn, ms: (ContinuousClock.now - arrived).milliseconds)))
        }
    }
}
