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
    /// 1. the best intent among the state's and the global ones;
    /// 2. the slots the state collects, read from the utterance;
    /// 3. neither: the fallback (the state's, else the script's), and the pending question again;
    /// 4. the intent's `clear`, then the values read, then its `reply`, then its `goto`;
    /// 5. `settle`: the question for the first missing slot, or on to `next` when none is missing.
    /// `understood`: an outside reading that, once checked (`UnderstandingCheck`), stands in for step 1
    /// and adds its values to step 2.
    mutating func respond(understood: Understanding? = nil) -> DialogueTurn {
        let pending = current.firstMissing(in: state.slots)?.slot
        let intents = current.intents + script.intents
        let outside = understood.flatMap {
            UnderstandingCheck(script: script, state: current, filled: state.slots, today: collector.today).accept($0)
        }
        let match = outside.map(\.match) ?? IntentMatcher.best(of: intents, for: utterance, slots: script.slots, today: collector.today)
        if match?.isExact == true { used = [Bool](repeating: true, count: utterance.count) }
        var collected = collector.collect(current.collect.map(\.slot), pending: pending, from: utterance, used: &used)
        if let outside { collected.merge(outside.values) { _, understood in understood } }

        guard let match else {
            if collected.isEmpty {
                say(current.fallback ?? script.fallback)
            } else {
                fill(collected)
            }
            settle()
            return turn(intent: nil)
        }
        for slot in match.intent.clear { state.slots[slot] = nil }
        fill(collected)
        fill(match.captures)
        say(match.intent.reply)
        if let goto = match.intent.goto { enter(goto) }
        settle()
        return turn(intent: match.intent.name)
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
