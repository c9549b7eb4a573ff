@testable import Simulator
import Testing

/// The pure parts of the measurements: turns read off a timeline, interruptions judged,
/// frame lateness, TwiML read — on the worked examples their comments give.
@Suite struct CallMeasurementTests {
    static func event(_ ms: Double, _ kind: CallerLineEvent.Kind) -> CallerLineEvent { CallerLineEvent(ms: ms, kind: kind) }

    /// CallerTurns' worked example: a backchannel over the greeting leaves it going; the
    /// caller's next words start turn 1, measured from their end.
    @Test func aBackchannelDoesNotStartATurnAndTheNextWordsDo() {
        let events = [
            Self.event(300, .agentAudioArrived), Self.event(320, .agentAudioStarted),
            Self.event(900, .callerSpeechStarted), Self.event(1300, .callerSpeechEnded),
            Self.event(1400, .agentAudioEnded),
            Self.event(1500, .agentAudioArrived), Self.event(1520, .agentAudioStarted), Self.event(3000, .agentAudioEnded),
            Self.event(4000, .callerSpeechStarted), Self.event(5100, .callerSpeechEnded),
            Self.event(5560, .agentAudioArrived), Self.event(5580, .agentAudioStarted), Self.event(7000, .agentAudioEnded),
        ]
        let turns = CallerTurns.turns(events)
        #expect(turns.count == 2)
        #expect(turns[0].latencyMs == nil && turns[0].agentAudioStartMs == 320 && turns[0].agentAudioEndMs == 3000)
        #expect(turns[1].callerSpeechStartMs == 4000 && turns[1].callerSpeechEndMs == 5100 && turns[1].latencyMs == 460)
    }

    /// Speech over the agent answered by a `clear` is a barge-in: the reply is a new turn and
    /// the cut one is marked.
    @Test func aClearedBargeInStartsTheNextTurn() {
        let events = [
            Self.event(100, .agentAudioArrived), Self.event(120, .agentAudioStarted),
            Self.event(1000, .callerSpeechStarted), Self.event(1250, .clearReceived), Self.event(1250, .agentAudioEnded),
            Self.event(2400, .callerSpeechEnded), Self.event(2800, .agentAudioArrived),
        ]
        let turns = CallerTurns.turns(events)
        #expect(turns.count == 2)
        #expect(turns[0].interrupted)
        #expect(turns[1].latencyMs == 400)
        let cue = CallerTurns.interruption(.bargeIn, line: 3, speechStartMs: 1000, speechEndMs: 2400, events: events)
        #expect(cue.outcome == .cleared && cue.reactionMs == 250)
        let hum = CallerTurns.interruption(.backchannel, line: 4, speechStartMs: 1000, speechEndMs: 2400, events: events)
        #expect(hum.outcome == .falseInterruption)
    }

    @Test func speechTheAgentTalksThroughIsMissedOrIgnored() {
        let events = [Self.event(100, .agentAudioStarted), Self.event(500, .callerSpeechStarted), Self.event(900, .callerSpeechEnded),
                      Self.event(2500, .clearReceived)]  // too late to be an answer to it
        #expect(CallerTurns.interruption(.bargeIn, line: 1, speechStartMs: 500, speechEndMs: 900, events: events).outcome == .missed)
        #expect(CallerTurns.interruption(.backchannel, line: 1, speechStartMs: 500, speechEndMs: 900, events: events).outcome == .ignored)
    }

    /// AgentAudioArrivals' worked example.
    @Test func aFrameIsLateOnlyWhenTheBufferWouldHaveRunDry() {
        var burst = AgentAudioArrivals()
        for _ in 0..<3 { burst.arrived(atMs: 0, durationMs: 20) }
        #expect(burst.report.maxMs == 0 && burst.report.underruns == 0 && burst.report.frames == 3)

        var stall = AgentAudioArrivals()
        for ms in [0.0, 20, 75] { stall.arrived(atMs: ms, durationMs: 20) }
        #expect(stall.report.maxMs == 35 && stall.report.underruns == 1)
        stall.arrived(atMs: 95, durationMs: 20)  // due at 95: on time again
        #expect(stall.report.underruns == 1 && stall.lateness.percentile(1) == 35)

        stall.turnEnded()
        stall.arrived(atMs: 5000, durationMs: 20)  // a new turn's first frame is never late
        #expect(stall.report.maxMs == 35)
    }

    @Test func latenessPercentilesAreNearestRank() {
        var histogram = LatenessHistogram()
        for ms in [0.0, 0, 0, 0, 0, 0, 0, 0, 1.5, 40] { histogram.add(ms) }
        #expect(histogram.percentile(0.5) == 0)
        #expect(histogram.percentile(0.9) == 1.5)
        #expect(histogram.percentile(0.99) == 40)
    }

    @Test func twimlIsReadAsTwilioReadsIt() throws {
        let connect = try TwiMLReading(#"<?xml version="1.0" encoding="UTF-8"?><Response><Connect action="https://a.example/twilio/after"><Stream url="wss://a.example/media"><Parameter name="tenant" value="clinic &amp; co"/></Stream></Connect></Response>"#)
        #expect(connect.streamURL == "wss://a.example/media" && connect.action == "https://a.example/twilio/after")
        #expect(connect.parameters == ["tenant": "clinic & co"])
        #expect(try TwiMLReading("<Response><Dial>+15555550100</Dial></Response>").dial == "+15555550100")
        #expect(try TwiMLReading("<Response><Hangup/></Response>").hangup)
        #expect(try TwiMLReading(#"<Response><Reject reason="busy"/></Response>"#).rejected == "busy")
        #expect(throws: TwiMLReading.ReadingError.self) { try TwiMLReading("<Response><Dial>+1</Hangup></Response>") }
    }

    @Test func failuresAreCountedOncePerReasonWhateverTheirDetails() {
        #expect(LoadSummary.reason(#"x.yaml:5: no reply contains "hi"; the agent said: "yo""#) == "x.yaml:5: no reply contains")
    }
}
