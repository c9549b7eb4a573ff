import Audio
import SwitchboardCore

/// The `vad` stage: passes audio on untouched and adds `vad` events where caller speech starts
/// and ends (DESIGN §1–§2).
///
/// Audio must be pcm16 at 8000 or 16000 Hz — what `mulaw-decode` produces. Other audio is passed
/// on too, with one `error` event naming the expected format each time the format goes wrong.
/// A `start` event begins a new call (the noise floor is learnt afresh); `stop` closes an open
/// utterance, is passed on, and ends the stage.
public struct VoiceActivityDetector: ProcessingStage {
    public let name = "vad"
    public static let rates = SpeechDetector.rates
    public var thresholdOffset: Float
    public var endpointing: Endpointer.Settings

    public init(thresholdOffset: Float = 0, endpointing: Endpointer.Settings = .init()) {
        self.thresholdOffset = thresholdOffset
        self.endpointing = endpointing
    }

    public func makeProcessor() -> any FrameProcessor { Processor(stage: self) }

    /// One call's detector.
    struct Processor: FrameProcessor {
        let stage: VoiceActivityDetector
        var segmenter: SpeechSegmenter?
        var complainedAbout: String?

        init(stage: VoiceActivityDetector) { self.stage = stage }

        mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            switch frame {
            case .audio(let audio):
                output.append(frame)
                guard audio.codec == .pcm16, VoiceActivityDetector.rates.contains(audio.rate) else {
                    let format = "\(audio.codec.rawValue) at \(audio.rate) Hz"
                    if complainedAbout != format {
                        complainedAbout = format
                        output.append(.event(Event.error(stage: stage.name, message:
                            "expected pcm16 audio at 8000 or 16000 Hz, got \(format) (put mulaw-decode --rate 8000 in front); passing it on unanalysed")))
                    }
                    return .more
                }
                complainedAbout = nil
                if segmenter?.rate != audio.rate {
                    Self.send(segmenter?.finish(), into: &output)
                    segmenter = SpeechSegmenter(rate: audio.rate, thresholdOffset: stage.thresholdOffset, endpointing: stage.endpointing)
                }
                let samples = PCM16.samples(audio.payload)
                let marks = samples.withUnsafeBufferPointer { segmenter!.mark($0, ts: Double(audio.ts)) }
                for mark in marks { Self.send(mark, into: &output) }
            case .event(let event) where event.type == "start":
                Self.send(segmenter?.finish(), into: &output)
                segmenter = nil
                output.append(frame)
            case .event(let event) where event.type == "stop":
                Self.send(segmenter?.finish(), into: &output)
                output.append(frame)
                return .end
            default:
                output.append(frame)
            }
            return .more
        }

        mutating func finish(into output: inout [Frame]) {
            Self.send(segmenter?.finish(), into: &output)
        }

        private static func send(_ mark: SpeechSegmenter.Mark, into output: inout [Frame]) {
            switch mark {
            case .transition(let transition): send(transition, into: &output)
            case .murmur(let ts): output.append(.event(Event("vad", ["event": "murmur", "ts": .int(ts)])))
            case .voiced(let ts): output.append(.event(Event("vad", ["event": "voiced", "ts": .int(ts)])))
            }
        }

        private static func send(_ transition: Endpointer.Transition?, into output: inout [Frame]) {
            guard let transition else { return }
            let (kind, ts) = switch transition {
            case .start(let ts): ("start", ts)
            case .end(let ts): ("end", ts)
            }
            output.append(.event(Event("vad", ["event": .string(kind), "ts": .int(ts)])))
        }
    }
}
