import SwitchboardCore

/// The call's lifecycle: `start` begins a conversation (and may greet), `stop` and the end of
/// input close it, `context` carries one over from a node that ran before. Conversations that
/// begin without a `start`, or end before the call does, are `+Conversations`.
extension ConversationLoop {
    /// A new call: a new conversation (turn numbers keep rising, so that an `interrupt` of the
    /// old call can never drop the new one's audio).
    func callStarted(_ start: Event) async throws {
        try await abandonTurn()
        memory.startCall(start)
        conversationBegun = true
        inCall = Self.echoesMarks(start)
        marksFlow = inCall
        greet()
    }

    func callStopped() async throws {
        try await abandonTurn()
        stopped = true
    }

    func restore(_ context: Event) async throws {
        guard memory.restore(from: context) else {
            return try await report(#"context event without a "messages" list of role/content objects: ignored"#)
        }
        // A conversation carried over is under way (unless it had ended): no greeting.
        conversationBegun = true
    }

    func endOfInput() async throws {
        inputEnded = true
        // Finals never closed by an endpoint are still the caller's words.
        if !caller.isEmpty {
            let text = caller.take()
            if agent == nil { try await respond(to: text, spoken: true) } else { queuedTexts.append(text) }
        }
        // No mark can come back any more: what was sent counts as played.
        if let agent, !agent.generating { try await donePlaying(agent) }
    }

    /// The call is over: whatever the agent was saying or preparing is dropped.
    private func abandonTurn() async throws {
        if let agent, agent.generating { try await finish(agent, reason: "interrupted") }
        agent?.task?.cancel()
        agent = nil
        speculation?.task.cancel()
        speculation = nil
        caller = CallerTurn()
        queuedTexts = []
        bargeIn.reset()
        bargeInTimer.disarm()
    }
}
