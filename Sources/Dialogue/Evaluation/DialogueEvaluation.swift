/// An understander for the LLM-guided path of an evaluation: nil when it gave nothing usable
/// (the script's own matcher then decides, as in a call).
public typealias DialogueUnderstander = @Sendable (_ utterance: String, _ choices: UnderstandingChoices,
                                                  _ today: CalendarDay) async -> Understanding?

/// Runs a script over `DialogueCases` and counts what it got right.
public enum DialogueEvaluation {
    /// `bookingState`: calls expected to end there are the bookings counted apart.
    public static func run(_ cases: DialogueCases, script: DialogueScript, bookingState: String = "booked",
                           understand: DialogueUnderstander? = nil) async -> DialogueScore {
        var score = DialogueScore()
        let today = cases.today
        func respond(_ said: String, _ state: DialogueState) async -> DialogueTurn {
            var understood: Understanding?
            if let understand { understood = await understand(said, script.understandingChoices(in: state), today) }
            return script.respond(to: said, in: state, today: today, understood: understood)
        }
        for item in cases.utterances {
            let before = DialogueState(state: item.state ?? script.begin().state, slots: item.given)
            let turn = await respond(item.say, before)
            var wrong: [String] = []
            score.intents.count(turn.intent == item.intent)
            if turn.intent != item.intent { wrong.append("intent \(item.intent ?? "none") → \(turn.intent ?? "none")") }
            for (slot, expected) in item.slots.sorted(by: { $0.key < $1.key }) {
                let right = script.sameValue(turn.state.slots[slot], expected, slot: slot)
                score.slots.count(right)
                if !right { wrong.append("\(slot) \(expected) → \(turn.state.slots[slot] ?? "none")") }
            }
            score.utterances.count(wrong.isEmpty)
            if !wrong.isEmpty {
                score.misses.append("\(item.location): \"\(item.say)\" in \(before.state): \(wrong.joined(separator: ", ")); agent: \"\(turn.reply)\"")
            }
        }
        for call in cases.calls {
            var state = script.begin()
            var replies: [String] = []
            for said in call.turns {
                let turn = await respond(said, state)
                state = turn.state
                replies.append(turn.reply)
            }
            let right = state.state == call.state
                && call.slots.allSatisfy { script.sameValue(state.slots[$0.key], $0.value, slot: $0.key) }
            score.calls.count(right)
            if call.state == bookingState { score.bookings.count(right) }
            if !right {
                let held = state.slots.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
                let transcript = zip(call.turns, replies).map { "    caller: \($0.0)\n    agent:  \($0.1)" }.joined(separator: "\n")
                score.misses.append("\(call.location): call ended in \(state.state) {\(held)}, expected \(call.state)\n\(transcript)")
            }
        }
        return score
    }
}

extension DialogueScript {
    /// Whether a held slot value is the expected one: names ignore case and punctuation
    /// ("meera iyer" is "Meera Iyer"), other types compare canonical forms.
    func sameValue(_ held: String?, _ expected: String, slot: String) -> Bool {
        guard let held else { return false }
        if definition.slots[slot]?.type == .name || definition.slots[slot]?.type == .text {
            return Utterance(held).words == Utterance(expected).words
        }
        return held.lowercased() == expected.lowercased()
    }
}
