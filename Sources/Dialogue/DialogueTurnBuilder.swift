import Foundation

/// Works out one turn: what the agent says and where the call goes, following the script's
/// rules in order. A value type used once per turn, so a turn is a pure function of the state,
/// the utterance and the day.
struct DialogueTurnBuilder {
    let script: ScriptDefinition
    let utterance: Utterance
    let collector: SlotCollector
    private(set) var state: DialogueState
    private var lines: [String] = []
    /// Words of the utterance already turned into slot values.
    private var used: [Bool]
    /// Slots set this turn: a state entered later in the turn does not read them again.
    private var filledThisTurn: Set<String> = []

    init(script: ScriptDefinition, state: DialogueState, utterance: Utterance, today: CalendarDay) {
        self.script = script
        self.utterance = utterance
        self.collector = SlotCollector(slots: script.slots, today: today)
        self.state = state
        self.used = [Bool](repeating: false, count: utterance.count)
        if script.states[state.state] == nil { self.state.state = script.start }
    }

    private var current: StateDefinition { script.states[state.state]! }

    /// The answer to the utterance:
    /// 1. the intent it means among the state's and the global ones (`IntentMatcher`), or an
    ///    outside `understood` reading once checked (`UnderstandingCheck`);
    /// 2. the slots the state collects, read from the utterance, and corrections of slots
    ///    already held ("no, I said Friday") — a correction outweighs a yes/no intent;
    /// 3. nothing read and the intent unclear: a question naming the likely intents;
    /// 4. nothing at all: the fallback (the state's, else the script's), and the pending question again;
    /// 5. the intent's `clear`, then the values read, then its `reply`, then its `goto`;
    /// 6. `settle`: the question for the first missing slot, or on to `next` when none is missing.
    mutating func respond(understood: Understanding? = nil) -> DialogueTurn {
        let pending = current.firstMissing(in: state.slots)?.slot
        let outside = understood.flatMap {
            UnderstandingCheck(script: script, state: current, filled: state.slots, today: collector.today).accept($0)
        }
        let decision = outside.map { $0.match.map(IntentMatcher.Decision.matched) ?? .none }
            ?? IntentMatcher.decide(among: current.intents + script.intents, for: utterance, slots: script.slots,
                                    vocabulary: script.vocabulary, evidence: collector.evidence(in: utterance, besides: state.slots),
                                    today: collector.today)
        var match: IntentMatcher.Match? = if case .matched(let match) = decision { match } else { nil }
        if match?.isExact == true { used = [Bool](repeating: true, count: utterance.count) }
        var collected = collector.collect(current.collect.map(\.slot), pending: pending, from: utterance, used: &used)
        if let outside { collected.merge(outside.values) { _, understood in understood } }
        // A question on the way ("are you open on Saturday?" at the confirmation) corrects nothing;
        // an answer, a slot-filling intent or no intent at all may.
        let held = state.slots.filter { slot in
            collected[slot.key] == nil && match.map { $0.intent.condition != nil || $0.intent.profile.leadsTo.contains(slot.key) } ?? true
        }
        let corrections = collector.corrections(of: held, from: utterance, used: &used)
        if !corrections.isEmpty, let condition = match?.intent.condition, script.slots[condition.slot]?.type == .yesno {
            match = nil
        }

        guard let match else {
            if collected.isEmpty, corrections.isEmpty, case .unclear(let options) = decision {
                lines.append(clarifyingQuestion(options))
                return turn(intent: nil)
            }
            if collected.isEmpty, corrections.isEmpty { say(current.fallback ?? script.fallback) }
            fill(collected)
            fill(corrections)
            // A state that only reads the slots back ("So that is … Shall I book it?") says so again.
            if !corrections.isEmpty, current.collect.isEmpty { say(current.say) }
            settle()
            return turn(intent: nil)
        }
        for slot in match.intent.clear { state.slots[slot] = nil }
        fill(collected)
        fill(corrections)
        fill(match.captures)
        say(match.intent.reply)
        if let goto = match.intent.goto { enter(goto) }
        settle()
        return turn(intent: match.intent.name)
    }

    /// "Sorry, did you want to book an appointment or speak to a person?"
    private func clarifyingQuestion(_ intents: [IntentDefinition]) -> String {
        let labels = intents.map { $0.label ?? $0.name.replacingOccurrences(of: "_", with: " ") }
        let options = labels.count <= 1 ? labels.joined() : labels.dropLast().joined(separator: ", ") + " or " + labels.last!
        return script.clarify.replacingOccurrences(of: "{options}", with: options)
    }

    /// The opening of a call: the greeting, then the state's own `say` and pending question.
    mutating func greet() -> DialogueTurn {
        say(script.greeting)
        enter(state.state)
        settle()
        return turn(intent: nil)
    }

    private mutating func say(_ template: ReplyTemplate?) {
        guard let template else { return }
        let line = template.render(slots: state.slots, definitions: script.slots)
        if !line.isEmpty { lines.append(line) }
    }

    private mutating func fill(_ values: [String: String]) {
        for (name, value) in values {
            state.slots[name] = value
            filledThisTurn.insert(name)
        }
    }

    /// Moves to a state: reads its collected slots from the utterance (those not set this turn),
    /// says its `say`, and ends the call if it is an end state.
    private mutating func enter(_ name: String) {
        state.state = name
        let definition = current
        let unfilled = definition.collect.map(\.slot).filter { !filledThisTurn.contains($0) }
        fill(collector.collect(unfilled, pending: nil, from: utterance, used: &used))
        say(definition.say)
        if definition.isEnd { state.ended = true }
    }

    /// Asks for the first missing slot of a collecting state, or, when all are filled, goes on to
    /// its `next`, and so on; never into a state it already passed through, should `next` loop.
    private mutating func settle() {
        var visited: Set<String> = [state.state]
        while !state.ended, !current.collect.isEmpty {
            if let missing = current.firstMissing(in: state.slots) {
                say(missing.ask)
                return
            }
            guard let next = current.next, visited.insert(next).inserted else { return }
            enter(next)
        }
    }

    private func turn(intent: String?) -> DialogueTurn {
        DialogueTurn(reply: lines.joined(separator: " "), state: state, intent: intent,
                     transfer: state.ended ? current.transfer : nil)
    }
}
