import Providers
import Resilience
import SwitchboardCore

/// What an engine is asked for one turn: the conversation so far and what the caller said.
public struct Prompt: Sendable, Equatable {
    public var system: String?
    /// Earlier user/assistant messages, oldest first, already cut to the history window.
    public var history: [ChatMessage]
    /// The caller's message; nil for the greeting at the start of a call.
    public var user: String?
    /// State an engine asked to keep between turns (the script engine's dialogue state),
    /// as the last completed turn left it; nil at the start of a call.
    public var engineState: JSON?

    public init(system: String? = nil, history: [ChatMessage] = [], user: String?, engineState: JSON? = nil) {
        self.system = system
        self.history = history
        self.user = user
        self.engineState = engineState
    }

    /// The prompt as Chat Completions messages: system, history, user.
    public var messages: [ChatMessage] {
        var messages: [ChatMessage] = []
        if let system, !system.isEmpty { messages.append(ChatMessage(role: "system", content: system)) }
        messages += history
        if let user { messages.append(ChatMessage(role: "user", content: user)) }
        return messages
    }
}

/// What an engine streams for one turn.
public enum ResponseChunk: Sendable, Equatable {
    /// A piece of the answer, as it should be appended (leading space included).
    case text(String)
    /// Token counts, when the provider reports them.
    case usage(ChatUsage)
    /// State to hand back in the next turn's `Prompt.engineState` (and to save in `context`).
    case engineState(JSON)
    /// This answer is the conversation's last: the dialogue has reached an end state (the
    /// script's `end: true`). The stage marks its `response.end` `last`, hangs up a call once
    /// the answer has been heard, and begins a new conversation with the next caller turn.
    case endsConversation
    /// The last answer hands the caller to a person (the script's `transfer:`), a phone number
    /// or SIP URI: once it has been heard, the stage emits `transfer` instead of `hangup`.
    /// Comes with `endsConversation`.
    case transfer(to: String)
    /// What the dialogue waits for once this answer has been said (the script engine knows):
    /// the stage sends it as a `listen` event after the turn's `response.end`.
    case listen(ListenContext)
}

/// A source of answers: an LLM provider or the rules script.
public protocol ResponseEngine: Sendable {
    /// The name in traces and on `response.end` (`openai`, `groq`, `script`, …).
    var name: String { get }
    /// Starts answering; throws before the first chunk when the engine cannot answer at all.
    /// Ending the iteration (or cancelling its task) must stop the work, e.g. abort the HTTP transfer.
    func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error>
}

extension ResponseEngine {
    /// The engine as `Failover` runs it, behind its own breaker and limiter.
    public func failoverEngine(breaker: CircuitBreaker? = nil, limiter: AIMDLimiter? = nil) -> FailoverEngine<Prompt, ResponseChunk> {
        FailoverEngine(name: name, breaker: breaker, limiter: limiter) { prompt in try await respond(to: prompt) }
    }
}
