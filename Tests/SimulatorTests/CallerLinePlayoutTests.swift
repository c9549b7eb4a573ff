import Simulator
import Testing

/// Twilio's buffer semantics, stepped by hand: 160 bytes = one 20 ms tick.
@Suite struct CallerLinePlayoutTests {
    @Test func aMarkComesBackOnlyOnceTheAudioBeforeItHasPlayed() {
        var playout = AgentPlayout()
        playout.receive(audio: [UInt8](repeating: 0x10, count: 400))
        #expect(playout.receive(mark: "t1.s1").isEmpty, "audio is queued: the mark waits")
        #expect(playout.play(160).echoedMarks.isEmpty)
        #expect(playout.play(160).echoedMarks.isEmpty)
        let last = playout.play(160)
        #expect(last.echoedMarks == ["t1.s1"])
        #expect(last.agentBytes == 80)
        #expect(last.played == [UInt8](repeating: 0x10, count: 80) + [UInt8](repeating: 0xFF, count: 80), "silence after the audio ran out")
    }

    @Test func aMarkWithNothingBufferedComesBackAtOnce() {
        var playout = AgentPlayout()
        #expect(playout.receive(mark: "t1.end") == ["t1.end"])
    }

    @Test func marksComeBackInOrderEachBehindItsOwnAudio() {
        var playout = AgentPlayout()
        playout.receive(audio: [UInt8](repeating: 1, count: 160))
        _ = playout.receive(mark: "a")
        playout.receive(audio: [UInt8](repeating: 2, count: 160))
        _ = playout.receive(mark: "b")
        #expect(playout.play(160).echoedMarks == ["a"])
        #expect(playout.play(160).echoedMarks == ["b"])
    }

    @Test func clearDropsTheUnplayedAudioAndEchoesEveryPendingMarkAtOnce() {
        var playout = AgentPlayout()
        playout.receive(audio: [UInt8](repeating: 7, count: 8000))
        _ = playout.receive(mark: "t2.s1")
        playout.receive(audio: [UInt8](repeating: 7, count: 8000))
        _ = playout.receive(mark: "t2.end")
        _ = playout.play(160)
        #expect(playout.clear() == ["t2.s1", "t2.end"])
        #expect(playout.bufferedBytes == 0)
        let after = playout.play(160)
        #expect(after.agentBytes == 0, "nothing of the cleared audio plays")
        #expect(after.echoedMarks.isEmpty, "a cleared mark is echoed once only")
        #expect(playout.receive(mark: "t3.s1") == ["t3.s1"], "after a clear the buffer is empty")
    }

    @Test func theBufferIsBounded() {
        var playout = AgentPlayout(maxBufferedBytes: 1000)
        playout.receive(audio: [UInt8](repeating: 0, count: 1500))
        #expect(playout.bufferedBytes == 1000)
        #expect(playout.discardedBytes == 500)
    }
}
