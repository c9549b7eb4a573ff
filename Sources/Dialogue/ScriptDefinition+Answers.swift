/// Which slots a caller's answer can fill in a state: what the state's recognition rule lists
/// answers for, and what a `listen` event says the state expects.
extension ScriptDefinition {
    /// The slots the state collects, in its order, then those its own intents and the global
    /// intents test with `slot:` (the confirmation's yes/no): an answer to any of them moves
    /// the dialogue on there. Each once.
    func answerableSlots(in state: StateDefinition) -> [SlotDefinition] {
        var names: [String] = state.collect.map(\.slot)
        for intent in state.intents + intents {
            if let slot = intent.condition?.slot, !names.contains(slot) { names.append(slot) }
        }
        return names.compactMap { slots[$0] }
    }

    /// The state a call is in for the purposes of listening: an unknown name counts as `start`
    /// (as the turn builder reads it), and an ended dialogue listens as a new one begins, since
    /// the next caller turn starts the conversation afresh.
    func listeningState(for state: DialogueState) -> (definition: StateDefinition, slots: [String: String]) {
        if state.ended { return (states[start]!, [:]) }
        return (states[state.state] ?? states[start]!, state.slots)
    }
}
