import Providers
import SwitchboardCore

/// What the agent and the caller have said, as the engines see it: a window of the last
/// `turns` exchanges. The assistant side is what the caller heard, which may be less than what
/// was generated (see `PlaybackTracker`).
public struct ConversationHistory: Sendable, Equatable {
    public private(set) var messages: [ChatMessage] = []
    /// User/assistant pairs kept; older ones are dropped (a greeting counts as one).
    public var turns: Int

    public init(turns: Int) { self.turns = max(0, turns) }

    /// Records one finished exchange. `user` is nil for a greeting; an empty assistant message
    /// (interrupted before a word was heard) is still recorded, so the pair stays a pair.
    public mutating func append(user: String?, assistant: String) {
        if let user { messages.append(ChatMessage(role: "user", content: user)) }
        messages.append(ChatMessage(role: "assistant", content: assistant))
        trim()
    }

    /// Rewrites the last assistant message: a turn that finished generating but was cut short
    /// while playing.
    public mutating func replaceLastAssistant(with text: String) {
        guard let index = messages.lastIndex(where: { $0.role == "assistant" }) else { return }
        messages[index].content = text
    }

    /// Replaces everything with messages from a `context` event.
    public mutating func restore(_ restored: [ChatMessage]) {
        messages = restored.filter { $0.role == "user" || $0.role == "assistant" }
        trim()
    }

    /// Keeps the last `turns` exchanges, cutting only in front of a user message (or a lone
    /// greeting), so the window never starts with half a pair.
    private mutating func trim() {
        let starts = messages.indices.filter { $0 == 0 || messages[$0].role == "user" || messages[$0 - 1].role != "user" }
        guard starts.count > turns else { return }
        messages.removeFirst(turns == 0 ? messages.count : starts[starts.count - turns])
    }
}

extension ConversationHistory {
    /// The `context` event (DESIGN §1): the system prompt, the window, and any engine state,
    /// enough for a restarted node to carry on the call.
    public func contextEvent(system: String?, engineState: JSON?) -> Event {
        var messages: [JSON] = []
        if let system, !system.isEmpty { messages.append(["role": "system", "content": .string(system)]) }
        messages += self.messages.map { ["role": .string($0.role), "content": .string($0.content)] }
        var fields: JSONObject = ["messages": .array(messages)]
        if let engineState { fields["engine_state"] = engineState }
        return Event("context", fields)
    }

    /// Reads a `context` event's messages; nil when they are not a list of role/content objects.
    public static func messages(of event: Event) -> [ChatMessage]? {
        guard let list = event["messages"]?.array else { return nil }
        var messages: [ChatMessage] = []
        for item in list {
            guard let role = item.object?["role"]?.string, let content = item.object?["content"]?.string else { return nil }
            messages.append(ChatMessage(role: role, content: content))
        }
        return messages
    }
}
