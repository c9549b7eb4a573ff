import Dialogue

/// The embedded engine: a `DialogueScript` answers, and its reply is streamed word by word.
///
/// The dialogue state travels in the prompt (`engineState`) and comes back as the first chunk
/// of every answer, so the engine itself holds nothing: a speculative answer can be thrown
/// away, and a restarted stage carries on from the last `context` event.
///
/// With an `understander`, an LLM reads each caller turn (not the greeting) against the
/// state's intents and slots, and the script replies to what it understood; when the LLM fails,
/// is slow or answers outside the schema, the script's own matcher decides.
public struct ScriptEngine: ResponseEngine {
    public let name = "script"
    public var script: DialogueScript
    public var wordsPerSecond: Double
    /// The day that "today" and "tomorrow" mean; nil for the real date of each turn.
    public var today: CalendarDay?
    /// Asked what each caller turn means before the script replies; nil: the rules alone.
    public var understander: ScriptUnderstander?

    public init(script: DialogueScript, wordsPerSecond: Double, today: CalendarDay? = nil, understander: ScriptUnderstander? = nil) {
        self.script = script
        self.wordsPerSecond = wordsPerSecond
        self.today = today
        self.understander = understander
    }

    public func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
        let state = prompt.engineState.flatMap { try? DialogueState(json: $0) } ?? script.begin()
        let day = today ?? CalendarDay.today()
        let turn: DialogueTurn? =
            if let user = prompt.user { try await respond(to: user, in: state, today: day) }
            else { script.greeting(in: state, today: day) }
        guard let turn else { return AsyncThrowingStream { $0.finish() } }
        // An ended dialogue says so on every answer, the empty one to a restored ended state
        // too: the stage then tells the caller, rather than answering with silence.
        let leading: [ResponseChunk] = [.engineState(turn.state.json)] + (turn.state.ended ? [.endsConversation] : [])
            + (turn.transfer.map { [.transfer(to: $0.text)] } ?? [])
            + [.listen(ListenContext(script.expectation(in: turn.state)))]
        return WordStreamer(wordsPerSecond: wordsPerSecond).stream(turn.reply, after: leading)
    }

    /// The script's reply to a caller turn, guided by the understander when there is one. The
    /// understander returns by its deadline whatever the server does; a cancelled turn (the
    /// caller barged in) aborts its request and answers nothing.
    private func respond(to user: String, in state: DialogueState, today day: CalendarDay) async throws -> DialogueTurn {
        guard let understander, !state.ended else { return script.respond(to: user, in: state, today: day) }
        let outcome = await understander.understand(user, choices: script.understandingChoices(in: state), today: day)
        try Task.checkCancellation()
        return script.respond(to: user, in: state, today: day, understood: outcome.understanding)
    }
}
