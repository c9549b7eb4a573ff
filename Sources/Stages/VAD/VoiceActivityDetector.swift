import Audio
import SwitchboardCore

/// The `vad` stage: passes audio on untouched and adds `vad` events where caller speech starts
/// and ends (DESIGN §1–§2).
///
/// Audio must be pcm16 at 8000 or 16000 Hz — what `mulaw-decode` produces. Other audio is passed
/// on too, with one `error` event naming the expected format each time the format goes wrong.
/// A `start` event begins a new call (the noise floor is learnt afresh); `stop` closes an open
/// utterance, is passed on, and ends the stage.
public struct VoiceActivityDetector: Stage {
    public let name = "vad"
    public static let rates = SpeechDetector.rates
    public var thresholdOffset: Float
    public var endpointing: Endpointer.Settings

    public init(thresholdOffset: Float = 0, endpointing: Endpointer.Settings = .init()) {
        self.thresholdOffset = thresholdOffset
        self.endpointing = endpointing
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var segmenter: SpeechSegmenter?
        var complainedAbout: String?

        func send(_ transition: Endpointer.Transition?) async throws {
            guard let transition else { return }
            let (kind, ts) = switch transition {
            case .start(let ts): ("start", ts)
            case .end(let ts): ("end", ts)
            }
            try await output.send(Event("vad", ["event": .string(kind), "ts": .int(ts)]))
        }

        for await frame in input {
            switch frame {
            case .audio(let audio):
                try await output.send(frame)
                guard audio.codec == .pcm16, Self.rates.contains(audio.rate) else {
                    let format = "\(audio.codec.rawValue) at \(audio.rate) Hz"
                    if complainedAbout != format {
                        complainedAbout = format
                        try await output.send(Event.error(stage: name, message:
                            "expected pcm16 audio at 8000 or 16000 Hz, got \(format) (put mulaw-decode --rate 8000 in front); passing it on unanalysed"))
                    }
                    continue
                }
                complainedAbout = nil
                if segmenter?.rate != audio.rate {
                    try await send(segmenter?.finish())
                    segmenter = SpeechSegmenter(rate: audio.rate, thresholdOffset: thresholdOffset, endpointing: endpointing)
                }
                let samples = PCM16.samples(audio.payload)
                let transitions = samples.withUnsafeBufferPointer { segmenter!.feed($0, ts: Double(audio.ts)) }
                for transition in transitions { try await send(transition) }
            case .event(let event) where event.type == "start":
                try await send(segmenter?.finish())
                segmenter = nil
                try await output.send(frame)
            case .event(let event) where event.type == "stop":
                try await send(segmenter?.finish())
                try await output.send(frame)
                return
            default:
                try await output.send(frame)
            }
        }
        try await send(segmenter?.finish())
    }
}
