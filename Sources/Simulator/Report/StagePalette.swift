/// What each part of a turn looks like in the report, and how the server's stages become the
/// bars the waterfall stacks.
enum StagePalette {
    struct Stage {
        /// The stage's name in the server's trace (`StageSpan.name`).
        var name: String
        /// What the legend calls it.
        var label: String
        var color: String
    }

    /// The server's stages in chain order: the order a turn's time is spent in.
    static let stages: [Stage] = [
        Stage(name: "endpointing", label: "waiting out the caller's silence", color: "#aab4c3"),
        Stage(name: "stt.final_latency", label: "final transcript", color: "#f28e2b"),
        Stage(name: "llm.ttft", label: "LLM first token", color: "#b07aa1"),
        Stage(name: "sentence.first", label: "rest of the first sentence", color: "#e6c229"),
        Stage(name: "tts.first_byte", label: "TTS first audio", color: "#3fa7a0"),
        Stage(name: "overhead", label: "Switchboard's own time", color: "#8c6d5a"),
    ]

    static let callerSpeech = "#4e79a7"
    static let agentAudio = "#59a14f"
    /// The caller's wait that the server's trace does not account for: network and buffers.
    static let transport = "#d9d9d9"
    static let unknownStage = "#9e9e9e"
    static let bargeIn = "#33302e"
    static let failedInterruption = "#d62728"
    static let ignoredBackchannel = "#7f7f7f"

    static func color(of name: String) -> String {
        stages.first { $0.name == name }?.color ?? unknownStage
    }

    /// One bar of a turn's server time.
    struct Segment: Equatable {
        var name: String
        var ms: Double
        var color: String
    }

    /// The turn's stages as bars laid end to end: known stages in chain order, then any the
    /// palette does not know, as given. `sentence.first` is measured from the same start as
    /// `llm.ttft` and so contains it: its bar is only the part after the first token, or the
    /// stack would count the first token twice. Unusable durations are left out.
    static func segments(of spans: [StageSpan]) -> [Segment] {
        let rank = { (name: String) in stages.firstIndex { $0.name == name } ?? stages.count }
        let ordered = spans.enumerated().sorted { a, b in
            (rank(a.element.name), a.offset) < (rank(b.element.name), b.offset)
        }.map(\.element)
        let firstToken = spans.first { $0.name == "llm.ttft" }.flatMap { ReportNumbers.usable($0.ms) } ?? 0
        return ordered.compactMap { span in
            guard var ms = ReportNumbers.usable(span.ms) else { return nil }
            if span.name == "sentence.first" { ms = max(0, ms - firstToken) }
            return Segment(name: span.name, ms: ms, color: color(of: span.name))
        }
    }
}
