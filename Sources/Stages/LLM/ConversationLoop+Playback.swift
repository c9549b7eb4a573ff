import Foundation
import SwitchboardCore

/// Following playback: where marks come back from the telephony side, the agent speaks until
/// the mark of its last sentence (or `t<N>.end`) returns, and what the caller heard is the
/// sentences whose marks returned. Where none come back, the agent speaks until `response.end`
/// and everything generated counts as heard.
extension ConversationLoop {
    /// From `response.start` until the last mark returns (or `response.end` where no marks flow).
    var isSpeaking: Bool { agent?.announced == true }

    /// Whether a call's `start` says marks will come back: a media stream to echo them. A file
    /// input has no stream (`"stream": null` or none), and waiting for its marks would wait
    /// forever; a `mark` seen later still turns them on.
    static func echoesMarks(_ start: Event) -> Bool {
        guard let stream = start["stream"]?.string else { return false }
        return !stream.isEmpty
    }

    func markPlayed(_ name: String) async throws {
        marksFlow = true
        guard var agent, agent.playback.played(mark: name) else { return }
        self.agent = agent
        if agent.playback.playedEverything { try await donePlaying(agent) }
    }

    /// `spoken` (from `tts-cache`, around the ring): the exact text of one of the turn's sentences.
    func spoken(_ event: Event) {
        guard let turn = event["turn"]?.int, let index = event["index"]?.int, let text = event["text"]?.string,
            agent?.turn == turn
        else { return }
        agent?.playback.spoken(index: index, text: text)
    }

    /// What the caller heard of `agent`'s turn.
    func heard(_ agent: AgentTurn) -> String {
        marksFlow ? agent.playback.heardText : agent.playback.generated.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The turn has been heard to its end: the caller has the floor.
    func donePlaying(_ agent: AgentTurn) async throws {
        guard self.agent?.turn == agent.turn else { return }
        self.agent = nil
        bargeIn.reset()
        bargeInTimer.disarm()
        if agent.endsConversation { try await lastAnswerHeard(agent) }
        try await answerQueued()
    }
}
