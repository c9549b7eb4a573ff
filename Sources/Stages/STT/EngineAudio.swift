import Audio
import Speech
import SwitchboardCore

/// Turns the call's audio frames into what one engine takes: passed through untouched when the
/// formats agree (µ-law to Deepgram stays µ-law), otherwise decoded, resampled (streaming, so
/// an utterance is one continuous signal) and encoded.
struct EngineAudio {
    let target: SpeechFormat
    private var rates: RateConverter

    init(target: SpeechFormat, quality: ResamplerQuality) {
        self.target = target
        self.rates = RateConverter(outputRate: target.rate, quality: quality)
    }

    /// The frame in the engine's format; throws when its rate cannot be converted.
    mutating func convert(_ frame: AudioFrame) throws -> AudioChunk {
        let bytes: [UInt8]
        if frame.codec == target.codec, frame.rate == target.rate {
            bytes = frame.payload
        } else {
            bytes = encode(try rates.convert(frame.pcmSamples, from: frame.rate))
        }
        return AudioChunk(format: target, ts: frame.ts, bytes: bytes)
    }

    /// The end of an utterance: what the resampler still holds, and a clean start for the next.
    mutating func finish(ts: Int) -> AudioChunk? {
        let tail = rates.flush()
        rates.reset()
        return tail.isEmpty ? nil : AudioChunk(format: target, ts: ts, bytes: encode(tail))
    }

    private func encode(_ samples: [Int16]) -> [UInt8] {
        target.codec == .mulaw ? MuLaw.encode(samples) : PCM16.bytes(samples)
    }
}
