/// A loaded, validated script: every name it refers to exists.
struct ScriptDefinition: Sendable {
    static let defaultFallback = "Sorry, I didn't catch that."
    static let defaultClarify = "Sorry, did you want to {options}?"

    var file: String
    var rate: Double?
    var greeting: ReplyTemplate?
    var fallback: ReplyTemplate
    var start: String
    /// Declared slots in file order, and by name.
    var slotList: [SlotDefinition]
    var slots: [String: SlotDefinition]
    /// Intents understood in every state, after the state's own.
    var intents: [IntentDefinition]
    /// States in file order, and by name.
    var stateList: [StateDefinition]
    var states: [String: StateDefinition]
    /// Every term the intents use, weighted (see `IntentProfile`).
    var vocabulary = TermVocabulary()
    /// The question asked when an utterance matches several intents about equally; `{options}`
    /// is their labels ("book an appointment or speak to a person").
    var clarify = ScriptDefinition.defaultClarify
}
