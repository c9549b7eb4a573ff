import SwitchboardCore

/// Engines' results become `transcript` events. A lone engine's results go out as they come;
/// engines in competition send their interims from the first engine listed, and one final per
/// utterance, picked (`FinalPick`) once all have answered or `pickWait` after the first did.
/// Either way `endpoint:true` goes out exactly once per utterance that had words.
extension RecognitionCall {
    func received(_ recognition: Recognition, from laneID: Int) async throws {
        guard let lane = lanes.first(where: { $0.id == laneID }), var utterance = open[recognition.utterance] else { return }
        let competing = lanes.filter { $0.group == lane.group }
        if recognition.isLast, let endedAt = utterance.endedAt {
            try await send(.event(.sttTrace("stt.final_latency", utterance: utterance.number, ms: (ContinuousClock.now - endedAt).milliseconds, engine: lane.name)))
        }
        if competing.count == 1 {
            try await single(recognition, of: &utterance, from: lane)
            return
        }
        guard recognition.isFinal || recognition.isLast else {
            if lane.id == competing.first?.id, !recognition.text.isEmpty {
                try await send(.event(transcript(recognition.text, final: false, endpoint: false, of: utterance, recognition: recognition, engine: lane.name)))
            }
            return
        }
        var answer = utterance.answers[lane.id] ?? .init()
        answer.pieces.append(recognition.text)
        answer.confidence = recognition.confidence ?? answer.confidence
        answer.startTs = answer.startTs ?? recognition.startTs
        answer.endTs = recognition.endTs ?? answer.endTs
        answer.complete = recognition.isLast
        utterance.answers[lane.id] = answer
        if recognition.isLast, utterance.firstCompleteAt == nil {
            utterance.firstCompleteAt = .now
            let number = utterance.number
            let wait = settings.pickWait
            let timer = Task {
                try? await Task.sleep(for: wait)
                try? await self.decide(number)
            }
            _ = tasks.add(timer)
        }
        open[utterance.number] = utterance
        try await decideIfComplete(utterance.number)
    }

    /// A lone engine: interims and finals as they come, the last one with the endpoint.
    private func single(_ recognition: Recognition, of utterance: inout CallerUtterance, from lane: EngineLane) async throws {
        let text = recognition.text.trimmingCharacters(in: .whitespaces)
        if recognition.isLast {
            open[utterance.number] = nil
            guard !text.isEmpty || utterance.finalsSent > 0 else { return }
            try await send(.event(transcript(text, final: true, endpoint: true, of: utterance, recognition: recognition, engine: lane.name)))
            return
        }
        guard !text.isEmpty else { return }
        if recognition.isFinal { utterance.finalsSent += 1 }
        open[utterance.number] = utterance
        try await send(.event(transcript(text, final: recognition.isFinal, endpoint: false, of: utterance, recognition: recognition, engine: lane.name)))
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
