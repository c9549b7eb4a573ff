import SwitchboardCore

/// One caller utterance from its pre-roll to the moment a final for it is out: its audio (kept
/// so that an engine taking over mid-utterance hears it all), what the dialogue listened for,
/// and what each competing engine has answered so far.
struct CallerUtterance {
    let number: Int
    /// Call milliseconds of its first audio (pre-roll included).
    let ts: Int
    let listen: ListenContext?
    private(set) var audio: [AudioFrame] = []
    private(set) var audioMs = 0.0
    /// Call milliseconds of the `vad end` (nil while the caller speaks).
    var endTs: Int?
    /// When the `vad end` arrived: the start of `stt.final_latency`.
    var endedAt: ContinuousClock.Instant?
    /// Latest audio time seen, for interim `end`.
    var lastTs: Int

    /// Finals sent for it so far (a single engine's finals go out as they come).
    var finalsSent = 0
    /// A competing engine's answer: its finals joined, and whether its last one is in.
    struct Answer {
        var pieces: [String] = []
        var confidence: Double?
        var startTs: Int?
        var endTs: Int?
        var complete = false
        var text: String { pieces.filter { !$0.isEmpty }.joined(separator: " ") }
    }
    var answers: [Int: Answer] = [:]
    /// When the first competing engine completed (the pick waits from then).
    var firstCompleteAt: ContinuousClock.Instant?

    init(number: Int, ts: Int, listen: ListenContext?) {
        self.number = number
        self.ts = ts
        self.listen = listen
        self.lastTs = ts
    }

    mutating func append(_ frame: AudioFrame) {
        audio.append(frame)
        audioMs += frame.durationMs
        lastTs = frame.ts + Int(frame.durationMs)
    }

    /// What an engine taking over is given, in order.
    var replay: [RecognitionReplay] {
        var items: [RecognitionReplay] = [.begin(utterance: number, ts: ts, listen: listen)]
        items += audio.map { .audio($0) }
        if let endTs { items.append(.end(utterance: number, ts: endTs)) }
        return items
    }
}

/// `RecognitionInput` before conversion to an engine's format.
enum RecognitionReplay {
    case begin(utterance: Int, ts: Int, listen: ListenContext?)
    case audio(AudioFrame)
    case end(utterance: Int, ts: Int)
}
