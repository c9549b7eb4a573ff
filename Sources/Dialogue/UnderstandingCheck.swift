/// Checks an outside `Understanding` against the state it was asked about: the intent must be
/// one the state understands (or none), and each value must be one its slot's type reads.
/// What fails is dropped, never guessed at; an unknown intent rejects the whole reading, so the
/// script's own matcher decides that turn.
struct UnderstandingCheck {
    let script: ScriptDefinition
    let state: StateDefinition
    /// Slots already held: values for them are corrections, so they are accepted too.
    let filled: [String: String]
    let today: CalendarDay

    /// The intent as a match, nil for "none of them"; `values` are the accepted slot values.
    func accept(_ understood: Understanding) -> (match: IntentMatcher.Match?, values: [String: String])? {
        var intent: IntentDefinition?
        if let name = understood.intent {
            guard let known = (state.intents + script.intents).first(where: { $0.name == name }) else { return nil }
            intent = known
        }
        let values = acceptedValues(understood.slots)
        let match = intent.map { intent in
            var captures = values
            if let condition = intent.condition, let value = condition.value { captures[condition.slot] = value }
            // Not `exact`: the words stay free for the slots the turn goes on to read.
            return IntentMatcher.Match(intent: intent, strength: .init(tier: .cue, score: 1), captures: captures)
        }
        return (match, values)
    }

    private func acceptedValues(_ raw: [String: String]) -> [String: String] {
        let answerable = Set(script.understandableSlots(in: state, filled: filled).map(\.name))
        let context = ExtractionContext(today: today, mode: .expected)
        var values: [String: String] = [:]
        for (name, text) in raw where answerable.contains(name) {
            guard let slot = script.slots[name] else { continue }
            let words = Utterance(text)
            if let value = slot.extractor.value(of: words.tokens[...], context: context) { values[name] = value }
        }
        return values
    }
}
