import Foundation
import Hummingbird
import Speech
import SwitchboardCore

/// `POST /v1/audio/speech` (OpenAI-compatible): the input spoken by espeak-ng, as raw 24 kHz
/// 16-bit little-endian `pcm` or as `wav`, streamed in 100 ms chunks. `speed` (0.25–4) scales
/// espeak's pace. Other formats (mp3, opus…) are refused: the mock encodes none of them.
struct SpeechRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    static let format = SpeechFormat(codec: .pcm16, rate: 24000)
    /// OpenAI's limit on `input`.
    static let maxCharacters = 4096

    func respond(_ request: Request) async throws -> Response {
        let bytes = Array(try await request.body.collect(upTo: 1024 * 1024).readableBytesView)
        guard let body = try? JSONParser.parse(bytes).object else { return ProviderErrors.badRequest("body is not a JSON object") }
        guard body["model"]?.string != nil else { return ProviderErrors.badRequest("you must provide a model parameter") }
        guard let input = body["input"]?.string, input.contains(where: { !$0.isWhitespace }) else {
            return ProviderErrors.badRequest("input must be a non-empty string")
        }
        guard input.count <= Self.maxCharacters else { return ProviderErrors.badRequest("input is longer than \(Self.maxCharacters) characters") }
        guard body["voice"]?.string != nil else { return ProviderErrors.badRequest("you must provide a voice parameter") }
        let speed = body["speed"]?.double ?? 1
        guard (0.25...4).contains(speed) else { return ProviderErrors.badRequest("speed must be from 0.25 to 4.0") }
        let format = body["response_format"]?.string ?? "mp3"
        guard format == "pcm" || format == "wav" else {
            return ProviderErrors.badRequest("the mock serves response_format pcm or wav, not \(format)")
        }
        let outcome = state.outcome(for: .speech)
        if let injected = ProviderErrors.injected(outcome, faults: faults) { return injected }

        let clip: SpeechClip
        do { clip = try await MockSpeech.clip(input, format: Self.format, speed: speed) } catch {
            return ProviderErrors.response(status: .internalServerError, message: "synthesis failed: \(error)", type: "server_error", code: nil)
        }
        let header = format == "wav" ? MockSpeech.wavHeader(format: Self.format, dataBytes: clip.audio.count) : nil
        let streamer = MockStreamer(route: .speech, faults: faults, outcome: outcome, state: state)
        return Response(status: .ok, headers: [.contentType: MockSpeech.contentType(Self.format, wav: format == "wav")],
            body: streamer.body(MockSpeech.chunks(clip.audio, format: Self.format, header: header)))
    }
}
