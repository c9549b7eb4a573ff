import Audio
import SwitchboardCore

extension AudioFrame {
    /// The samples of this frame, decoding µ-law if need be.
    public var pcmSamples: [Int16] {
        switch codec {
        case .pcm16: PCM16.samples(payload)
        case .mulaw: MuLaw.decode(payload)
        }
    }
}

/// Converts a stream of audio of any rate to one output rate, keeping one streaming resampler
/// per input rate so a rate change mid-stream does not reset the filter of the other.
struct RateConverter {
    let outputRate: Int
    let quality: ResamplerQuality
    private var resamplers: [Int: Resampler] = [:]

    init(outputRate: Int, quality: ResamplerQuality) {
        self.outputRate = outputRate
        self.quality = quality
    }

    mutating func convert(_ samples: [Int16], from rate: Int) throws -> [Int16] {
        guard rate != outputRate else { return samples }
        return try resampler(for: rate).process(samples)
    }

    /// The samples still inside the filters: at the end of a stream, or before whatever must
    /// come after all of the audio so far.
    mutating func flush() -> [Int16] {
        var tail: [Int16] = []
        for resampler in resamplers.values { tail += resampler.flush() }
        return tail
    }

    /// Forgets buffered audio (an interrupted turn must not leak into the next one).
    mutating func reset() {
        for resampler in resamplers.values { resampler.reset() }
    }

    private mutating func resampler(for rate: Int) throws -> Resampler {
        if let existing = resamplers[rate] { return existing }
        let created = try Resampler(from: rate, to: outputRate, quality: quality)
        resamplers[rate] = created
        return created
    }
}
