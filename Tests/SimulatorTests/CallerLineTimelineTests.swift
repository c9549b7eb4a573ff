import Simulator
import Testing

/// Waiting on the caller's observations: woken by the event, not by polling.
@Suite struct CallerLineTimelineTests {
    @Test func aWaiterIsWokenByTheEventItWaitsFor() async {
        let timeline = TurnTimeline()
        timeline.record(CallerLineEvent(ms: 10, kind: .markEchoed("t1.end")))
        let after = timeline.count
        async let next = timeline.first(after: after, timeout: .seconds(10)) { $0.isAgentTurnEnd }
        try? await Task.sleep(for: .milliseconds(50))
        timeline.record(CallerLineEvent(ms: 20, kind: .markEchoed("t2.s1")))
        timeline.record(CallerLineEvent(ms: 30, kind: .markEchoed("t2.end")))
        #expect(await next == CallerLineEvent(ms: 30, kind: .markEchoed("t2.end")), "the earlier turn's end does not count")
    }

    @Test func anEventAlreadyRecordedAnswersAtOnce() async {
        let timeline = TurnTimeline()
        timeline.record(CallerLineEvent(ms: 5, kind: .agentAudioStarted))
        #expect(await timeline.first(timeout: .seconds(10)) { $0.kind == .agentAudioStarted }?.ms == 5)
    }

    @Test func aWaiterGivesUpAtItsTimeoutOrWhenTheLineCloses() async {
        let timeline = TurnTimeline()
        let clock = ContinuousClock()
        let start = clock.now
        #expect(await timeline.first(timeout: .milliseconds(100)) { $0.isAgentTurnEnd } == nil)
        #expect(clock.now - start < .seconds(5))
        async let waiting = timeline.first(timeout: .seconds(30)) { $0.isAgentTurnEnd }
        try? await Task.sleep(for: .milliseconds(50))
        timeline.record(CallerLineEvent(ms: 1, kind: .closed(code: 1000, reason: "")))
        #expect(await waiting == nil)
        #expect(clock.now - start < .seconds(10), "the close woke the waiter long before its timeout")
    }
}
