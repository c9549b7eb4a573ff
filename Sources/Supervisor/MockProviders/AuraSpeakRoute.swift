import Foundation
import HTTPTypes
import Hummingbird
import Speech
import SwitchboardCore

/// `POST /v1/speak` as Deepgram Aura (deepgram-live.md §6): `Authorization: Token KEY`, a
/// `{"text": …}` body, and the audio format in the query — `encoding` (`mulaw` or `linear16`
/// here), `sample_rate`, `container` (`none` for headerless audio; the mock's default is
/// `wav`, so an engine that forgets `container=none` hears a header). The body is the text
/// spoken by espeak-ng, streamed in 100 ms chunks.
struct AuraSpeakRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    /// Deepgram's per-request limit (about 2000 characters).
    static let maxCharacters = 2000
    static let rates = ["mulaw": [8000, 16000], "linear16": [8000, 16000, 24000, 32000, 48000]]

    func respond(_ request: Request) async throws -> Response {
        guard TTSProviderErrors.credential(request, .authorization, scheme: "Token") != nil
            || TTSProviderErrors.credential(request, .authorization, scheme: "Bearer") != nil
        else { return TTSProviderErrors.unauthorized(.deepgram) }
        var query: [String: String] = [:]
        for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
        let encoding = query["encoding"] ?? "linear16"
        guard let rates = Self.rates[encoding] else { return bad("the mock serves encoding mulaw or linear16, not \(encoding)") }
        guard let rate = query["sample_rate"].map({ Int($0) }) ?? (encoding == "mulaw" ? 8000 : 24000), rates.contains(rate) else {
            return bad("sample_rate \(query["sample_rate"] ?? "") is not valid for \(encoding) (\(rates.map(String.init).joined(separator: ", ")))")
        }
        let container = query["container"] ?? "wav"
        guard container == "none" || container == "wav" else { return bad("the mock serves container none or wav, not \(container)") }
        let bytes = Array(try await request.body.collect(upTo: 1024 * 1024).readableBytesView)
        guard let text = (try? JSONParser.parse(bytes))?.object?["text"]?.string, text.contains(where: { !$0.isWhitespace }) else {
            return bad("the body must be a JSON object with a non-empty \"text\"")
        }
        guard text.count <= Self.maxCharacters else { return bad("text is longer than \(Self.maxCharacters) characters") }
        let outcome = state.outcome(for: .aura)
        if let injected = TTSProviderErrors.injected(outcome, faults: faults, .deepgram) { return injected }

        let format = SpeechFormat(codec: encoding == "mulaw" ? .mulaw : .pcm16, rate: rate)
        let clip: SpeechClip
        do { clip = try await MockSpeech.clip(text, format: format) } catch {
            return TTSProviderErrors.response(.deepgram, .internalServerError, code: "SYNTHESIS_FAILED", message: "\(error)")
        }
        let header = container == "wav" ? MockSpeech.wavHeader(format: format, dataBytes: clip.audio.count) : nil
        let streamer = MockStreamer(route: .aura, faults: faults, outcome: outcome, state: state)
        var headers: HTTPFields = [.contentType: MockSpeech.contentType(format, wav: header != nil)]
        headers[HTTPField.Name("dg-request-id")!] = UUID().uuidString.lowercased()
        headers[HTTPField.Name("dg-model-name")!] = query["model"] ?? "aura-asteria-en"
        headers[HTTPField.Name("dg-char-count")!] = "\(text.count)"
        return Response(status: .ok, headers: headers, body: streamer.body(MockSpeech.chunks(clip.audio, format: format, header: header)))
    }

    private func bad(_ message: String) -> Response {
        TTSProviderErrors.response(.deepgram, .badRequest, code: "INVALID_QUERY_PARAMETER", message: message)
    }
}
