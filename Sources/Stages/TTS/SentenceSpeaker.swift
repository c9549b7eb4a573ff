import Resilience
import Speech
import SpeechCache
import SwitchboardCore

/// Speaks one sentence: from the cache when the clip is there, else from the engines (in
/// failover order) while they are still producing, storing the clip once it is whole.
///
/// What goes out for a sentence, in order: its audio frames (`turn`-tagged), a `trace` of
/// `tts.first_byte` right after the first frame, a `trace` of `tts.cache`, and the `spoken`
/// event. A sentence that cannot be spoken gets an `error` event instead, and the call goes on.
struct SentenceSpeaker: Sendable {
    let settings: SpeechSettings
    let stage: String

    enum Outcome: Sendable {
        case hit, miss, failed
    }

    /// What happened, and how many milliseconds of audio went out.
    func speak(_ sentence: SpeakableSentence, arrived: ContinuousClock.Instant, to output: some FrameSink) async throws -> (Outcome, ms: Int) {
        let label = "turn \(sentence.turn) sentence \(sentence.index)"
        guard let text = sentence.text else { return try await failed("\(label) has no \"text\" string", to: output) }
        guard text.contains(where: { !$0.isWhitespace }) else { return try await failed("\(label) is empty: nothing to say", to: output) }
        let said = settings.said(text)
        guard said.contains(where: { $0.isLetter || $0.isNumber }) else {
            return try await failed("\(label) has no letters or digits to say: \"\(text.prefix(60))\"", to: output)
        }
        guard said.count <= settings.maxChars else {
            return try await failed("\(label) is \(said.count) characters, over --max-chars \(settings.maxChars): not spoken", to: output)
        }
        var emitter = ClipEmitter(sentence: sentence, format: settings.format, frameMs: settings.frameMs, arrived: arrived, stage: stage)

        if let store = settings.store {
            let asked = ContinuousClock.now
            let lookup = await store.load(ClipKey(text: said, voice: settings.voices[settings.primary]!, format: settings.format))
            let lookupMs = (ContinuousClock.now - asked).milliseconds
            switch lookup {
            case .hit(let clip):
                try await emitter.send(clip.audio, to: output)
                try await emitter.finish(to: output)
                try await output.send(cacheTrace(sentence, ms: lookupMs, result: "hit"))
                try await output.send(spoken(sentence, said: said, clip: clip, cache: "hit", engine: settings.primary))
                return (.hit, clip.ms)
            case .damaged(let reason):
                try await output.send(.error(stage: stage, message: "\(label): \(reason)"))
            case .miss, .unavailable:
                break
            }
            try await output.send(cacheTrace(sentence, ms: lookupMs, result: "miss"))
        }

        var clip = SpeechClip(audio: [], words: [], format: settings.format)
        var engine = settings.primary
        do {
            for try await served in settings.failover.stream(SpeechJob(text: said, format: settings.format)) {
                engine = served.engine
                clip.audio += served.element.audio
                clip.words += served.element.words
                try await emitter.send(served.element.audio, to: output)
            }
        } catch let error as ChannelClosed {
            throw error
        } catch {
            // Stopped by an interrupt (or the call ending): nothing more goes out, nothing is stored.
            if Task.isCancelled || error is CancellationError { throw CancellationError() }
            try await emitter.finish(to: output)
            return try await failed("\(label): \(error)", to: output, ms: emitter.sentMs)
        }
        // A stream cut short by cancellation may end without an error: what ends here by an
        // interrupt is neither spoken nor stored.
        try Task.checkCancellation()
        try await emitter.finish(to: output)
        guard !clip.audio.isEmpty else {
            return try await failed("\(label): \(engine) produced no audio for \"\(said.prefix(60))\"", to: output)
        }
        if let store = settings.store, let voice = settings.voices[engine] {
            await store.save(clip, as: ClipKey(text: said, voice: voice, format: settings.format))
        }
        try await output.send(spoken(sentence, said: said, clip: clip, cache: "miss", engine: engine))
        return (.miss, clip.ms)
    }

    private func failed(_ message: String, to output: some FrameSink, ms: Int = 0) async throws -> (Outcome, ms: Int) {
        try await output.send(.error(stage: stage, message: message))
        return (.failed, ms)
    }

    private func cacheTrace(_ sentence: SpeakableSentence, ms: Double, result: String) -> Frame {
        var trace = Event.trace(stage: stage, name: "tts.cache", turn: sentence.turn, ms: ms)
        trace["result"] = .string(result)
        return .event(trace)
    }

    /// DESIGN §1's `spoken`: the words' offsets are the engine's, the same on a hit as on the
    /// miss that stored the clip.
    private func spoken(_ sentence: SpeakableSentence, said: String, clip: SpeechClip, cache: String, engine: String) -> Frame {
        .event(Event("spoken", [
            "turn": .int(sentence.turn), "index": .int(sentence.index), "text": .string(sentence.text ?? said), "said": .string(said),
            "ms": .int(clip.ms), "cache": .string(cache), "engine": .string(engine),
            "words": .array(clip.words.map { .object(["text": .string($0.text), "ms": .int($0.ms)]) }),
        ]))
    }
}
