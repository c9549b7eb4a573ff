import Speech
import SpeechCache
import SwitchboardCore

/// The `tts-cache` stage: `sentence` (or `text`) events in; for each, its audio out in the
/// requested codec and rate, tagged with its `turn`, then a `spoken` event. Everything else
/// passes through in order.
///
/// Two tasks: one reads, one speaks. Reading never waits for speech, so an `interrupt` takes
/// effect mid-sentence: synthesis of a cancelled turn stops (the HTTP request is aborted,
/// espeak's job dropped, nothing partial is cached), its queued sentences are dropped, and
/// the interrupt itself is sent on ahead of everything still queued.
public struct TTSCache: Stage {
    public let name = "tts-cache"
    public let settings: SpeechSettings

    public init(settings: SpeechSettings) { self.settings = settings }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        let inbox = SpeechInbox()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in input {
                    try await inbox.put(frame)
                    if frame.type == "stop" { break }
                }
                inbox.finish()
            }
            group.addTask {
                defer { inbox.close() }
                try await speak(from: inbox, to: output)
            }
            do {
                while try await group.next() != nil {}
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    private func speak(from inbox: SpeechInbox, to output: some FrameSink) async throws {
        var tally = (hits: 0, misses: 0)
        do {
            try await speak(from: inbox, to: output, tally: &tally)
        } catch {
            await record(tally)
            throw error
        }
        await record(tally)
    }

    /// Adds this call's hits and misses to the store's totals (for `tts-cache stats`).
    private func record(_ tally: (hits: Int, misses: Int)) async {
        await settings.store?.record(hits: tally.hits, misses: tally.misses)
    }

    private func speak(from inbox: SpeechInbox, to output: some FrameSink, tally: inout (hits: Int, misses: Int)) async throws {
        let speaker = SentenceSpeaker(settings: settings, stage: name)
        var numbering = SentenceNumbering()
        while let item = await inbox.next() {
            guard let event = item.frame.event, event.type == "sentence" || event.type == "text" else {
                if item.frame.type == "start" { numbering.reset() }
                try await output.send(item.frame)
                if item.frame.type == "stop" { return }
                continue
            }
            let sentence = numbering.sentence(from: event)
            guard !inbox.isCancelled(sentence.turn) else { continue }
            let result = try await inbox.speaking(turn: sentence.turn) { [speaker] in
                try await speaker.speak(sentence, arrived: item.arrived, to: output)
            }
            guard let (outcome, ms) = result else { continue }
            numbering.spoke(ms, in: sentence.turn)
            switch outcome {
            case .hit: tally.hits += 1
            case .miss: tally.misses += 1
            case .failed: break
            }
        }
    }
}
