import SwitchboardCore

/// What Deepgram's live socket says, read leniently (deepgram-live.md §3): real servers add
/// keys, and absent booleans mean `false`.
enum DeepgramMessage: Equatable {
    case results(DeepgramResults)
    /// The summary sent after `CloseStream`: nothing more will come.
    case metadata
    /// `SpeechStarted`, `UtteranceEnd` and types this engine has no use for (the stage has its
    /// own VAD).
    case other(String)

    /// Nil for a frame that is not a JSON object with a `type`: a protocol error.
    init?(text: String) {
        guard let object = (try? JSONParser.parse(text))?.object, let type = object["type"]?.string else { return nil }
        switch type {
        case "Results": self = .results(DeepgramResults(object))
        case "Metadata": self = .metadata
        default: self = .other(type)
        }
    }
}

/// One `Results` message: the first alternative of its one channel, and where it lies in the
/// audio sent on this socket (seconds).
struct DeepgramResults: Equatable {
    var transcript: String
    var confidence: Double?
    /// Of the speech where the alternative has words, else of the whole window.
    var start: Double
    var end: Double
    /// Where the window ends, words or not: the audio this result has settled when final.
    var windowEnd: Double
    var isFinal: Bool
    var speechFinal: Bool
    var fromFinalize: Bool

    init(transcript: String, confidence: Double? = nil, start: Double, end: Double, windowEnd: Double? = nil,
        isFinal: Bool, speechFinal: Bool = false, fromFinalize: Bool = false)
    {
        self.transcript = transcript
        self.confidence = confidence
        self.start = start
        self.end = end
        self.windowEnd = windowEnd ?? end
        self.isFinal = isFinal
        self.speechFinal = speechFinal
        self.fromFinalize = fromFinalize
    }

    init(_ object: JSONObject) {
        let alternative = object["channel"]?.object?["alternatives"]?.array?.first?.object
        let words = alternative?["words"]?.array?.compactMap(\.object) ?? []
        let windowStart = object["start"]?.double ?? 0
        let windowEnd = windowStart + (object["duration"]?.double ?? 0)
        self.init(
            transcript: (alternative?["transcript"]?.string ?? "").trimmingWhitespace,
            confidence: alternative?["confidence"]?.double,
            start: words.first?["start"]?.double ?? windowStart,
            end: words.last?["end"]?.double ?? windowEnd,
            windowEnd: windowEnd,
            isFinal: object["is_final"]?.bool ?? false,
            speechFinal: object["speech_final"]?.bool ?? false,
            fromFinalize: object["from_finalize"]?.bool ?? false)
    }
}
