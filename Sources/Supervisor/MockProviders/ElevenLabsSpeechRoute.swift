import Foundation
import HTTPTypes
import Hummingbird
import Speech
import SwitchboardCore

/// `POST /v1/text-to-speech/{voice_id}/stream` (and its non-streaming twin without
/// `/stream`) as ElevenLabs (tts-providers.md §1): `xi-api-key`, a JSON body with `text` and
/// optional `voice_settings.speed`, the format in `output_format` — `ulaw_8000` or
/// `pcm_{8000,16000,22050,24000,44100,48000}` here (raw, no header). Validation errors are 422.
/// The body is the text spoken by espeak-ng, streamed in 100 ms chunks.
struct ElevenLabsSpeechRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    static let apiKey = HTTPField.Name("xi-api-key")!
    static let maxCharacters = 5000

    static func format(_ name: String) -> SpeechFormat? {
        if name == "ulaw_8000" { return SpeechFormat(codec: .mulaw, rate: 8000) }
        guard name.hasPrefix("pcm_"), let rate = Int(name.dropFirst(4)), [8000, 16000, 22050, 24000, 44100, 48000].contains(rate) else { return nil }
        return SpeechFormat(codec: .pcm16, rate: rate)
    }

    func respond(_ request: Request, voiceID: String) async throws -> Response {
        guard TTSProviderErrors.credential(request, Self.apiKey) != nil else { return TTSProviderErrors.unauthorized(.elevenlabs) }
        let outputFormat = request.uri.queryParameters["output_format"].map(String.init) ?? "mp3_44100_128"
        guard let format = Self.format(outputFormat) else {
            return invalid("the mock serves output_format ulaw_8000 or pcm_8000…pcm_48000, not \(outputFormat)")
        }
        let bytes = Array(try await request.body.collect(upTo: 1024 * 1024).readableBytesView)
        guard let body = (try? JSONParser.parse(bytes))?.object else { return invalid("the body must be a JSON object") }
        guard let text = body["text"]?.string, text.contains(where: { !$0.isWhitespace }) else { return invalid("text is required and must not be empty") }
        guard text.count <= Self.maxCharacters else { return invalid("text is longer than \(Self.maxCharacters) characters") }
        let speed = body["voice_settings"]?.object?["speed"]?.double ?? 1
        guard (0.7...1.2).contains(speed) else { return invalid("voice_settings.speed must be from 0.7 to 1.2") }
        let outcome = state.outcome(for: .elevenlabs)
        if let injected = TTSProviderErrors.injected(outcome, faults: faults, .elevenlabs) { return injected }

        let clip: SpeechClip
        do { clip = try await MockSpeech.clip(text, format: format, speed: speed) } catch {
            return TTSProviderErrors.response(.elevenlabs, .internalServerError, code: "synthesis_failed", message: "\(error)")
        }
        let streamer = MockStreamer(route: .elevenlabs, faults: faults, outcome: outcome, state: state)
        var headers: HTTPFields = [.contentType: MockSpeech.contentType(format, wav: false)]
        headers[HTTPField.Name("request-id")!] = UUID().uuidString.lowercased()
        headers[HTTPField.Name("x-character-count")!] = "\(text.count)"
        _ = voiceID  // every voice is espeak's en-us
        return Response(status: .ok, headers: headers, body: streamer.body(MockSpeech.chunks(clip.audio, format: format)))
    }

    private func invalid(_ message: String) -> Response {
        TTSProviderErrors.response(.elevenlabs, .unprocessableContent, code: "invalid_request", message: message)
    }
}
