import Audio
import SwitchboardCore

/// The `mulaw-decode` stage: audio of any codec and rate in, pcm16 at one rate out.
///
/// Its sources (Twilio messages, raw µ-law, sound files, frames) all become frames first; this
/// stage only converts audio. Every event passes through; `start` is rewritten to describe the
/// audio that now follows it. After `stop` the stage flushes and ends, as every stage does.
public struct MuLawDecoder: ProcessingStage {
    public let name = "mulaw-decode"
    public var outputRate: Int
    public var quality: ResamplerQuality

    public init(outputRate: Int = 16000, quality: ResamplerQuality = .default) {
        self.outputRate = outputRate
        self.quality = quality
    }

    public func makeProcessor() -> any FrameProcessor { Processor(stage: self) }

    /// One call's converter.
    struct Processor: FrameProcessor {
        let stage: MuLawDecoder
        var converter: RateConverter
        // Where the filter tail belongs when it is flushed.
        var nextTs = 0
        var lastTurn: Int?
        var lastExtra = JSONObject()

        init(stage: MuLawDecoder) {
            self.stage = stage
            converter = RateConverter(outputRate: stage.outputRate, quality: stage.quality)
        }

        mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            let outputRate = stage.outputRate
            switch frame {
            case .audio(var audio):
                nextTs = audio.ts + Int(audio.durationMs.rounded())
                lastTurn = audio.turn
                lastExtra = audio.extra
                if audio.rate == outputRate {
                    // No resampling: convert the bytes directly, or pass the frame as it is.
                    if audio.codec == .mulaw {
                        audio.codec = .pcm16
                        audio.payload = MuLaw.decodeToPCM16(audio.payload)
                    }
                    output.append(.audio(audio))
                    return .more
                }
                let samples: [Int16]
                do {
                    samples = try converter.convert(audio.pcmSamples, from: audio.rate)
                } catch {
                    output.append(.event(Event.error(stage: stage.name, message: "\(error)")))
                    return .more
                }
                guard !samples.isEmpty else { return .more }
                audio.codec = .pcm16
                audio.rate = outputRate
                audio.payload = PCM16.bytes(samples)
                output.append(.audio(audio))
            case .event(var event) where event.type == "start":
                event["codec"] = .string(AudioCodec.pcm16.rawValue)
                event["rate"] = .int(outputRate)
                output.append(.event(event))
            case .event(let event) where event.type == "stop":
                // The call is over (DESIGN §1): flush, pass it on, and end.
                finish(into: &output)
                output.append(frame)
                return .end
            default:
                output.append(frame)
            }
            return .more
        }

        /// The resampler's filter tail.
        mutating func finish(into output: inout [Frame]) {
            let tail = converter.flush()
            guard !tail.isEmpty else { return }
            output.append(.audio(AudioFrame(codec: .pcm16, rate: stage.outputRate, ts: nextTs, turn: lastTurn, payload: PCM16.bytes(tail), extra: lastExtra)))
        }
    }
}
