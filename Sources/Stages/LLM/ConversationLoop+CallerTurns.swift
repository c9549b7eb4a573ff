import Foundation
import SwitchboardCore

/// What the caller says: typed `text` and recognized `transcript`s become caller turns, which
/// are answered — at once, or after the agent's current turn for typed input.
extension ConversationLoop {
    func typed(_ event: Event) async throws {
        guard let text = event["text"]?.string else { return try await report(#"text event without a string "text""#) }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return }
        if agent != nil {
            queuedTexts.append(trimmed)
        } else {
            try await respond(to: trimmed)
        }
    }

    func transcript(_ event: Event) async throws {
        guard let text = event["text"]?.string else { return try await report(#"transcript event without a string "text""#) }
        let ts = event["ts"]?.int ?? 0
        let isFinal = event["final"]?.bool ?? false
        if isSpeaking {
            // Caller speech over the agent: an interruption, or a backchannel to let pass.
            try await apply(bargeIn.transcript(words: CallerTurn.wordCount(text), ts: ts))
            guard !isSpeaking else { return }
        }
        if isFinal {
            caller.final(text)
            if event["endpoint"]?.bool == true, !caller.isEmpty { try await respond(to: caller.take(), spoken: true) }
        } else if configuration.speculate, agent == nil, let settled = caller.interim(text) {
            speculate(on: settled)
        }
    }

    /// Typed input that waited for the agent's turn to end.
    func answerQueued() async throws {
        guard agent == nil, !queuedTexts.isEmpty else { return }
        try await respond(to: queuedTexts.removeFirst())
    }

    /// Begins the agent's turn answering `text`; `spoken` when it came from the recognizer, so
    /// that a speculative answer to the same words can be taken over.
    func respond(to text: String, spoken: Bool = false) async throws {
        // The first words of a conversation are answered after its greeting.
        if beginConversation(before: text) { return }
        // A greeting that has not said a word yet gives way to the caller.
        if let agent, !agent.announced {
            agent.task?.cancel()
            self.agent = nil
        }
        let turn = nextTurn()
        if let speculation, spoken, speculation.matches(text) {
            self.speculation = nil
            try await adopt(speculation, turn: turn, user: text)
            return
        }
        // A speculation the final did not match is thrown away: nothing saved.
        let missed = speculation != nil
        speculation?.task.cancel()
        speculation = nil
        let (generation, task) = generations.launch(memory.prompt(user: text))
        var agent = AgentTurn(turn: turn, generation: generation, user: text, startedAt: clock.now())
        agent.task = task
        agent.announced = true
        self.agent = agent
        try await output.send(.event(agent.responseStart))
        if missed { try await output.send(.event(agent.trace(stage, "llm.speculation", ms: 0))) }
    }
}
