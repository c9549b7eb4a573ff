import Foundation
import Providers
import SwitchboardCore

/// What the engines are told about the conversation: the system prompt, the window of past
/// exchanges and the state an engine asked to keep, and whether the dialogue has ended. A call
/// start or a new conversation resets it, a `context` event (a restarted node) restores it, and
/// it is sent out as `context` after every turn.
struct ConversationMemory {
    private(set) var history: ConversationHistory
    private(set) var system: String?
    private(set) var engineState: JSON?
    /// The dialogue has reached its end: the next caller turn begins a new conversation.
    private(set) var ended = false
    private let defaultSystem: String?
    private let tenantPrompts: [String: String]

    init(configuration: LLMStream.Configuration) {
        history = ConversationHistory(turns: configuration.historyTurns)
        system = configuration.system
        defaultSystem = configuration.system
        tenantPrompts = configuration.tenantPrompts
    }

    /// A new call, a new conversation. Its system prompt: `start.params.system`, else the
    /// tenant's (`start.tenant` or `start.params.tenant`), else the configured one.
    mutating func startCall(_ start: Event) {
        startConversation()
        let params = start["params"]?.object
        let tenant = start["tenant"]?.string ?? params?["tenant"]?.string
        system = params?["system"]?.string ?? tenant.flatMap { tenantPrompts[$0] } ?? defaultSystem
    }

    /// A new conversation in the same call: nothing said yet, the engine's state afresh. The
    /// system prompt stays, since it belongs to the call (its tenant), not to one conversation.
    mutating func startConversation() {
        history = ConversationHistory(turns: history.turns)
        engineState = nil
        ended = false
    }

    mutating func endConversation() { ended = true }

    /// Takes over a `context` event's conversation; false (and nothing changed) when its
    /// messages are not a list of role/content objects.
    mutating func restore(from context: Event) -> Bool {
        guard let messages = ConversationHistory.messages(of: context) else { return false }
        if let restored = messages.first(where: { $0.role == "system" }) { system = restored.content }
        history.restore(messages)
        engineState = context["engine_state"]
        ended = context["ended"]?.bool ?? false
        return true
    }

    /// A finished exchange, as the caller heard it.
    mutating func record(user: String?, assistant: String) { history.append(user: user, assistant: assistant) }

    /// The caller cut the last answer short while it played: keep only what was heard.
    mutating func correctLastAnswer(to heard: String) { history.replaceLastAssistant(with: heard) }

    mutating func keep(engineState state: JSON) { engineState = state }

    func prompt(user: String?) -> Prompt {
        Prompt(system: system, history: history.messages, user: user, engineState: engineState)
    }

    /// The `context` event: enough for a restarted node to carry on the call; `"ended":true`
    /// once the dialogue is over (left out otherwise, as before there was an end).
    var contextEvent: Event {
        var event = history.contextEvent(system: system, engineState: engineState)
        if ended { event["ended"] = true }
        return event
    }
}
