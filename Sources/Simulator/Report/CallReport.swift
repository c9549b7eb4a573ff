/// What one simulated call showed, as the JSON report (`--report`) and the HTML report draw it.
///
/// Times are the caller's: ms since the call's `start` went out, on the caller's monotonic
/// clock. The server's own numbers (the per-stage breakdown of each turn, from its trace) are
/// durations, so they need no common clock.
public struct CallReport: Sendable, Codable, Equatable {
    public var scenario: String
    public var callSid: String
    /// Wall clock when the call started, Unix ms.
    public var startedAtUnixMs: Int
    public var durationMs: Double
    /// Every expectation met and every step carried out.
    public var passed: Bool
    /// Why not, one line each, starting `FILE:LINE:` where a step or expectation is to blame.
    public var failures: [String]
    /// `hangup`, `transfer` or `caller_hangup`; nil if the call broke off.
    public var ending: String?
    public var transferTo: String?
    public var turns: [TurnReport]
    public var interruptions: [InterruptionReport]
    /// The conversation in order: the caller's lines as the scenario says them, the agent's as
    /// its trace says it spoke them.
    public var transcript: [TranscriptLine]
    /// The stereo WAV (caller left, agent right), if recorded.
    public var recording: String?
    public var jitter: JitterReport

    public init(scenario: String, callSid: String, startedAtUnixMs: Int, durationMs: Double = 0, passed: Bool = false,
                failures: [String] = [], ending: String? = nil, transferTo: String? = nil, turns: [TurnReport] = [],
                interruptions: [InterruptionReport] = [], transcript: [TranscriptLine] = [], recording: String? = nil,
                jitter: JitterReport = JitterReport()) {
        self.scenario = scenario
        self.callSid = callSid
        self.startedAtUnixMs = startedAtUnixMs
        self.durationMs = durationMs
        self.passed = passed
        self.failures = failures
        self.ending = ending
        self.transferTo = transferTo
        self.turns = turns
        self.interruptions = interruptions
        self.transcript = transcript
        self.recording = recording
        self.jitter = jitter
    }
}

/// One agent turn: what the caller waited, and where the server says the time went.
public struct TurnReport: Sendable, Codable, Equatable {
    /// 0 is the greeting.
    public var index: Int
    /// What the caller said that this turn answers (nil for the greeting).
    public var callerText: String?
    /// What the agent said in this turn, as far as it was spoken.
    public var agentText: String?
    /// The caller's words that this turn answers: when they began and ended going out.
    public var callerSpeechStartMs: Double?
    public var callerSpeechEndMs: Double?
    /// When the turn's audio began and stopped playing at the caller's end.
    public var agentAudioStartMs: Double?
    public var agentAudioEndMs: Double?
    /// Caller speech end → first agent audio received: what the caller waited.
    public var latencyMs: Double?
    /// A barge-in cut the turn short.
    public var interrupted: Bool
    /// The server's breakdown of its latency, in chain order (`endpointing`,
    /// `stt.final_latency`, `llm.ttft`, `sentence.first`, `tts.first_byte`, `overhead`);
    /// empty without the server's trace.
    public var serverStages: [StageSpan]
    /// The server's own caller-speech-end → first-audio-sent, ms.
    public var serverLatencyMs: Double?

    public init(index: Int, callerText: String? = nil, agentText: String? = nil, callerSpeechStartMs: Double? = nil,
                callerSpeechEndMs: Double? = nil, agentAudioStartMs: Double? = nil, agentAudioEndMs: Double? = nil,
                latencyMs: Double? = nil, interrupted: Bool = false, serverStages: [StageSpan] = [], serverLatencyMs: Double? = nil) {
        self.index = index
        self.callerText = callerText
        self.agentText = agentText
        self.callerSpeechStartMs = callerSpeechStartMs
        self.callerSpeechEndMs = callerSpeechEndMs
        self.agentAudioStartMs = agentAudioStartMs
        self.agentAudioEndMs = agentAudioEndMs
        self.latencyMs = latencyMs
        self.interrupted = interrupted
        self.serverStages = serverStages
        self.serverLatencyMs = serverLatencyMs
    }
}

public struct StageSpan: Sendable, Codable, Equatable {
    public var name: String
    public var ms: Double
    public init(name: String, ms: Double) {
        self.name = name
        self.ms = ms
    }
}

/// Speech the caller made while the agent talked, and what the agent did about it.
public struct InterruptionReport: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable { case bargeIn = "barge_in", backchannel }
    public enum Outcome: String, Sendable, Codable {
        /// A barge-in, and the agent stopped (a `clear`).
        case cleared
        /// A barge-in the agent talked through.
        case missed
        /// A backchannel the agent talked through, as it should.
        case ignored
        /// A backchannel that stopped the agent.
        case falseInterruption = "false_interruption"
    }

    public var kind: Kind
    /// The scenario line of the step.
    public var line: Int
    /// When the caller's speech began going out.
    public var speechStartMs: Double
    /// When the `clear` came, if one did.
    public var clearMs: Double?
    /// Speech onset → `clear`, ms.
    public var reactionMs: Double?
    public var outcome: Outcome

    public init(kind: Kind, line: Int, speechStartMs: Double, clearMs: Double? = nil, reactionMs: Double? = nil, outcome: Outcome) {
        self.kind = kind
        self.line = line
        self.speechStartMs = speechStartMs
        self.clearMs = clearMs
        self.reactionMs = reactionMs
        self.outcome = outcome
    }
}

public struct TranscriptLine: Sendable, Codable, Equatable {
    /// `caller` or `agent`.
    public var who: String
    public var text: String
    public var ms: Double
    public init(who: String, text: String, ms: Double) {
        self.who = who
        self.text = text
        self.ms = ms
    }
}

/// How evenly the agent's audio arrived: within a turn, each frame should follow the one
/// before within its own 20 ms; lateness beyond that is jitter the caller's buffer must hide.
public struct JitterReport: Sendable, Codable, Equatable {
    /// Agent media messages received.
    public var frames: Int
    /// Arrival lateness beyond real time, ms, over frames after a turn's first.
    public var p50Ms: Double
    public var p99Ms: Double
    public var maxMs: Double
    /// Times the caller's playout ran dry in the middle of a turn (heard as a gap).
    public var underruns: Int

    public init(frames: Int = 0, p50Ms: Double = 0, p99Ms: Double = 0, maxMs: Double = 0, underruns: Int = 0) {
        self.frames = frames
        self.p50Ms = p50Ms
        self.p99Ms = p99Ms
        self.maxMs = maxMs
        self.underruns = underruns
    }
}
