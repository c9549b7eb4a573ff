import Foundation

/// One scenario played as one phone call: dial in, carry out the steps on a real-time line,
/// stay on until the agent ends the call (or `Scenario.lingerSeconds` pass), then measure.
public struct SimulatedCall: Sendable {
    public var scenario: Scenario
    public var target: CallTarget
    /// Both sides into one stereo WAV, if set.
    public var recordingPath: String?
    /// The server's `trace_dir`, to read what the agent said and where its time went.
    public var traceDirectory: String?
    public var voice: CallerVoice = .shared
    /// Seconds to stay on after the last step for the agent to end the call.
    public var lingerSeconds = Scenario.lingerSeconds

    public init(scenario: Scenario, target: CallTarget, recordingPath: String? = nil, traceDirectory: String? = nil) {
        self.scenario = scenario
        self.target = target
        self.recordingPath = recordingPath
        self.traceDirectory = traceDirectory
    }

    /// Plays the call; never throws: what went wrong is in the report's `failures`.
    public func run() async -> CallReport {
        let callSid = CallerLine.newCallSid()
        var report = CallReport(scenario: scenario.name, callSid: callSid, startedAtUnixMs: Int(Date().timeIntervalSince1970 * 1000))
        report.recording = recordingPath
        let line: CallerLine
        var action: String?
        do {
            // Every line is synthesized before the call, so synthesis never delays a cue.
            for utterance in scenario.utterances { _ = try await voice.audio(for: utterance, voice: scenario.voice) }
            (line, action) = try await connect(callSid: callSid)
        } catch {
            report.failures.append("\(error)")
            return report
        }
        var play = ScenarioPlay(scenario: scenario, line: line, voice: voice)
        let hungUp = await play.run()
        report.failures += play.failures
        if !hungUp, await line.closed(timeout: .seconds(lingerSeconds)) == nil {
            await line.hangUp()
        }
        if line.timeline.events.contains(where: { $0.kind == .hungUp }) { report.ending = ScenarioEnding.callerHangup.rawValue }
        report.durationMs = line.elapsedMs
        await conclude(&report, line: line, play: play, action: action)
        return report
    }

    private func connect(callSid: String) async throws -> (CallerLine, String?) {
        switch target {
        case .media(let url):
            let line = try await CallerLine.connect(to: url, tenant: scenario.tenant, recordingPath: recordingPath, noise: scenario.noise, callSid: callSid)
            return (line, nil)
        case .server(let dialIn):
            let answer = try await dialIn.ring(callSid: callSid, tenant: scenario.tenant)
            if let reason = answer.rejected { throw TwilioDialIn.DialInError(description: "the server rejected the call (\(reason))") }
            guard let url = answer.streamURL else {
                throw TwilioDialIn.DialInError(description: "the server's TwiML has no <Connect><Stream url>")
            }
            let line = try await CallerLine.connect(to: url, parameters: answer.parameters, signature: dialIn.streamSignature(url: url),
                                                    recordingPath: recordingPath, accountSid: dialIn.accountSid, noise: scenario.noise, callSid: callSid)
            return (line, answer.action)
        }
    }

    /// After the call: how it ended, its turns, the server's side, and the expectations.
    private func conclude(_ report: inout CallReport, line: CallerLine, play: ScenarioPlay, action: String?) async {
        let events = line.timeline.events
        if let failure = line.failure { report.failures.append("the line failed: \(failure)") }
        var turns = CallerTurns.turns(events)
        report.interruptions = play.cues.map { cue in
            CallerTurns.interruption(cue.kind, line: cue.line, speechStartMs: cue.startMs, speechEndMs: cue.endMs, events: events)
        }
        var trace: ServerTrace?
        if let traceDirectory {
            trace = try? await ServerTrace.read(directory: traceDirectory, callSid: report.callSid)
            if trace == nil { report.failures.append("no trace of the call in \(traceDirectory) (is it the server's trace_dir?)") }
        }
        if let trace { ServerTraceMerge.merge(trace, into: &turns) }
        report.turns = turns
        report.jitter = line.jitter

        if report.ending == nil {
            if case .server(let dialIn) = target, let action {
                do {
                    let next = try await dialIn.streamEnded(action: action, callSid: report.callSid)
                    if let dial = next.dial {
                        report.ending = ScenarioEnding.transfer.rawValue
                        report.transferTo = dial
                    } else {
                        report.ending = ScenarioEnding.hangup.rawValue
                    }
                } catch {
                    report.failures.append("after the stream: \(error)")
                }
            }
            if let ending = trace?.ending {
                report.ending = ending
                report.transferTo = trace?.transferTo ?? report.transferTo
            }
            if report.ending == nil, events.contains(where: { if case .closed = $0.kind { true } else { false } }) {
                report.ending = ScenarioEnding.hangup.rawValue
            }
        }
        report.transcript = CallTranscript.lines(said: play.said, turns: turns)
        report.failures += ExpectationCheck.failures(scenario, report: report, hasTrace: trace != nil)
        report.passed = report.failures.isEmpty
    }
}

extension Scenario {
    /// Every line the caller may say, for synthesizing ahead of the call.
    var utterances: [ScenarioUtterance] {
        steps.compactMap { step in
            switch step.action {
            case .say(let utterance): utterance
            case .bargeIn(let cue), .backchannel(let cue): cue.utterance
            default: nil
            }
        }
    }
}
