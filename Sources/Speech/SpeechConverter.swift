import Audio

/// espeak's 22050 Hz samples → the requested rate and codec, as a stream: the resampler keeps
/// its filter state between chunks, so chunk edges leave no clicks, and `finish` returns the
/// filter's tail at the end of the clip.
struct SpeechConverter {
    let format: SpeechFormat
    private let resampler: Resampler?

    init(format: SpeechFormat) throws {
        self.format = format
        resampler = format.rate == EspeakSynthesizer.nativeRate
            ? nil : try Resampler(from: EspeakSynthesizer.nativeRate, to: format.rate)
    }

    func convert(_ samples: [Int16]) -> [UInt8] { encode(resampler?.process(samples) ?? samples) }

    func finish() -> [UInt8] { encode(resampler?.flush() ?? []) }

    private func encode(_ samples: [Int16]) -> [UInt8] {
        switch format.codec {
        case .pcm16: PCM16.bytes(samples)
        case .mulaw: MuLaw.encode(samples)
        }
    }
}
