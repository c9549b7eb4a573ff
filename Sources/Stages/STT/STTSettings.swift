import Audio

/// How `stt-stream` recognizes a call.
public struct STTSettings: Sendable {
    /// Engines in failover order. The engines of one group hear the same audio side by side and
    /// compete for each utterance (`--engine pocketsphinx+deepgram`); when every engine of a
    /// group has failed, the next group takes over (`--engine deepgram,pocketsphinx`).
    public var groups: [[any STTEngine]]
    /// Audio kept from before each `vad start` and handed to the engines with the utterance.
    public var preRollMs = 300
    /// Send the audio on as well (it is consumed by default).
    public var passAudio = false
    /// In a competition, how long the first final waits for the other engines' finals.
    public var pickWait: Duration = .milliseconds(150)
    /// An utterance is cut (ended and a new one begun) past this, so nothing buffers without bound.
    public var maxUtteranceMs = 60_000
    /// At `stop`, how long the engines may go without answering before the stage gives up on
    /// the utterances still open.
    public var drainDeadline: Duration = .seconds(5)
    /// How the call's audio is resampled for an engine that needs another rate.
    public var resamplerQuality: ResamplerQuality = .medium
    /// Whether a text reads as a value of a slot (a date, a time, yes/no, a known name):
    /// how a competition prefers the final that answers what the dialogue asked. The Dialogue
    /// module's extractors, wired in by the options layer.
    public var reads: @Sendable (_ text: String, _ slot: ListenContext.Slot) -> Bool

    public init(groups: [[any STTEngine]], reads: @escaping @Sendable (String, ListenContext.Slot) -> Bool = { _, _ in false }) {
        self.groups = groups
        self.reads = reads
    }

    /// Every engine name, for messages: `pocketsphinx+deepgram,whisper`.
    public var description: String { groups.map { $0.map(\.name).joined(separator: "+") }.joined(separator: ",") }
}
