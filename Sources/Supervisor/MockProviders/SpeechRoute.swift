import Foundation
import Hummingbird
import SwitchboardCore

/// `POST /v1/audio/speech`: a 440 Hz tone whose length follows the text (60 ms a character,
/// 0.2–30 s), as raw 24 kHz 16-bit little-endian `pcm` or as `wav`, streamed in 100 ms chunks.
/// It is not speech, but it has the size, format and timing of speech, which is what the
/// engines and their fallbacks need to be exercised.
struct SpeechRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    static let rate = 24000

    func respond(_ request: Request) async throws -> Response {
        let bytes = Array(try await request.body.collect(upTo: 1024 * 1024).readableBytesView)
        guard let body = try? JSONParser.parse(bytes).object else { return ProviderErrors.badRequest("body is not a JSON object") }
        guard body["model"]?.string != nil else { return ProviderErrors.badRequest("you must provide a model parameter") }
        guard let input = body["input"]?.string, !input.isEmpty else { return ProviderErrors.badRequest("input must be a non-empty string") }
        guard body["voice"]?.string != nil else { return ProviderErrors.badRequest("you must provide a voice parameter") }
        let format = body["response_format"]?.string ?? "mp3"
        guard format == "pcm" || format == "wav" else {
            return ProviderErrors.badRequest("the mock serves response_format pcm or wav, not \(format)")
        }
        let outcome = state.outcome(for: .speech)
        if let injected = ProviderErrors.injected(outcome, faults: faults) { return injected }

        let seconds = min(30, max(0.2, Double(input.count) * 0.06))
        let pcm = Self.tone(seconds: seconds)
        var chunks = stride(from: 0, to: pcm.count, by: Self.rate / 10 * 2).map { Array(pcm[$0..<min($0 + Self.rate / 10 * 2, pcm.count)]) }
        if format == "wav" { chunks.insert(Self.wavHeader(dataBytes: pcm.count), at: 0) }
        let streamer = MockStreamer(route: .speech, faults: faults, outcome: outcome, state: state)
        return Response(status: .ok, headers: [.contentType: format == "wav" ? "audio/wav" : "audio/pcm"], body: streamer.body(chunks))
    }

    static func tone(seconds: Double) -> [UInt8] {
        let count = Int(seconds * Double(rate))
        var bytes = [UInt8](repeating: 0, count: count * 2)
        for i in 0..<count {
            let sample = UInt16(bitPattern: Int16(8000 * sin(2 * Double.pi * 440 * Double(i) / Double(rate))))
            bytes[2 * i] = UInt8(truncatingIfNeeded: sample)
            bytes[2 * i + 1] = UInt8(truncatingIfNeeded: sample >> 8)
        }
        return bytes
    }

    static func wavHeader(dataBytes: Int) -> [UInt8] {
        func le32(_ v: Int) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        func le16(_ v: Int) -> [UInt8] { (0..<2).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        return Array("RIFF".utf8) + le32(36 + dataBytes) + Array("WAVEfmt ".utf8) + le32(16) + le16(1) + le16(1)
            + le32(rate) + le32(rate * 2) + le16(2) + le16(16) + Array("data".utf8) + le32(dataBytes)
    }
}
