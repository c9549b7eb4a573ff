import Foundation
import Logging
import Providers
import Resilience
import Speech
import Audio
import Testing
@testable import Supervisor
import SwitchboardCore

/// Warnings and errors only: a passing run should not print every request the mock served.
let quietMockLogger: Logger = {
    var logger = Logger(label: "switchboard.mock-providers")
    logger.logLevel = .warning
    return logger
}()

/// Runs a mock on a free port for the duration of `body`.
func withMock<T: Sendable>(_ configure: (inout MockConfiguration) -> Void = { _ in }, _ body: (String) async throws -> T) async throws -> T {
    var configuration = MockConfiguration()
    configuration.port = 0
    configure(&configuration)
    return try await MockProviders(configuration: configuration, logger: quietMockLogger).serving(body)
}

func faults(_ set: (inout MockFaults) -> Void) -> MockFaults {
    var faults = MockFaults()
    set(&faults)
    return faults
}

@Suite(.serialized) struct MockProvidersTests {
    let http = HTTPClient()
    let hello = ChatRequest(model: "gpt-test", messages: [ChatMessage(role: "user", content: "We open at 9.")])

    func texts(_ client: ChatCompletionsClient, _ request: ChatRequest) async throws -> [ChatStreamEvent] {
        var events: [ChatStreamEvent] = []
        for try await event in try await client.stream(request) { events.append(event) }
        return events
    }

    @Test func chatStreamsRepliesInTurnWithUsage() async throws {
        try await withMock({ $0.replies = ["First reply here.", "Second one."] }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: "k", http: http)
            let first = try await texts(client, hello)
            #expect(first == [.text("First"), .text(" reply"), .text(" here."), .finished(reason: "stop"),
                .usage(ChatUsage(promptTokens: 4, completionTokens: 3, totalTokens: 7))])
            let second = try await texts(client, hello)
            #expect(second.first == .text("Second"))
        }
    }

    @Test func chatEchoesWithoutRepliesAndAnswersNonStreaming() async throws {
        try await withMock { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            let echoed = try await texts(client, hello).compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
            #expect(echoed == "We open at 9.")
            let body = Array(#"{"model":"m","messages":[{"role":"user","content":"hi there"}]}"#.utf8)
            let response = try await http.execute(HTTPRequest(method: "POST", url: base + "/v1/chat/completions", body: body))
            let json = try JSONParser.parse(try await response.body.collect()).object
            #expect(json?["object"] == "chat.completion")
            #expect(json?["choices"]?.array?.first?.object?["message"] == ["role": "assistant", "content": "hi there"])
            let bad = try await http.execute(HTTPRequest(method: "POST", url: base + "/v1/chat/completions", body: Array("{}".utf8)))
            #expect(bad.status == 400)
        }
    }

    @Test func rateLimitAndServerErrorsAreInjected() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.rateLimit = 1; $0.retryAfterSeconds = 3 } }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            await #expect(throws: ProviderError(kind: .overloaded, status: 429, code: "rate_limit_exceeded",
                message: "Rate limit reached (mock)", retryAfter: .seconds(3))) { _ = try await texts(client, hello) }
        }
        try await withMock({ $0.faults[.chat] = faults { $0.serverError = 1 } }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            do {
                _ = try await texts(client, hello)
                Issue.record("no error")
            } catch let error as ProviderError {
                #expect(error.kind == .serverError)
                #expect(error.status == 500)
            }
        }
    }

    /// Lower bounds only: the mock must not be faster than asked.
    @Test func timeToFirstByteAndTokenRateAreHonoured() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.ttfbMs = 300; $0.tokensPerSecond = 20 } }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            let start = ContinuousClock.now
            var first: Duration?
            for try await _ in try await client.stream(ChatRequest(model: "m", messages: [ChatMessage(role: "user", content: "one two three four five six")])) {
                first = first ?? (ContinuousClock.now - start)
            }
            #expect(first! >= .milliseconds(300))
            // 6 words + role + finish + [DONE] = 9 chunks, 8 gaps of 50 ms.
            #expect(ContinuousClock.now - start >= .milliseconds(300 + 400))
        }
    }

    @Test func stallLeavesTheConnectionOpenAndTheClientTimesOut() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.stallAfter = 2 } }) { base in
            // A stall timeout long enough that a loaded machine delivers the first chunks before it
            // (300 ms once timed out with nothing received).
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, timeouts: .init(stall: .milliseconds(1500)), http: http)
            var received: [ChatStreamEvent] = []
            await #expect(throws: HTTPClientError.stalled(.milliseconds(1500))) {
                for try await event in try await client.stream(hello) { received.append(event) }
            }
            #expect(received == [.text("We")])  // the role chunk and one word, then silence
        }
    }

    @Test func disconnectBreaksTheStream() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.disconnectAfter = 3 } }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            var received: [ChatStreamEvent] = []
            await #expect(throws: (any Error).self) {
                for try await event in try await client.stream(hello) { received.append(event) }
            }
            #expect(received == [.text("We"), .text(" open")])
        }
    }

    /// The text spoken by espeak-ng at 24 kHz: as long as the synthesizer's own clip of it
    /// (within 10 %: espeak-ng is not bit-exact run to run), speech-loud, and a WAV header
    /// before the same data when asked.
    @Test func speechReturnsSpokenPCMOrWAV() async throws {
        try await withMock { base in
            func speech(_ format: String, speed: Double = 1) async throws -> HTTPResponse {
                let body = Array(#"{"model":"tts-1","input":"Thanks for calling!","voice":"alloy","response_format":"\#(format)","speed":\#(speed)}"#.utf8)
                return try await http.execute(HTTPRequest(method: "POST", url: base + "/v1/audio/speech", body: body))
            }
            let format = SpeechFormat(codec: .pcm16, rate: 24000)
            let pcm = try await speech("pcm").body.collect()
            let expected = try await EspeakSynthesizer.shared.synthesize(SpeechRequest(text: "Thanks for calling!", format: format))
            #expect(abs(pcm.count - expected.audio.count) * 10 <= expected.audio.count, "\(pcm.count) bytes, espeak alone \(expected.audio.count)")
            #expect((600...2500).contains(pcm.count / 48), "\(pcm.count / 48) ms")
            #expect(PCM16.rmsDBFS(PCM16.samples(pcm))! > -35)
            let wav = try await speech("wav").body.collect()
            #expect(Array(wav.prefix(4)) == Array("RIFF".utf8))
            #expect(wav[40..<44].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) } == wav.count - 44)
            #expect(abs(wav.count - 44 - pcm.count) * 10 <= pcm.count)
            #expect(try await speech("pcm", speed: 2).body.collect().count < pcm.count * 7 / 10)
            #expect(try await speech("mp3").status == 400)
        }
    }

    @Test func transcriptionsParseTheUploadAndAnswerInTurn() async throws {
        try await withMock({ $0.transcripts = ["I need an appointment", "tomorrow at ten"] }) { base in
            func upload(format: String?, withFile: Bool = true) async throws -> HTTPResponse {
                var form = MultipartForm()
                form.addField("model", "whisper-1")
                if let format { form.addField("response_format", format) }
                if withFile { form.addFile("file", filename: "turn.wav", contentType: "audio/wav", data: Array(repeating: 7, count: 3200)) }
                return try await http.execute(HTTPRequest(method: "POST", url: base + "/v1/audio/transcriptions",
                    headers: [("Content-Type", form.contentType)], body: form.body))
            }
            let json = try JSONParser.parse(try await upload(format: nil).body.collect()).object
            #expect(json?["text"] == "I need an appointment")
            let text = String(decoding: try await upload(format: "text").body.collect(), as: UTF8.self)
            #expect(text == "tomorrow at ten\n")
            #expect(try await upload(format: nil, withFile: false).status == 400)
        }
    }

    @Test func statsCountRequestsAndOutcomes() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.rateLimit = 0.5 }; $0.seed = 42 }) { base in
            let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
            var outcomes: [String] = []
            for _ in 0..<20 {
                do { _ = try await texts(client, hello); outcomes.append("ok") } catch { outcomes.append("429") }
            }
            let stats = try JSONParser.parse(try await http.execute(HTTPRequest(url: base + "/mock/stats")).body.collect())
            let chat = stats.object?["routes"]?.object?["chat"]?.object
            #expect(chat?["requests"] == 20)
            #expect(chat?["rate_limited"]?.int == outcomes.filter { $0 == "429" }.count)
            #expect(chat?["ok"]?.int == outcomes.filter { $0 == "ok" }.count)
            #expect((4...16).contains(outcomes.filter { $0 == "429" }.count))
        }
    }

    /// The same seed gives the same faults.
    @Test func faultsAreReproducible() async throws {
        func run() async throws -> [Bool] {
            try await withMock({ $0.faults[.chat] = faults { $0.rateLimit = 0.5 }; $0.seed = 7 }) { base in
                let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
                var ok: [Bool] = []
                for _ in 0..<12 { ok.append((try? await texts(client, hello)) != nil) }
                return ok
            }
        }
        #expect(try await run() == run())
    }

    /// Fallback across two mocks: the rate-limited primary shrinks its limiter and the backup
    /// answers.
    @Test func failoverAcrossMocks() async throws {
        try await withMock({ $0.faults[.chat] = faults { $0.rateLimit = 1 } }) { primaryBase in
            try await withMock({ $0.replies = ["backup answer"] }) { backupBase in
                let limiter = AIMDLimiter(initialLimit: 4, maxLimit: 4)
                func engine(_ name: String, _ base: String, limiter: AIMDLimiter? = nil) -> FailoverEngine<ChatRequest, String> {
                    let client = ChatCompletionsClient(baseURL: base + "/v1", apiKey: nil, http: http)
                    return FailoverEngine(name: name, limiter: limiter) { try await client.textStream($0) }
                }
                let failover = Failover(engines: [engine("primary", primaryBase, limiter: limiter), engine("backup", backupBase)])
                var served: [String] = []
                for try await piece in failover.stream(hello) { served.append("\(piece.engine):\(piece.element)") }
                #expect(served == ["backup:backup", "backup: answer"])
                #expect(limiter.limit == 2)
            }
        }
    }
}
