import Hummingbird
import Speech

/// Real speech for the mock's text-to-speech routes: espeak-ng says the requested text, so a
/// simulated call through a cloud TTS path carries words a recogniser can check. Every
/// provider voice is espeak's `en-us`; the mock reproduces the words and the wire format, not
/// the timbre.
enum MockSpeech {
    /// espeak-ng's normal pace, which a provider's `speed` multiplies.
    static let normalRate = 175

    static func clip(_ text: String, format: SpeechFormat, speed: Double = 1) async throws -> SpeechClip {
        let rate = min(SpeechRequest.rates.upperBound, max(SpeechRequest.rates.lowerBound, Int((Double(normalRate) * speed).rounded())))
        return try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: text, rate: rate, format: format))
    }

    /// The body as a provider streams it: 100 ms pieces (whole samples), after an optional
    /// header. Synthesis is hundreds of times faster than real time, so making the clip first
    /// costs a few milliseconds and lets the faults (`ttfb_ms`, pace, stalls) apply as usual.
    static func chunks(_ audio: [UInt8], format: SpeechFormat, header: [UInt8]? = nil) -> [[UInt8]] {
        let size = max(format.codec.bytesPerSample, format.bytesPerSecond / 10)
        var chunks = stride(from: 0, to: audio.count, by: size).map { Array(audio[$0..<min($0 + size, audio.count)]) }
        if let header { chunks.insert(header, at: 0) }
        return chunks
    }

    /// A 44-byte RIFF/WAVE header: PCM (format 1) or G.711 µ-law (format 7), mono.
    static func wavHeader(format: SpeechFormat, dataBytes: Int) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        let bytesPerSample = format.codec.bytesPerSample
        return Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16)
            + le16(format.codec == .mulaw ? 7 : 1) + le16(1) + le32(format.rate) + le32(format.bytesPerSecond)
            + le16(bytesPerSample) + le16(8 * bytesPerSample) + Array("data".utf8) + le32(dataBytes)
    }

    static func contentType(_ format: SpeechFormat, wav: Bool) -> String {
        wav ? "audio/wav" : format.codec == .mulaw ? "audio/basic" : "audio/pcm"
    }
}
