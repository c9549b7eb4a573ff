import SwitchboardCore

/// Where one agent turn's latency went, from the moment the caller stopped speaking to the
/// moment the turn's first audio left for Twilio (DESIGN §4's budget, measured).
///
/// Two kinds of numbers meet here. The supervisor's own clock (ms since the call started) says
/// when things crossed the telephone side: when the caller's speech ended (their media time,
/// put on our clock by `MediaClock`), when the endpoint and the final transcript came out of
/// the graph, when the turn's first audio was sent. The stages' `trace` events say how long
/// each spent inside: `stt.final_latency` (from the `vad end` reaching STT), `llm.ttft` and
/// `sentence.first` (both from the turn's start, so the second includes the first),
/// `tts.first_byte` (from the sentence reaching TTS).
public struct TurnBreakdown: Sendable, Equatable {
    public var turn: Int
    /// What the caller said that this turn answers; nil for a greeting or a prompt.
    public var callerText: String?
    /// Call ms when the caller stopped speaking (nil without caller speech before the turn).
    public var speechEnd: Double?
    /// Call ms when the `vad end` (or, without VAD, the endpointed transcript) left the graph.
    public var endpointSeen: Double?
    /// Call ms when the caller's final transcript left the graph.
    public var finalSeen: Double?
    /// Call ms when `response.start` left the graph.
    public var startSeen: Double?
    /// Call ms when the turn's first audio frame was sent.
    public var firstAudio: Double?
    /// The stages' own spans, by trace name (ms).
    public var traces: [String: Double] = [:]
    /// An `interrupt` (barge-in) cut the turn.
    public var interrupted = false

    public init(turn: Int) { self.turn = turn }

    /// The stages of the chain, in order, as reported (ms).
    public static let traceStages = ["stt.final_latency", "llm.ttft", "sentence.first", "tts.first_byte"]

    /// Caller speech end to first audio sent: what the caller waits.
    public var latency: Double? {
        guard let speechEnd, let firstAudio else { return nil }
        return firstAudio - speechEnd
    }

    /// Caller speech end until the end of the turn was known (VAD's trailing silence).
    public var endpointing: Double? {
        guard let speechEnd, let endpointSeen else { return nil }
        return endpointSeen - speechEnd
    }

    /// The latency no stage accounts for: channels, hops between stages, framing, encoding —
    /// what Switchboard itself adds. Needs every part of the chain.
    public var overhead: Double? {
        guard let latency, let endpointing, let stt = traces["stt.final_latency"],
              let sentence = traces["sentence.first"], let tts = traces["tts.first_byte"] else { return nil }
        return latency - endpointing - stt - sentence - tts
    }

    /// Each stage's share (ms) for the histograms and the log line, in chain order; parts not
    /// measured are left out.
    public var stages: [(name: String, ms: Double)] {
        var stages: [(String, Double)] = []
        if let endpointing { stages.append(("endpointing", endpointing)) }
        for name in Self.traceStages { if let ms = traces[name] { stages.append((name, ms)) } }
        if let overhead { stages.append(("overhead", overhead)) }
        return stages
    }

    /// The turn's line in the trace file.
    func jsonLine(at callMs: Double) -> JSONObject {
        var at: JSONObject = [:]
        at["speech_end"] = speechEnd.map(Self.json)
        at["endpoint"] = endpointSeen.map(Self.json)
        at["final"] = finalSeen.map(Self.json)
        at["response_start"] = startSeen.map(Self.json)
        at["first_audio"] = firstAudio.map(Self.json)
        var stageObject: JSONObject = [:]
        for (name, ms) in stages { stageObject[name] = Self.json(ms) }
        var line: JSONObject = ["t": Self.json(callMs), "type": "turn", "turn": .int(turn)]
        line["caller"] = callerText.map(JSON.string)
        line["latency"] = latency.map(Self.json)
        line["stages"] = .object(stageObject)
        line["at"] = .object(at)
        line["interrupted"] = .bool(interrupted)
        return line
    }

    /// The turn's one log line.
    var summary: String {
        let parts = stages.map { "\($0.name) \(Self.rounded($0.ms))" }.joined(separator: ", ")
        let head = latency.map { "turn \(turn): \(Self.rounded($0)) ms from caller speech end to first audio" }
            ?? "turn \(turn): no caller speech before it" + (firstAudio.map { ", first audio at \(Self.rounded($0)) ms" } ?? ", no audio")
        return head + (parts.isEmpty ? "" : " (\(parts))") + (interrupted ? ", interrupted" : "")
    }

    static func json(_ ms: Double) -> JSON { .double((ms * 10).rounded() / 10) }
    private static func rounded(_ ms: Double) -> Int { Int(ms.rounded()) }
}
