/// What a script waits for after a turn: the state it is in, the slot it has just asked for,
/// the intents that apply there, and the rule of its grammar to recognize the answer with.
/// `llm-stream` sends it as a `listen` event; `stt-stream` recognizes the next utterance with
/// `grammarRule`, and prefers the transcript that reads as one of `slots`.
public struct ListenExpectation: Sendable, Equatable {
    public struct Slot: Sendable, Equatable {
        public var name: String
        /// `number`, `date`, `time`, `yesno`, `name`, `text`.
        public var type: String
        /// The names a `name` slot knows, as the script lists them (empty for other types).
        public var values: [String]
    }

    /// The state the next utterance is answered in.
    public var state: String
    /// The slot whose question was just asked, if any (also first in `slots`).
    public var asked: String?
    /// The slots an answer can fill there: the asked one first, then the state's other
    /// collected slots, then those its intents test (`slot:`).
    public var slots: [Slot]
    /// The state's own intents, then the script's global ones.
    public var intents: [String]
    /// The public rule of `DialogueScript.jsgfGrammar()` for this state (`state_confirm`) or
    /// for this state asking this slot (`state_booking_name`); nil while a free-text slot is
    /// asked, since no grammar can list free text. Qualified by the grammar's name
    /// (`receptionist.state_confirm`) when a JSGF library looks it up.
    public var grammarRule: String?
}

extension DialogueScript {
    /// What the dialogue waits for in `state`, typically a turn's `state` once its reply has
    /// been said. An ended dialogue waits as a new one begins, in the start state (the next
    /// caller turn starts the conversation afresh); an unknown state counts as the start state.
    public func expectation(in state: DialogueState) -> ListenExpectation {
        let (current, filled) = definition.listeningState(for: state)
        let asked = current.firstMissing(in: filled)?.slot
        var slots = definition.answerableSlots(in: current)
        if let index = slots.firstIndex(where: { $0.name == asked }) { slots.insert(slots.remove(at: index), at: 0) }
        var intents: [String] = []
        for intent in current.intents + definition.intents where !intents.contains(intent.name) { intents.append(intent.name) }
        let names = StateRuleNames(script: definition)
        let rule: String? =
            if let asked { definition.slots[asked]?.type == .text ? nil : names.rule(for: current.name, asking: asked) }
            else { names.rule(for: current.name) }
        return ListenExpectation(
            state: current.name, asked: asked,
            slots: slots.map { ListenExpectation.Slot(name: $0.name, type: $0.type.rawValue, values: $0.type == .name ? $0.values : []) },
            intents: intents, grammarRule: rule)
    }

    /// The `grammar` name of `jsgfGrammar()`, from the script's file name (`receptionist`):
    /// JSGF libraries look a rule up as `<grammar>.<rule>`.
    public var jsgfGrammarName: String { JSGFGrammarWriter(script: definition).grammarName }
}
