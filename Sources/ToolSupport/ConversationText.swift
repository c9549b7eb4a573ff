import SwitchboardCore

/// How a conversation reads as plain text (`llm-stream --plain`): what each frame adds to
/// stdout and to stderr. The agent's words appear as they stream in, each answer is a
/// paragraph (a blank line after it, so that the next line a person types stands apart), an
/// `error` event is a line on stderr, and the end of a conversation is said in a line of its
/// own. Everything else — history, traces, audio, the caller's own words — is left out: a
/// person reading along cannot follow it, and `--frames` shows it.
struct ConversationText: Sendable {
    /// Words of the current answer have been shown: it ends with a blank line.
    private var answerShown = false
    /// Stdout does not end with a newline: a line on stderr now would land in mid-sentence.
    private var midLine = false

    static let endedLine = "(The conversation has ended; the next line begins a new one.)\n\n"

    /// What `frame` adds: text for stdout and a line for stderr, either possibly empty.
    mutating func render(_ frame: Frame) -> (out: String, err: String) {
        guard case .event(let event) = frame else { return ("", "") }
        switch event.type {
        case "token": return (token(event["text"]?.string ?? ""), "")
        case "response.end": return (answerEnded(event), "")
        case "error": return error(event)
        default: return ("", "")
        }
    }

    /// What is still owed at the end of the output: the newline of an unfinished line.
    mutating func finish() -> String {
        defer { midLine = false }
        return midLine ? "\n" : ""
    }

    private mutating func token(_ text: String) -> String {
        // Tokens carry their leading space; the first of an answer starts the paragraph.
        let shown = answerShown ? Substring(text) : text.drop { $0.isWhitespace }
        guard !shown.isEmpty else { return "" }
        answerShown = true
        midLine = shown.last != "\n"
        return String(shown)
    }

    private mutating func answerEnded(_ end: Event) -> String {
        var out = ""
        // Cut off mid-sentence (the call stopped, a new one started): say so.
        if end["reason"]?.string == "interrupted", midLine { out += " …" }
        if midLine { out += "\n" }
        if answerShown { out += "\n" }
        if end["last"]?.bool == true { out += Self.endedLine }
        answerShown = false
        midLine = false
        return out
    }

    private mutating func error(_ event: Event) -> (out: String, err: String) {
        let line = "\(event["stage"]?.string ?? "error"): \(event["message"]?.string ?? "(no message)")\n"
        guard midLine else { return ("", line) }
        midLine = false
        return ("\n", line)
    }
}
