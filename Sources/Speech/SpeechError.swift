/// Why a request produced no (or not all of its) audio.
public enum SpeechError: Error, Sendable, Equatable, CustomStringConvertible {
    case emptyText
    case badRate(Int)
    case badPitch(Int)
    case badFormat(SpeechFormat)
    /// The voice does not exist; `available` lists the ones that do (their language names).
    case unknownVoice(String, available: [String])
    /// The text has letters of a script the voice cannot read (Chinese given to `en-us`).
    case unreadableScript(voice: String, script: WritingSystem)
    /// Too many requests wait already: the caller should shed load or try again shortly.
    case queueFull(limit: Int)
    /// The reader took nothing for this long while its buffer was full, so synthesis gave up
    /// rather than hold the one synthesis thread (and every other call) any longer.
    case readerStalled(seconds: Double)
    /// `cancel(group:)` dropped it.
    case cancelled(group: String)
    /// libespeak-ng could not start or failed on this text.
    case engine(String)

    public var description: String {
        switch self {
        case .emptyText: "nothing to say: the text is empty"
        case .badRate(let rate): "rate \(rate) words per minute is outside \(SpeechRequest.rates.lowerBound)–\(SpeechRequest.rates.upperBound)"
        case .badPitch(let pitch): "pitch \(pitch) is outside \(SpeechRequest.pitches.lowerBound)–\(SpeechRequest.pitches.upperBound)"
        case .badFormat(let format): "cannot produce \(format) (rates \(SpeechFormat.rates.lowerBound)–\(SpeechFormat.rates.upperBound) Hz)"
        case .unknownVoice(let voice, let available):
            "espeak-ng has no voice \"\(voice)\" (available: \(available.joined(separator: ", ")))"
        case .unreadableScript(let voice, let script):
            "espeak-ng voice \"\(voice)\" cannot read \(script.rawValue) script" + (script.suggestedVoice.map { "; a voice that can: \($0)" } ?? "")
        case .queueFull(let limit): "the speech synthesizer is busy: \(limit) requests are already waiting"
        case .readerStalled(let seconds): "synthesis abandoned: its reader took no audio for \(seconds) s"
        case .cancelled(let group): "synthesis of \(group) was cancelled"
        case .engine(let message): "espeak-ng: \(message)"
        }
    }
}
