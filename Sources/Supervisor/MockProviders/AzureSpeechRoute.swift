import Foundation
import HTTPTypes
import Hummingbird
import Speech

/// `POST /cognitiveservices/v1` as Azure AI Speech (tts-providers.md §2):
/// `Ocp-Apim-Subscription-Key` (or `Authorization: Bearer`), `Content-Type:
/// application/ssml+xml` (415 otherwise), the format in `X-Microsoft-OutputFormat` (400 when
/// missing or one the mock does not make), the text inside the SSML. Errors have empty bodies,
/// as Azure's do. The body is the text spoken by espeak-ng, streamed in 100 ms chunks.
struct AzureSpeechRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    static let subscriptionKey = HTTPField.Name("Ocp-Apim-Subscription-Key")!
    static let outputFormat = HTTPField.Name("X-Microsoft-OutputFormat")!

    /// The raw (headerless) and riff (WAV) formats the mock makes.
    static func format(_ name: String) -> (format: SpeechFormat, riff: Bool)? {
        let parts = name.lowercased().split(separator: "-")
        guard parts.count == 5, parts[0] == "raw" || parts[0] == "riff", parts[3] == "mono" else { return nil }
        let rates = ["8khz": 8000, "16khz": 16000, "22050hz": 22050, "24khz": 24000, "44100hz": 44100, "48khz": 48000]
        guard let rate = rates[String(parts[1])] else { return nil }
        let codec: SpeechFormat?
        switch (parts[2], parts[4]) {
        case ("8bit", "mulaw") where rate == 8000: codec = SpeechFormat(codec: .mulaw, rate: rate)
        case ("16bit", "pcm"): codec = SpeechFormat(codec: .pcm16, rate: rate)
        default: codec = nil
        }
        return codec.map { ($0, parts[0] == "riff") }
    }

    func respond(_ request: Request) async throws -> Response {
        guard TTSProviderErrors.credential(request, Self.subscriptionKey) != nil
            || TTSProviderErrors.credential(request, .authorization, scheme: "Bearer") != nil
        else { return TTSProviderErrors.unauthorized(.azure) }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/ssml+xml") == true else {
            return TTSProviderErrors.response(.azure, .unsupportedMediaType, code: "", message: "")
        }
        guard let name = request.headers[Self.outputFormat], let (format, riff) = Self.format(name) else {
            return TTSProviderErrors.response(.azure, .badRequest, code: "", message: "")
        }
        let ssml = String(decoding: try await request.body.collect(upTo: 1024 * 1024).readableBytesView, as: UTF8.self)
        guard let text = SSMLText.text(of: ssml), text.contains(where: { !$0.isWhitespace }) else {
            return TTSProviderErrors.response(.azure, .badRequest, code: "", message: "")
        }
        let outcome = state.outcome(for: .azure)
        if let injected = TTSProviderErrors.injected(outcome, faults: faults, .azure) { return injected }

        let clip: SpeechClip
        do { clip = try await MockSpeech.clip(text, format: format) } catch {
            return TTSProviderErrors.response(.azure, .internalServerError, code: "", message: "")
        }
        let header = riff ? MockSpeech.wavHeader(format: format, dataBytes: clip.audio.count) : nil
        let streamer = MockStreamer(route: .azure, faults: faults, outcome: outcome, state: state)
        var headers: HTTPFields = [.contentType: MockSpeech.contentType(format, wav: riff)]
        headers[HTTPField.Name("X-RequestId")!] = UUID().uuidString.lowercased()
        return Response(status: .ok, headers: headers, body: streamer.body(MockSpeech.chunks(clip.audio, format: format, header: header)))
    }
}
