import SwitchboardCore

/// Answers started early (`--speculate`): a settled interim transcript starts an answer that
/// is held back; a final that says the same takes it over with its head start.
extension ConversationLoop {
    func speculate(on text: String) {
        if let speculation {
            guard !speculation.matches(text) else { return }
            speculation.task.cancel()
        }
        let (generation, task) = generations.launch(memory.prompt(user: text))
        speculation = Speculation(text: text, generation: generation, task: task, startedAt: clock.now())
    }

    /// The final matched the speculative answer: it becomes the turn, and what it has produced
    /// so far goes out at once.
    func adopt(_ speculation: Speculation, turn: Int, user: String) async throws {
        let now = clock.now()
        var agent = AgentTurn(turn: turn, generation: speculation.generation, user: user, startedAt: now)
        agent.task = speculation.task
        agent.announced = true
        self.agent = agent
        try await output.send(.event(agent.responseStart))
        try await output.send(.event(agent.trace(stage, "llm.speculation", ms: speculation.savedMs(at: now))))
        for served in speculation.buffered { try await received(served, from: speculation.generation) }
        if speculation.isEnded { try await ended(speculation.generation, error: speculation.error) }
    }
}
