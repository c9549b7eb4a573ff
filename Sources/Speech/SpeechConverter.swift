import Audio

/// Samples at an engine's own rate → the requested rate and codec, as a stream: the resampler
/// keeps its filter state between chunks, so chunk edges leave no clicks, and `finish` returns
/// the filter's tail at the end of the clip. espeak-ng (22050 Hz) and HTTP engines whose
/// provider cannot send the requested format (OpenAI's 24 kHz pcm) convert through it.
public struct SpeechConverter {
    public let format: SpeechFormat
    private let resampler: Resampler?
    /// An odd byte of 16-bit input left over from the last chunk (`convert(bytes:)`).
    private var pendingByte: UInt8?

    public init(from inputRate: Int = EspeakSynthesizer.nativeRate, to format: SpeechFormat) throws {
        self.format = format
        resampler = format.rate == inputRate ? nil : try Resampler(from: inputRate, to: format.rate)
    }

    public func convert(_ samples: [Int16]) -> [UInt8] { encode(resampler?.process(samples) ?? samples) }

    /// Raw 16-bit little-endian bytes as they arrive from a socket: any chunk length, an odd
    /// trailing byte kept for the next chunk.
    public mutating func convert(bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        if let pending = pendingByte {
            bytes.insert(pending, at: 0)
            pendingByte = nil
        }
        if bytes.count % 2 == 1 { pendingByte = bytes.removeLast() }
        return convert(PCM16.samples(bytes))
    }

    public func finish() -> [UInt8] { encode(resampler?.flush() ?? []) }

    private func encode(_ samples: [Int16]) -> [UInt8] {
        switch format.codec {
        case .pcm16: PCM16.bytes(samples)
        case .mulaw: MuLaw.encode(samples)
        }
    }
}
