import Foundation
import Providers
import Speech
import SwitchboardCore

extension HTTPTimeouts {
    /// For a speech provider: a sentence's first audio comes within a second or two, so a
    /// provider silent for 5 s is down, and failover had better try the next one.
    public static let speech = HTTPTimeouts(connect: .seconds(5), stall: .seconds(5))
}

/// The raw formats a provider can send: µ-law at some rates, 16-bit PCM at others.
struct ProviderFormats: Sendable {
    let mulaw: [Int]
    /// Ascending.
    let pcm16: [Int]

    /// What to ask the provider for, given what the caller wants: that format itself when the
    /// provider has it (no work on our side), else pcm16 at that rate (only the codec to
    /// change), else pcm16 at the nearest rate above (resampling down loses nothing), else
    /// the highest it has.
    func delivered(for format: SpeechFormat) -> SpeechFormat {
        if format.codec == .mulaw, mulaw.contains(format.rate) { return format }
        let rate = pcm16.contains(format.rate) ? format.rate : pcm16.first { $0 > format.rate } ?? pcm16.last ?? format.rate
        return SpeechFormat(codec: .pcm16, rate: rate)
    }
}

/// What the five HTTP engines share: where the provider is, its key, the client and its
/// timeouts, and how one request turns into a checked stream of audio in the caller's format.
/// One place, so that every engine fails alike — with a `ProviderError` naming it, before its
/// first chunk wherever that is possible, which is what lets failover try the next engine.
struct HTTPSpeechEndpoint: Sendable {
    let engine: String
    /// Without a trailing slash; paths are appended.
    let baseURL: String
    let apiKey: String
    let http: HTTPClient
    let timeouts: HTTPTimeouts

    init(engine: String, baseURL: String, apiKey: String, http: HTTPClient, timeouts: HTTPTimeouts) {
        self.engine = engine
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.http = http
        self.timeouts = timeouts
    }

    /// POSTs `body` to `path` and returns the audio once its first bytes have arrived and
    /// passed the checks of `SpeechBody`. `delivered` is the raw format the request asked the
    /// provider for; the body is converted from it to `format` as the reader pulls (the
    /// transfer is paused while the reader is behind, and aborted when its task is cancelled
    /// or the stream dropped).
    func post(_ path: String, headers: [(name: String, value: String)], body: [UInt8], delivered: SpeechFormat,
        as format: SpeechFormat) async throws -> AsyncThrowingStream<SpeechChunk, any Error>
    {
        // Before the request: a format no converter makes is our error, not the provider's.
        let converter = delivered == format && format.codec == .mulaw ? nil : try SpeechConverter(from: delivered.rate, to: format)
        let response = try await http.execute(HTTPRequest(method: "POST", url: baseURL + path, headers: headers, body: body, timeouts: timeouts))
        guard (200..<300).contains(response.status) else {
            let bytes = (try? await response.body.collect(upTo: 64 * 1024)) ?? []
            throw errorStatus(response, body: bytes)
        }
        let audio = try await SpeechBody.open(response, engine: engine, delivered: delivered, converter: converter)
        return AsyncThrowingStream(pulling: audio)
    }

    /// An error status as a `ProviderError` (retryable or not, by status), with the
    /// provider's own message where its error body has one, prefixed by the engine's name.
    func errorStatus(_ response: HTTPResponse, body: [UInt8]) -> ProviderError {
        let error = ProviderError.from(status: response.status, headers: response.headers, body: body)
        var message = error.message
        var code = error.code
        // Deepgram `err_msg`/`err_code`, ElevenLabs `detail`, Cartesia `message`/`error_code`.
        if code == nil, let object = try? JSONParser.parse(body).object {
            let detail = object["detail"]
            message = object["err_msg"]?.string ?? detail?.object?["message"]?.string ?? detail?.string ?? object["message"]?.string ?? message
            code = object["err_code"]?.string ?? detail?.object?["status"]?.string ?? object["error_code"]?.string
        }
        return ProviderError(kind: error.kind, status: error.status, code: code, message: "\(engine): \(message)",
            retryAfter: error.retryAfter, isRetryable: error.isRetryable)
    }
}

extension JSONObject {
    /// The object as a JSON request body.
    var bytes: [UInt8] {
        var bytes: [UInt8] = []
        JSONWriter.write(self, into: &bytes)
        return bytes
    }
}

extension String {
    /// For a query value or a path segment (a model, a voice id): everything but RFC 3986's
    /// unreserved characters percent-encoded.
    var urlEscaped: String { addingPercentEncoding(withAllowedCharacters: .urlUnreserved) ?? self }
}

extension CharacterSet {
    static let urlUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
