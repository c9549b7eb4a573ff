import Resilience
import SwitchboardCore

/// Generating the agent's answer: the engines' output becomes `token` events between
/// `response.start` and `response.end`, and a finished turn goes into history and `context`.
extension ConversationLoop {
    func received(_ served: Served<ResponseChunk>, from generation: Int) async throws {
        if speculation?.generation == generation {
            speculation?.buffer(served, at: clock.now())
            return
        }
        guard var agent, agent.generation == generation, agent.generating else { return }
        agent.engine = served.engine
        switch served.element {
        case .text(let text):
            if !agent.announced {
                agent.announced = true
                try await output.send(.event(agent.responseStart))
            }
            agent.received(text, at: clock.now())
            self.agent = agent
            try await output.send(.event(Event("token", ["turn": .int(agent.turn), "text": .string(text)])))
        case .usage(let usage):
            agent.usage = usage
            self.agent = agent
        case .engineState(let state):
            agent.engineState = state
            self.agent = agent
        case .endsConversation:
            agent.endsConversation = true
            self.agent = agent
        case .transfer(let destination):
            agent.transferTo = destination
            self.agent = agent
        case .listen(let listen):
            agent.listen = listen
            self.agent = agent
        }
    }

    func ended(_ generation: Int, error: (any Error)?) async throws {
        if speculation?.generation == generation {
            speculation?.ended(error: error)
            return
        }
        guard var agent, agent.generation == generation, agent.generating else { return }
        agent.playback.endGeneration()
        if let error {
            // A failed answer was not said to its end, so it ends nothing.
            agent.endsConversation = false
            agent.transferTo = nil
            if let failure = error as? FailoverError { unansweredFailure = failure }
            try await report("turn \(agent.turn): \(error)")
            try await finish(agent, reason: "error")
        } else {
            answeredAny = true
            try await finish(agent, reason: "done")
        }
        guard let finished = self.agent else { return }
        if !marksFlow || finished.playback.playedEverything || inputEnded || !finished.announced {
            try await donePlaying(finished)
        }
    }

    /// Ends generation of the turn: `response.end`, traces, history, `context`.
    func finish(_ agent: AgentTurn, reason: String) async throws {
        var agent = agent
        agent.generating = false
        self.agent = agent
        guard agent.announced || agent.engineState != nil || reason == "error" else { return }
        if agent.announced {
            try await output.send(.event(agent.responseEnd(reason: reason)))
            for trace in agent.traces(stage: stage, endedAt: clock.now()) { try await output.send(.event(trace)) }
        }
        guard reason != "error" else { return }
        if let state = agent.engineState { memory.keep(engineState: state) }
        if agent.announced {
            memory.record(user: agent.user, assistant: reason == "interrupted" ? heard(agent) : agent.playback.generated)
        }
        // The dialogue is over even if the caller cut its last answer short; `context` says
        // so, for a node restored from it.
        if agent.endsConversation { memory.endConversation() }
        // The engine's state moved on even if the caller cut the answer short: what it waits
        // for now is what the recognizer should listen for. Before `context`, which stays the
        // turn's last word (a snapshot of everything, the listen included in its state).
        if let listen = agent.listen { try await output.send(.event(listen.event(turn: agent.turn))) }
        try await sendContext()
    }

    func sendContext() async throws {
        try await output.send(.event(memory.contextEvent))
    }
}
