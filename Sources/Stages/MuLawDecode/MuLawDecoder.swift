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
    /// Resampled audio goes out in frames of this duration (the last one of a stream shorter).
    public var frameMs: Int

    public init(outputRate: Int = 16000, quality: ResamplerQuality = .default, frameMs: Int = 20) {
        self.outputRate = outputRate
        self.quality = quality
        self.frameMs = frameMs
    }

    public func makeProcessor() -> any FrameProcessor { Processor(stage: self) }

    /// One call's converter.
    ///
    /// A resampler holds back a few milliseconds of every input frame (its filter's delay), so
    /// its output comes in uneven pieces (the first 20 ms frame gives 14 ms). The pieces are
    /// gathered and sent as whole frames again, stamped with the media time of their first
    /// sample, so a 20 ms frame in is a 20 ms frame out and `ts` stays true media time.
    struct Processor: FrameProcessor {
        let stage: MuLawDecoder
        var converter: RateConverter
        /// Resampled samples not yet sent, all of one turn and one set of extra keys.
        var pending: [Int16] = []
        var pendingTurn: Int?
        var pendingExtra = JSONObject()
        /// Media time (ms) of the next output sample: of `pending[0]` while there is one.
        var outputTs: Double?

        init(stage: MuLawDecoder) {
            self.stage = stage
            converter = RateConverter(outputRate: stage.outputRate, quality: stage.quality)
        }

        var samplesPerFrame: Int { max(1, stage.outputRate * stage.frameMs / 1000) }

        mutating func process(_ frame: Frame, into output: inout [Frame]) -> ProcessorStep {
            switch frame {
            case .audio(var audio):
                if audio.rate == stage.outputRate {
                    // No resampling: convert the bytes directly, or pass the frame as it is.
                    sendPending(into: &output)
                    outputTs = nil
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
                if audio.turn != pendingTurn || audio.extra != pendingExtra { sendPending(into: &output) }
                if outputTs == nil { outputTs = Double(audio.ts) }
                pendingTurn = audio.turn
                pendingExtra = audio.extra
                pending += samples
                sendWholeFrames(into: &output)
            case .event(var event) where event.type == "start":
                sendPending(into: &output)
                outputTs = nil  // a new call: its media time starts from its own first frame
                event["codec"] = .string(AudioCodec.pcm16.rawValue)
                event["rate"] = .int(stage.outputRate)
                output.append(.event(event))
            case .event(let event) where event.type == "stop":
                // The call is over (DESIGN §1): flush, pass it on, and end.
                finish(into: &output)
                output.append(frame)
                return .end
            default:
                // Audio before an event stays before it.
                sendPending(into: &output)
                output.append(frame)
            }
            return .more
        }

        /// What is pending and the resampler's filter tail.
        mutating func finish(into output: inout [Frame]) {
            pending += converter.flush()
            sendWholeFrames(into: &output)
            sendPending(into: &output)
        }

        private mutating func sendWholeFrames(into output: inout [Frame]) {
            let size = samplesPerFrame
            var start = 0
            while pending.count - start >= size {
                send(pending[start..<start + size], into: &output)
                start += size
            }
            pending.removeFirst(start)
        }

        /// Sends what is pending, however short.
        private mutating func sendPending(into output: inout [Frame]) {
            guard !pending.isEmpty else { return }
            send(pending[...], into: &output)
            pending.removeAll(keepingCapacity: true)
        }

        private mutating func send(_ samples: ArraySlice<Int16>, into output: inout [Frame]) {
            let ts = outputTs ?? 0
            output.append(.audio(AudioFrame(codec: .pcm16, rate: stage.outputRate, ts: Int(ts.rounded()), turn: pendingTurn,
                                            payload: PCM16.bytes(Array(samples)), extra: pendingExtra)))
            outputTs = ts + Double(samples.count) * 1000 / Double(stage.outputRate)
        }
    }
}
