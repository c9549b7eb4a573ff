/// The `script` engine of `llm-stream`: a deterministic dialogue driven by a YAML file of states,
/// intents and slots (switchboard-script(5)).
///
/// Pure: a turn is a function of the state, the utterance and the day, so the stage may compute
/// one speculatively and drop it, and a call restored from a `context` event carries on exactly.
/// Streaming, timing and history belong to the stage, not here.
public struct DialogueScript: Sendable {
    let definition: ScriptDefinition

    /// Parses YAML text. `file` is only used in error messages.
    public init(yaml: String, file: String) throws(ScriptError) {
        definition = try ScriptLoader.load(yaml: yaml, file: file)
    }

    /// Reads and parses a file (a missing or unreadable file is an error without a line).
    public init(contentsOf path: String) throws(ScriptError) {
        try self.init(yaml: try ScriptError.text(of: path, what: "the script"), file: path)
    }

    /// The script's own streaming rate in words per second (`rate:`), if it sets one.
    public var wordsPerSecond: Double? { definition.rate }

    /// The state a new call starts in.
    public func begin() -> DialogueState { DialogueState(state: definition.start) }

    /// What the agent says when the call starts: the `greeting`, then the state's `say` and, if it
    /// collects slots, the first question; nil when that is nothing.
    public func greeting(in state: DialogueState, today: CalendarDay) -> DialogueTurn? {
        guard !state.ended else { return nil }
        var builder = DialogueTurnBuilder(script: definition, state: state, utterance: Utterance(tokens: []), today: today)
        let turn = builder.greet()
        return turn.reply.isEmpty ? nil : turn
    }

    /// The reply to one caller utterance: typed text, or a recognizer transcript (lowercase, no
    /// punctuation, numbers as words). After an end state the reply is empty and the state unchanged
    /// (a transfer state's destination still given, so a restored call is still handed over).
    /// A state name the script does not have (a context from another script) counts as `start`.
    ///
    /// `understood`, an LLM's reading of the utterance (see `Understanding`), replaces the
    /// script's own intent matching when its intent is one of the state's (or nil); its slot
    /// values count where their type reads them. Without it, or when its intent is unknown
    /// here, the script's own matcher decides.
    public func respond(to utterance: String, in state: DialogueState, today: CalendarDay,
                        understood: Understanding? = nil) -> DialogueTurn {
        guard !state.ended else { return DialogueTurn(reply: "", state: state, transfer: definition.states[state.state]?.transfer) }
        var builder = DialogueTurnBuilder(script: definition, state: state, utterance: Utterance(utterance), today: today)
        return builder.respond(understood: understood)
    }

    /// A JSGF grammar for the embedded recognizer covering every example phrase and slot answer;
    /// see `JSGFGrammarWriter`.
    public func jsgfGrammar() -> String { JSGFGrammarWriter(script: definition).grammar() }
}
