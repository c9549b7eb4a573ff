import Dialogue

/// The embedded engine: a `DialogueScript` answers, and its reply is streamed word by word.
///
/// The dialogue state travels in the prompt (`engineState`) and comes back as the first chunk
/// of every answer, so the engine itself holds nothing: a speculative answer can be thrown
/// away, and a restarted stage carries on from the last `context` event.
public struct ScriptEngine: ResponseEngine {
    public let name = "script"
    public var script: DialogueScript
    public var wordsPerSecond: Double
    /// The day that "today" and "tomorrow" mean; nil for the real date of each turn.
    public var today: CalendarDay?

    public init(script: DialogueScript, wordsPerSecond: Double, today: CalendarDay? = nil) {
        self.script = script
        self.wordsPerSecond = wordsPerSecond
        self.today = today
    }

    public func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
        let state = prompt.engineState.flatMap { try? DialogueState(json: $0) } ?? script.begin()
        let day = today ?? CalendarDay.today()
        let turn: DialogueTurn? =
            if let user = prompt.user { script.respond(to: user, in: state, today: day) }
            else { script.greeting(in: state, today: day) }
        guard let turn else { return AsyncThrowingStream { $0.finish() } }
        // An ended dialogue says so on every answer, the empty one to a restored ended state
        // too: the stage then tells the caller, rather than answering with silence.
        let leading: [ResponseChunk] = [.engineState(turn.state.json)] + (turn.state.ended ? [.endsConversation] : [])
            + (turn.transfer.map { [.transfer(to: $0.text)] } ?? [])
            + [.listen(ListenContext(script.expectation(in: turn.state)))]
        return WordStreamer(wordsPerSecond: wordsPerSecond).stream(turn.reply, after: leading)
    }
}
