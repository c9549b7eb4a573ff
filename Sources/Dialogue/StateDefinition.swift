/// A slot a state asks for, and the question.
struct SlotRequest: Sendable {
    var slot: String
    var ask: ReplyTemplate
}

/// One state of the conversation under `states:`.
struct StateDefinition: Sendable {
    var name: String
    /// Said on entering the state.
    var say: ReplyTemplate?
    var intents: [IntentDefinition]
    /// Slots filled in any order from anything the caller says here; the first missing one is asked for.
    var collect: [SlotRequest]
    /// Where to go once every collected slot is filled.
    var next: String?
    /// Said instead of the script's fallback when nothing matches here.
    var fallback: ReplyTemplate?
    /// The call's conversation is over once this state is entered.
    var isEnd: Bool
    /// An end state that hands the caller to a person (`transfer:`) rather than hanging up.
    var transfer: TransferDestination? = nil

    func firstMissing(in slots: [String: String]) -> SlotRequest? {
        collect.first { slots[$0.slot] == nil }
    }
}
