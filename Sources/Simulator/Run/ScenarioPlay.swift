import Foundation

/// Carries out a scenario's steps on a live line, in order, and notes what the report needs:
/// what the caller said and when, and each cue spoken over the agent.
struct ScenarioPlay {
    struct Cue {
        var kind: InterruptionReport.Kind
        var line: Int
        var startMs: Double
        var endMs: Double
    }

    let scenario: Scenario
    let line: CallerLine
    let voice: CallerVoice
    private(set) var failures: [String] = []
    private(set) var cues: [Cue] = []
    private(set) var said: [TranscriptLine] = []
    /// Timeline index where the next wait starts looking: what happened before the previous
    /// step finished is not an answer to it.
    private var mark = 0

    init(scenario: Scenario, line: CallerLine, voice: CallerVoice) {
        self.scenario = scenario
        self.line = line
        self.voice = voice
    }

    /// Runs every step; stops at the first that cannot be carried out. True if the caller
    /// hung up.
    mutating func run() async -> Bool {
        for step in scenario.steps {
            do {
                if try await perform(step) { return true }
            } catch {
                failures.append("\(scenario.source):\(step.line): \(error)")
                return false
            }
            mark = line.timeline.count
        }
        return false
    }

    struct StepFailure: Error, CustomStringConvertible {
        let description: String
    }

    private mutating func perform(_ step: ScenarioStep) async throws -> Bool {
        switch step.action {
        case .waitForAgent(let timeout):
            guard await agentFinishedTurn(timeout: .seconds(timeout)) else {
                throw StepFailure(description: ended ? "wait_for_agent: the call ended before the agent finished a turn"
                                                     : "wait_for_agent: the agent did not finish a turn within \(Self.seconds(timeout))")
            }
        case .say(let utterance):
            _ = try await speak(utterance)
        case .pause(let seconds):
            try await Task.sleep(for: .seconds(seconds))
        case .bargeIn(let cue):
            try await speakOver(cue, kind: .bargeIn, line: step.line)
        case .backchannel(let cue):
            try await speakOver(cue, kind: .backchannel, line: step.line)
        case .dtmf(let digits):
            for digit in digits {
                try line.sendDTMF(digit)
                try await Task.sleep(for: .milliseconds(100))
            }
        case .hangUp:
            await line.hangUp()
            return true
        }
        return false
    }

    /// An agent that sends marks has finished its turn when the turn's end mark comes back.
    /// One that sends none (not every vendor's does) has finished when its audio stopped and
    /// stayed stopped for `quietForTurnEnd`.
    private func agentFinishedTurn(timeout: Duration) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var after = mark
        while clock.now < deadline {
            let remaining = deadline - clock.now
            guard let event = await line.timeline.first(after: after, timeout: remaining, where: { $0.isAgentTurnEnd || $0.kind == .agentAudioEnded })
            else { return false }
            if event.isAgentTurnEnd { return true }
            after = line.timeline.count
            if usesMarks { continue }
            let resumed = await line.timeline.first(after: after, timeout: Self.quietForTurnEnd) { $0.kind == .agentAudioStarted || $0.isAgentTurnEnd }
            if resumed == nil || resumed?.isAgentTurnEnd == true { return !ended || resumed != nil }
            after = line.timeline.count
        }
        return false
    }

    static let quietForTurnEnd = Duration.milliseconds(1500)

    private var usesMarks: Bool {
        line.timeline.events.contains { if case .markEchoed = $0.kind { true } else { false } }
    }

    private var ended: Bool { line.timeline.events.contains { if case .closed = $0.kind { true } else { false } } }

    /// Says `utterance` and returns once its last frame went out: when it started and ended.
    private mutating func speak(_ utterance: ScenarioUtterance) async throws -> (start: Double, end: Double) {
        let audio = try await voice.audio(for: utterance, voice: scenario.voice)
        let before = line.timeline.count
        try line.say(audio)
        // The queue goes out at real time, behind whatever was queued before.
        let timeout = Duration.milliseconds(audio.count / 8) + .seconds(10)
        guard let started = await line.timeline.first(after: before, timeout: timeout, where: { $0.kind == .callerSpeechStarted }),
              let ended = await line.timeline.first(after: before, timeout: timeout, where: { $0.kind == .callerSpeechEnded })
        else { throw StepFailure(description: "the line stopped before the caller's words went out") }
        said.append(TranscriptLine(who: "caller", text: Self.text(of: utterance), ms: started.ms))
        return (started.ms, ended.ms)
    }

    /// Waits for the agent to be talking, then `cue.afterMilliseconds` more, then speaks.
    private mutating func speakOver(_ cue: ScenarioCue, kind: InterruptionReport.Kind, line step: Int) async throws {
        let startMs: Double
        if let playing = currentAgentAudioStart() {
            startMs = playing
        } else if let started = await line.agentStartedSpeaking(after: mark, timeout: .seconds(cue.timeout)) {
            startMs = started.ms
        } else {
            throw StepFailure(description: "\(kind == .bargeIn ? "barge_in" : "backchannel"): the agent did not start speaking within \(Self.seconds(cue.timeout))")
        }
        let wait = startMs + Double(cue.afterMilliseconds) - line.elapsedMs
        if wait > 0 { try await Task.sleep(for: .milliseconds(Int(wait.rounded()))) }
        let spoken = try await speak(cue.utterance)
        cues.append(Cue(kind: kind, line: step, startMs: spoken.start, endMs: spoken.end))
    }

    /// When the agent audio now playing began, if some is.
    private func currentAgentAudioStart() -> Double? {
        for event in line.timeline.events.reversed() {
            if event.kind == .agentAudioEnded { return nil }
            if event.kind == .agentAudioStarted { return event.ms }
        }
        return nil
    }

    static func text(of utterance: ScenarioUtterance) -> String {
        switch utterance {
        case .text(let text): text
        case .file(let path): "(\(URL(fileURLWithPath: path).lastPathComponent))"
        }
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}
