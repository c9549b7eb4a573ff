import Foundation
import Providers
import SwitchboardCore

/// What the engines are told about the conversation: the system prompt, the window of past
/// exchanges and the state an engine asked to keep. A call start resets it, a `context` event
/// (a restarted node) restores it, and it is sent out as `context` after every turn.
struct ConversationMemory {
    private(set) var history: ConversationHistory
    private(set) var system: String?
    private(set) var engineState: JSON?
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
        history = ConversationHistory(turns: history.turns)
        engineState = nil
        let params = start["params"]?.object
        let tenant = start["tenant"]?.string ?? params?["tenant"]?.string
        system = params?["system"]?.string ?? tenant.flatMap { tenantPrompts[$0] } ?? defaultSystem
    }

    /// Takes over a `context` event's conversation; false (and nothing changed) when its
    /// messages are not a list of role/content objects.
    mutating func restore(from context: Event) -> Bool {
        guard let messages = ConversationHistory.messages(of: context) else { return false }
        if let restored = messages.first(where: { $0.role == "system" }) { system = restored.content }
        history.restore(messages)
        engineState = context["engine_state"]
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

    /// The `context` event: enough for a restarted node to carry on the call.
    var contextEvent: Event { history.contextEvent(system: system, engineState: engineState) }
}
