import Foundation
import HTTPTypes
import Hummingbird
import Speech
import SwitchboardCore

/// `POST /tts/bytes` as Cartesia (tts-providers.md §3): a `Cartesia-Version` header (400
/// without), `Authorization: Bearer KEY`, a JSON body with `model_id`, `transcript`,
/// `voice` {`mode`: `id`, `id`} and `output_format` {`container` `raw`|`wav`, `encoding`
/// `pcm_mulaw`|`pcm_s16le`, `sample_rate`}. The mock refuses `pcm_f32le`, `pcm_alaw` and `mp3`
/// with a 400, so an engine asking for them hears it. The body is the transcript spoken by
/// espeak-ng, streamed in 100 ms chunks.
struct CartesiaSpeechRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    static let version = HTTPField.Name("Cartesia-Version")!
    static let rates = [8000, 16000, 22050, 24000, 44100, 48000]
    static let encodings: [String: AudioCodec] = ["pcm_mulaw": .mulaw, "pcm_s16le": .pcm16]

    func respond(_ request: Request) async throws -> Response {
        guard TTSProviderErrors.credential(request, Self.version) != nil else {
            return bad("the Cartesia-Version header is required (e.g. 2025-04-16)")
        }
        guard TTSProviderErrors.credential(request, .authorization, scheme: "Bearer") != nil else {
            return TTSProviderErrors.unauthorized(.cartesia)
        }
        let bytes = Array(try await request.body.collect(upTo: 1024 * 1024).readableBytesView)
        guard let body = (try? JSONParser.parse(bytes))?.object else { return bad("the body must be a JSON object") }
        guard body["model_id"]?.string?.isEmpty == false else { return bad("model_id is required") }
        guard let text = body["transcript"]?.string, text.contains(where: { !$0.isWhitespace }) else {
            return bad("transcript is required and must not be empty")
        }
        let voice = body["voice"]?.object
        guard voice?["mode"]?.string == "id", voice?["id"]?.string?.isEmpty == false else {
            return bad("voice must be {\"mode\": \"id\", \"id\": VOICE_ID}")
        }
        guard let output = body["output_format"]?.object else { return bad("output_format is required") }
        let container = output["container"]?.string ?? ""
        guard container == "raw" || container == "wav" else { return bad("the mock serves container raw or wav, not \(container)") }
        let encoding = output["encoding"]?.string ?? ""
        guard let codec = Self.encodings[encoding] else { return bad("the mock serves encoding pcm_mulaw or pcm_s16le, not \(encoding)") }
        guard let rate = output["sample_rate"]?.int, Self.rates.contains(rate) else {
            return bad("sample_rate must be one of \(Self.rates.map(String.init).joined(separator: ", "))")
        }
        let outcome = state.outcome(for: .cartesia)
        if let injected = TTSProviderErrors.injected(outcome, faults: faults, .cartesia) { return injected }
        return await speak(text, SpeechFormat(codec: codec, rate: rate), wav: container == "wav", outcome: outcome)
    }

    /// The transcript as the body, after a RIFF header for `wav`.
    private func speak(_ text: String, _ format: SpeechFormat, wav: Bool, outcome: MockOutcome) async -> Response {
        let clip: SpeechClip
        do { clip = try await MockSpeech.clip(text, format: format) } catch {
            return TTSProviderErrors.response(.cartesia, .internalServerError, code: "synthesis_failed", message: "\(error)")
        }
        let header = wav ? MockSpeech.wavHeader(format: format, dataBytes: clip.audio.count) : nil
        var headers: HTTPFields = [.contentType: MockSpeech.contentType(format, wav: wav)]
        headers[HTTPField.Name("x-request-id")!] = UUID().uuidString.lowercased()
        let streamer = MockStreamer(route: .cartesia, faults: faults, outcome: outcome, state: state)
        return Response(status: .ok, headers: headers, body: streamer.body(MockSpeech.chunks(clip.audio, format: format, header: header)))
    }

    private func bad(_ message: String) -> Response {
        TTSProviderErrors.response(.cartesia, .badRequest, code: "invalid_request", message: message)
    }
}
