import Audio
import SwitchboardCore

/// The `mulaw-decode` stage: audio of any codec and rate in, pcm16 at one rate out.
///
/// Its sources (Twilio messages, raw µ-law, sound files, frames) all become frames first; this
/// stage only converts audio. Every event passes through; `start` is rewritten to describe the
/// audio that now follows it. After `stop` the stage flushes and ends, as every stage does.
public struct MuLawDecoder: Stage {
    public let name = "mulaw-decode"
    public var outputRate: Int
    public var quality: ResamplerQuality

    public init(outputRate: Int = 16000, quality: ResamplerQuality = .default) {
        self.outputRate = outputRate
        self.quality = quality
    }

    public func run(_ input: some AsyncSequence<Frame, Never> & Sendable, to output: some FrameSink) async throws {
        var converter = RateConverter(outputRate: outputRate, quality: quality)
        // Where the filter tail belongs when it is flushed.
        var nextTs = 0
        var lastTurn: Int?
        var lastExtra = JSONObject()

        func flushTail() async throws {
            let tail = converter.flush()
            guard !tail.isEmpty else { return }
            try await output.send(
                AudioFrame(codec: .pcm16, rate: outputRate, ts: nextTs, turn: lastTurn, payload: PCM16.bytes(tail), extra: lastExtra))
        }

        for await frame in input {
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
                    try await output.send(audio)
                    continue
                }
                let samples: [Int16]
                do {
                    samples = try converter.convert(audio.pcmSamples, from: audio.rate)
                } catch {
                    try await output.send(Event.error(stage: name, message: "\(error)"))
                    continue
                }
                guard !samples.isEmpty else { continue }
                audio.codec = .pcm16
                audio.rate = outputRate
                audio.payload = PCM16.bytes(samples)
                try await output.send(audio)
            case .event(var event) where event.type == "start":
                event["codec"] = .string(AudioCodec.pcm16.rawValue)
                event["rate"] = .int(outputRate)
                try await output.send(event)
            case .event(let event) where event.type == "stop":
                // The call is over (DESIGN §1): flush, pass it on, and end.
                try await flushTail()
                try await output.send(event)
                return
            default:
                try await output.send(frame)
            }
        }
        try await flushTail()
    }
}
