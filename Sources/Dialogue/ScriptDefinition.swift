/// A loaded, validated script: every name it refers to exists.
struct ScriptDefinition: Sendable {
    static let defaultFallback = "Sorry, I didn't catch that."

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
}
