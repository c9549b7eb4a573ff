import Resilience
import SwitchboardCore

/// Conversations within a run. One begins with a call's `start`, with a restored `context`, or,
/// where neither came first (lines typed at a terminal, a recognizer run on its own), with the
/// first caller turn, which then hears the greeting before its answer: otherwise a typed
/// conversation would never be greeted. One ends when the engine says its answer is the last
/// (`ResponseChunk.endsConversation`): that answer's `response.end` says `"last":true`, a call
/// is hung up (or transferred) once it has been heard, and the next caller turn begins a new conversation,
/// greeted again, rather than getting the empty answers of a dialogue that is over.
extension ConversationLoop {
    /// No conversation is under way: none has begun, or the last one has ended.
    var conversationOver: Bool { !conversationBegun || memory.ended }

    /// Begins a conversation for a caller turn that arrives when none is under way. True when
    /// a greeting is now being said and `text` waits for it (queued first, answered once the
    /// greeting has been heard); false when `text` is to be answered at once.
    func beginConversation(before text: String) -> Bool {
        guard conversationOver else { return false }
        let endedBefore = memory.ended
        memory.startConversation()
        conversationBegun = true
        let greeting = greet()
        // An answer started early was asked without the greeting in its history, or in the
        // conversation that ended: neither may stand. Otherwise it is as good as ever.
        if greeting || endedBefore {
            speculation?.task.cancel()
            speculation = nil
        }
        guard greeting else { return false }
        queuedTexts.insert(text, at: 0)
        return true
    }

    /// Starts the configured greeting as the agent's turn; false when there is none.
    @discardableResult
    func greet() -> Bool {
        let engines: [FailoverEngine<Prompt, ResponseChunk>]
        switch configuration.greeting {
        case .none: return false
        case .engines: engines = configuration.engines
        case .text(let greeting):
            engines = [FixedReplyEngine(name: "greeting", reply: greeting, wordsPerSecond: configuration.greetingWordsPerSecond).failoverEngine()]
        }
        let (generation, task) = generations.launch(memory.prompt(user: nil), engines: engines)
        var agent = AgentTurn(turn: nextTurn(), generation: generation, user: nil, startedAt: clock.now())
        agent.task = task
        self.agent = agent
        return true
    }

    /// The supervisor's `idle` event: the caller has been silent, and the agent says the
    /// event's `say` ("Are you still there?") as a turn of its own, unless it is speaking
    /// already or no conversation is under way.
    func idle(_ event: Event) {
        guard agent == nil, !conversationOver, let say = event["say"]?.string, !say.isEmpty else { return }
        let engine = FixedReplyEngine(name: "idle", reply: say, wordsPerSecond: configuration.greetingWordsPerSecond).failoverEngine()
        let (generation, task) = generations.launch(memory.prompt(user: nil), engines: [engine])
        var agent = AgentTurn(turn: nextTurn(), generation: generation, user: nil, startedAt: clock.now())
        agent.task = task
        self.agent = agent
    }

    /// The conversation's last answer has been heard to its end (not cut short): in a call,
    /// the agent hangs up now, after the goodbye rather than over it, or, where the script
    /// ends in a `transfer:` state, hands the caller over after "I'll put you through".
    func lastAnswerHeard(_ agent: AgentTurn) async throws {
        guard inCall else { return }
        if let destination = agent.transferTo {
            try await output.send(.event(Event("transfer", ["turn": .int(agent.turn), "to": .string(destination), "reason": "script"])))
        } else {
            try await output.send(.event(Event("hangup", ["turn": .int(agent.turn), "reason": "ended"])))
        }
    }
}
