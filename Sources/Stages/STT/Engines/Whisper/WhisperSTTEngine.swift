import Channels
import Foundation
import Logging
import Providers
import Resilience
import Speech
import SwitchboardCore

extension HTTPTimeouts {
    /// For one utterance's transcription: a server that has not answered in 15 s, or sent
    /// nothing for 10, will not be in time for the caller.
    public static let transcription = HTTPTimeouts(connect: .seconds(5), total: .seconds(15), stall: .seconds(10))
}

/// Any OpenAI-compatible transcription server — OpenAI, Groq, a local faster-whisper — with
/// one `POST {base}/audio/transcriptions` per utterance (openai-compatible.md §5): the
/// utterance as a WAV file, its text back as the utterance's one and last result.
///
/// Utterances are gathered while earlier ones are being transcribed (a few may wait; then
/// input waits), and answered in order. Any failed request — an error status, a transport
/// error, a breaker that is open — makes `recognize` throw: the stage fails over.
public struct WhisperSTTEngine: STTEngine {
    public let name = "whisper"
    public static let defaultBaseURL = "https://api.openai.com/v1"

    let key: String?
    /// Ends in `/v1` (or wherever the server's API starts); no trailing slash.
    let baseURL: String
    public let model: String
    /// ISO-639-1 (`en`); a BCP-47 tag such as `en-US` is cut to its language.
    public let language: String?
    let http: HTTPClient
    let breaker: CircuitBreaker?
    let timeouts: HTTPTimeouts
    let maxUtteranceSeconds: Int
    let logger: Logger

    public init(key: String?, baseURL: String = Self.defaultBaseURL, model: String = "whisper-1", language: String? = nil,
        http: HTTPClient, breaker: CircuitBreaker?, timeouts: HTTPTimeouts = .transcription, maxUtteranceSeconds: Int = 120,
        logger: Logger = Logger(label: "switchboard.stt.whisper"))
    {
        self.key = key.flatMap { $0.isEmpty ? nil : $0 }
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.model = model
        self.language = language.flatMap { $0.split(separator: "-").first.map { $0.lowercased() } }
        self.http = http
        self.breaker = breaker
        self.timeouts = timeouts
        self.maxUtteranceSeconds = max(1, maxUtteranceSeconds)
        self.logger = logger
    }

    /// 16-bit PCM at the call's own rate: the WAV carries it as it is.
    public func inputFormat(for call: SpeechFormat) -> SpeechFormat { SpeechFormat(codec: .pcm16, rate: call.rate) }

    public func recognize(_ input: BoundedChannel<RecognitionInput>, emit: @escaping @Sendable (Recognition) async throws -> Void) async throws {
        let ended = BoundedChannel<WhisperUtterance>(limits: .init(count: 4))
        defer { ended.close() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [maxUtteranceSeconds] in
                defer { ended.finish() }
                var gathering: WhisperUtterance?
                for await item in input {
                    switch item {
                    case .begin(let number, let ts, _):
                        gathering = WhisperUtterance(number: number, ts: ts, limitSeconds: maxUtteranceSeconds)
                    case .audio(let chunk):
                        gathering?.append(chunk)
                    case .end(let number, let ts):
                        var utterance = gathering?.number == number ? gathering! : WhisperUtterance(number: number, ts: ts, limitSeconds: 0)
                        utterance.endTs = ts
                        gathering = nil
                        try await ended.send(utterance)
                    }
                }
            }
            defer { group.cancelAll() }
            for await utterance in ended {
                if utterance.truncated { logger.warning("whisper: utterance \(utterance.number) longer than \(maxUtteranceSeconds) s; its end is not transcribed") }
                let text = utterance.pcm.isEmpty ? "" : try await transcribe(utterance)
                try await emit(Recognition(utterance: utterance.number, text: text, isFinal: true, isLast: true,
                    startTs: text.isEmpty ? nil : utterance.ts, endTs: text.isEmpty ? nil : utterance.endTs))
            }
            try Task.checkCancellation()
        }
    }

    /// One upload, behind the breaker when there is one.
    func transcribe(_ utterance: WhisperUtterance) async throws -> String {
        var form = MultipartForm()
        form.addFile("file", filename: "utterance-\(utterance.number).wav", contentType: "audio/wav", data: utterance.wav)
        form.addField("model", model)
        if let language { form.addField("language", language) }
        form.addField("response_format", "json")
        var headers = [(name: "Content-Type", value: form.contentType)]
        if let key { headers.append((name: "Authorization", value: "Bearer \(key)")) }
        let request = HTTPRequest(method: "POST", url: baseURL + "/audio/transcriptions", headers: headers, body: form.body, timeouts: timeouts)
        guard let breaker else { return try await post(request) }
        return try await breaker.run { try await post(request) }
    }

    private func post(_ request: HTTPRequest) async throws -> String {
        let response = try await http.execute(request)
        guard (200..<300).contains(response.status) else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)) ?? []
            let error = ProviderError.from(status: response.status, headers: response.headers, body: body)
            throw ProviderError(kind: error.kind, status: error.status, code: error.code, message: "whisper: \(error.message)",
                retryAfter: error.retryAfter, isRetryable: error.isRetryable)
        }
        let body = try await response.body.collect(upTo: 1024 * 1024)
        if let object = (try? JSONParser.parse(body))?.object {
            guard let text = object["text"]?.string else {
                throw ProviderError(kind: .protocolError, status: response.status, message: "whisper: a JSON answer without \"text\"")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        // Some servers answer plain text whatever was asked.
        guard response.header("content-type")?.hasPrefix("text/plain") == true, let text = String(validating: body, as: UTF8.self) else {
            throw ProviderError(kind: .protocolError, status: response.status, message: "whisper: the answer is neither JSON nor text")
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
