/// How Deepgram's `Results` become the stage's recognitions (deepgram-live.md §4): interims
/// while the caller speaks, finals as Deepgram settles stretches of audio, and for each
/// `end` exactly one `isLast` — the answer to its `Finalize`, or a `speech_final` that came
/// after the end and covers it, or nothing (an empty last) when the answer is late.
extension DeepgramCall {
    mutating func route(_ results: DeepgramResults) async throws {
        guard let clock = socket?.clock else { return }
        let isFinal = results.isFinal || results.speechFinal
        // Whose words: Deepgram answers in order, so a result that starts before an
        // utterance's `Finalize` (in stream time) belongs to the oldest one still waiting.
        // A flush answers the oldest `Finalize`, wherever its (possibly empty) window lies.
        let owner = results.fromFinalize ? finalizing.first?.utterance ?? current
            : finalizing.first { results.start * 1000 < $0.markMs }?.utterance ?? current
        guard let owner else {
            if !results.transcript.isEmpty { logger.warning("deepgram: late result for an utterance already answered, dropped: \(results.transcript)") }
            return
        }
        var recognition = Recognition(utterance: owner, text: results.transcript, isFinal: isFinal,
            confidence: results.transcript.isEmpty ? nil : results.confidence,
            startTs: results.transcript.isEmpty ? nil : clock.callMs(results.start),
            endTs: results.transcript.isEmpty ? nil : clock.callMs(results.end))
        guard isFinal else {
            if !results.transcript.isEmpty { try await emit(recognition) }
            return
        }
        if let settledMs = clock.callMs(results.windowEnd) { unsettled.settle(through: settledMs) }
        if let waiting = finalizing.first, waiting.utterance == owner, answers(waiting, results) {
            try await answer(owner, with: recognition)
        } else if !results.transcript.isEmpty {
            recognition.isLast = false
            try await emit(recognition)
        }
    }

    /// Whether a final result ends an utterance waiting on its `Finalize`: the flush itself, or
    /// an endpoint whose window reaches to within the endpointing silence of the `Finalize`
    /// (what is left after it is that silence, nothing to wait for).
    private func answers(_ waiting: Finalizing, _ results: DeepgramResults) -> Bool {
        if results.fromFinalize { return true }
        let slackMs = Double(engine.endpointingMs + 250)
        return results.speechFinal && results.windowEnd * 1000 >= waiting.markMs - slackMs
    }

    /// Ends utterance `utterance` (the oldest waiting) with `recognition` as its last result,
    /// or an empty one.
    mutating func answer(_ utterance: Int, with recognition: Recognition?) async throws {
        finalizing.removeAll { $0.utterance == utterance }
        unsettled.forget(utterance: utterance)
        var last = recognition ?? Recognition(utterance: utterance, text: "", isFinal: true)
        last.isFinal = true
        last.isLast = true
        try await emit(last)
    }
}
