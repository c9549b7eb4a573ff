import SwitchboardCore

/// Engines' results become `transcript` events. A lone engine's results go out as they come;
/// engines in competition send their interims from the first engine listed, and one final per
/// utterance, picked (`FinalPick`) once all have answered or `pickWait` after the first did.
/// Either way `endpoint:true` goes out exactly once per utterance that had words.
extension RecognitionCall {
    func received(_ recognition: Recognition, from laneID: Int) async throws {
        lastResult = .now
        guard let lane = lanes.first(where: { $0.id == laneID }), let utterance = open[recognition.utterance] else { return }
        // State changes happen before the first `await`: another engine's result may run in
        // between (actor reentrancy) and must see them.
        let latency = recognition.isLast ? utterance.endedAt.map { (ContinuousClock.now - $0).milliseconds } : nil
        let competing = lanes.filter { $0.group == lane.group }
        if competing.count == 1 {
            sending += 1
            defer { sending -= 1 }
            let transcript = single(recognition, of: utterance.number, from: lane)
            if let latency { try await send(.event(.sttTrace("stt.final_latency", utterance: utterance.number, ms: latency, engine: lane.name))) }
            if let transcript { try await send(.event(transcript)) }
            return
        }
        if recognition.isFinal || recognition.isLast {
            compete(recognition, of: utterance.number, from: lane)
        }
        if let latency { try await send(.event(.sttTrace("stt.final_latency", utterance: utterance.number, ms: latency, engine: lane.name))) }
        if !recognition.isFinal, !recognition.isLast, lane.id == competing.first?.id, !recognition.text.isEmpty {
            try await send(.event(transcript(recognition.text, final: false, endpoint: false, of: utterance, recognition: recognition, engine: lane.name)))
        }
        try await decideIfComplete(utterance.number)
    }

    /// Adds a competing engine's final to its answer; the first complete answer starts the
    /// pick's timer.
    private func compete(_ recognition: Recognition, of number: Int, from lane: EngineLane) {
        var answer = open[number]!.answers[lane.id] ?? .init()
        answer.pieces.append(recognition.text)
        answer.confidence = recognition.confidence ?? answer.confidence
        answer.startTs = answer.startTs ?? recognition.startTs
        answer.endTs = recognition.endTs ?? answer.endTs
        answer.complete = recognition.isLast
        open[number]!.answers[lane.id] = answer
        guard recognition.isLast, open[number]!.firstCompleteAt == nil else { return }
        open[number]!.firstCompleteAt = .now
        let wait = settings.pickWait
        _ = tasks.add(Task {
            try? await Task.sleep(for: wait)
            try? await self.decide(number)
        })
    }

    /// A lone engine: interims and finals as they come, the last one with the endpoint.
    private func single(_ recognition: Recognition, of number: Int, from lane: EngineLane) -> Event? {
        let text = recognition.text.trimmingCharacters(in: .whitespaces)
        if recognition.isLast {
            guard let utterance = open.removeValue(forKey: number), !text.isEmpty || utterance.finalsSent > 0 else { return nil }
            return transcript(text, final: true, endpoint: true, of: utterance, recognition: recognition, engine: lane.name)
        }
        guard !text.isEmpty, open[number] != nil else { return nil }
        if recognition.isFinal { open[number]!.finalsSent += 1 }
        return transcript(text, final: recognition.isFinal, endpoint: false, of: open[number]!, recognition: recognition, engine: lane.name)
    }

    /// Picks now if every competing engine has answered.
    func decideIfComplete(_ number: Int) async throws {
        guard let utterance = open[number], utterance.firstCompleteAt != nil else { return }
        let competing = lanes.filter { $0.group == group }
        if competing.allSatisfy({ utterance.answers[$0.id]?.complete == true }) { try await decide(number) }
    }

    /// Sends the winning final of utterance `number` (once), with the others as `alternatives`.
    func decide(_ number: Int) async throws {
        guard let utterance = open.removeValue(forKey: number) else { return }
        sending += 1
        defer { sending -= 1 }
        let order = lanes.map(\.id)
        let answered = utterance.answers.filter { $0.value.complete }.sorted { (order.firstIndex(of: $0.key) ?? .max) < (order.firstIndex(of: $1.key) ?? .max) }
        let names = Dictionary(uniqueKeysWithValues: lanes.map { ($0.id, $0.name) })
        let candidates = answered.map { FinalPick.Candidate(engine: names[$0.key] ?? "?", text: $0.value.text, confidence: $0.value.confidence) }
        guard !candidates.isEmpty else { return }
        let pick = FinalPick(candidates, listen: utterance.listen, reads: settings.reads)
        guard !pick.winner.text.isEmpty || pick.others.contains(where: { !$0.text.isEmpty }) else { return }
        let waited = utterance.firstCompleteAt.map { (ContinuousClock.now - $0).milliseconds } ?? 0
        var pickTrace = Event.sttTrace("stt.pick", utterance: number, ms: waited, engine: pick.winner.engine)
        pickTrace["reason"] = .string(pick.reason)
        try await send(.event(pickTrace))
        let winner = answered.first { names[$0.key] == pick.winner.engine }?.value
        var event = transcript(pick.winner.text, final: true, endpoint: true, of: utterance,
                               recognition: Recognition(utterance: number, text: pick.winner.text, isFinal: true, isLast: true,
                                                        confidence: pick.winner.confidence, startTs: winner?.startTs, endTs: winner?.endTs),
                               engine: pick.winner.engine)
        event["alternatives"] = .array(pick.others.map { other in
            var object: JSONObject = ["engine": .string(other.engine), "text": .string(other.text)]
            if let confidence = other.confidence { object["confidence"] = .double(confidence) }
            return .object(object)
        })
        try await send(.event(event))
    }

    private func transcript(_ text: String, final: Bool, endpoint: Bool, of utterance: CallerUtterance, recognition: Recognition, engine: String) -> Event {
        var fields: JSONObject = ["text": .string(text), "final": .bool(final), "endpoint": .bool(endpoint)]
        if let confidence = recognition.confidence { fields["confidence"] = .double((confidence * 1000).rounded() / 1000) }
        fields["ts"] = .int(recognition.startTs ?? utterance.ts)
        fields["end"] = .int(recognition.endTs ?? utterance.endTs ?? utterance.lastTs)
        fields["engine"] = .string(engine)
        return Event("transcript", fields)
    }
}

extension Event {
    /// A `trace` of this stage for one caller utterance (its number stands for the turn).
    static func sttTrace(_ name: String, utterance: Int, ms: Double, engine: String) -> Event {
        var event = Event.trace(stage: "stt-stream", name: name, turn: utterance, ms: ms)
        event["engine"] = .string(engine)
        return event
    }
}
