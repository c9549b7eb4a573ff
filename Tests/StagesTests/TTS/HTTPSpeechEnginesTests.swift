import Audio
import Foundation
import Providers
import Resilience
import SpeechCache
import Speech
@testable import Stages
import Supervisor
import SwitchboardCore
import Testing

/// The five HTTP text-to-speech engines against `switchboard mock-providers` on 127.0.0.1:
/// real sockets, the real libcurl client, real espeak-ng speech behind each provider's wire
/// format, faults injected by the mock.
@Suite(.serialized) struct HTTPSpeechEnginesTests {
    let http = HTTPClient()
    static let sentence = "Thanks for calling. How can I help you today?"
    static let engines = ["openai", "deepgram", "elevenlabs", "azure", "cartesia"]
    /// The mock's route for each engine, for faults and stats.
    static let routes: [String: MockRoute] = ["openai": .speech, "deepgram": .aura, "elevenlabs": .elevenlabs, "azure": .azure, "cartesia": .cartesia]

    /// `name`'s engine talking to a server at `root` (scheme, host and port only).
    func engine(_ name: String, _ root: String, key: String = "test-key") -> any TTSEngine {
        // The mock speaks with the test process's one espeak-ng, which other suites share: on a
        // loaded machine its first byte can take longer than a provider's.
        let timeouts = HTTPTimeouts(connect: .seconds(5), stall: .seconds(30))
        switch name {
        case "openai": return OpenAISpeechEngine(baseURL: root + "/v1", apiKey: key, http: http, timeouts: timeouts)
        case "deepgram": return AuraSpeechEngine(baseURL: root, apiKey: key, http: http, timeouts: timeouts)
        case "elevenlabs": return ElevenLabsSpeechEngine(baseURL: root, apiKey: key, http: http, timeouts: timeouts)
        case "azure": return AzureSpeechEngine(baseURL: root, apiKey: key, http: http, timeouts: timeouts)
        default: return CartesiaSpeechEngine(baseURL: root, apiKey: key, http: http, timeouts: timeouts)
        }
    }

    /// A mock with `route`'s faults set by `set`; `body` gets the mock and its root URL.
    func withMock(_ route: MockRoute? = nil, faults set: (inout MockFaults) -> Void = { _ in },
        _ body: (MockProviders, String) async throws -> Void) async throws
    {
        var faults = MockFaults()
        set(&faults)
        try await withMockProviders({ if let route { $0.faults[route] = faults } }) { mock, base in
            try await body(mock, String(base.dropLast("/v1".count)))
        }
    }

    func audio(_ stream: AsyncThrowingStream<SpeechChunk, any Error>) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in stream { bytes += chunk.audio }
        return bytes
    }

    /// The `ProviderError` that `synthesize` throws — before returning a stream, so before any
    /// chunk; nil (and an issue) when it returns one instead.
    func refusal(_ engine: any TTSEngine, format: SpeechFormat = .telephone) async -> ProviderError? {
        do {
            _ = try await engine.synthesize(Self.sentence, format: format, group: nil)
            Issue.record("\(engine.name) returned a stream")
        } catch let error as ProviderError {
            return error
        } catch {
            Issue.record("\(engine.name) threw \(error), not a ProviderError")
        }
        return nil
    }

    @Test(arguments: engines) func speaksTelephoneAudio(_ name: String) async throws {
        try await withMock { mock, root in
            let bytes = try await audio(try await engine(name, root).synthesize(Self.sentence, format: .telephone, group: nil))
            // 45 characters at espeak's pace are about 3 s: more than half a second, less than 10.
            #expect((4000...80000).contains(bytes.count), "\(bytes.count / 8) ms")
            #expect((PCM16.rmsDBFS(MuLaw.decode(bytes)) ?? -120) > -35)
            #expect(mock.count(Self.routes[name]!.rawValue, "ok") == 1)
        }
    }

    @Test(arguments: engines) func speaksWidebandPCM(_ name: String) async throws {
        try await withMock { _, root in
            let bytes = try await audio(try await engine(name, root).synthesize(Self.sentence, format: .init(codec: .pcm16, rate: 16000), group: nil))
            #expect((16000...320_000).contains(bytes.count), "\(bytes.count / 32) ms")
            #expect(bytes.count % 2 == 0)
            #expect((PCM16.rmsDBFS(PCM16.samples(bytes)) ?? -120) > -35)
        }
    }

    /// The mock takes any key but an empty one; OpenAI-compatible servers are often keyless, so
    /// its route checks none, and OpenAI's 401 comes from a canned server instead.
    @Test(arguments: engines) func wrongKeyIsRefusedBeforeAnyAudio(_ name: String) async throws {
        if name == "openai" {
            let server = try CannedHTTPServer(status: 401, headers: ["Content-Type": "application/json"],
                body: Array(#"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"#.utf8))
            defer { server.shutdown() }
            let error = try #require(await refusal(engine(name, server.url, key: "wrong")))
            #expect(error.status == 401)
            #expect(error.code == "invalid_api_key")
            #expect(error.message == "openai: Incorrect API key provided")
            return
        }
        try await withMock { _, root in
            let error = try #require(await refusal(engine(name, root, key: "")))
            #expect(error.status == 401)
            #expect(error.kind == .rejected)
            #expect(!error.isRetryable)
            #expect(error.message.hasPrefix("\(name): "), "\(error)")
        }
    }

    @Test(arguments: engines) func serverErrorThrowsBeforeAnyAudio(_ name: String) async throws {
        let route = Self.routes[name]!
        try await withMock(route, faults: { $0.serverError = 1 }) { mock, root in
            let error = try #require(await refusal(engine(name, root)))
            #expect(error.status == 500)
            #expect(error.kind == .serverError)
            #expect(error.isRetryable)
            #expect(mock.count(route.rawValue, "server_error") == 1)
        }
    }

    /// Cancelling the reader mid-clip aborts the transfer: none is left in the client, and the
    /// mock sees the hang-up.
    @Test(arguments: engines) func cancellingTheReaderEndsTheTransfer(_ name: String) async throws {
        let route = Self.routes[name]!
        try await withMock(route, faults: { $0.tokensPerSecond = 10 }) { mock, root in
            let stream = try await engine(name, root).synthesize(Self.sentence, format: .telephone, group: nil)
            let (read, reading) = AsyncStream.makeStream(of: Int.self)
            let reader = Task {
                for try await chunk in stream { reading.yield(chunk.audio.count) }
            }
            var pieces = read.makeAsyncIterator()
            _ = await pieces.next()
            #expect(http.activeTransfers == 1)
            reader.cancel()
            _ = await reader.result
            let deadline = ContinuousClock.now + .seconds(1.5)
            while http.activeTransfers > 0 || mock.count(route.rawValue, "client_disconnected") == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(http.activeTransfers == 0)
            #expect(mock.count(route.rawValue, "client_disconnected") == 1)
        }
    }
}

/// `tts-cache` with cloud engines in failover order, against the mock: the first provider
/// answering 500s hands each sentence to the next, and after enough failures its breaker keeps
/// it out without a request.
@Suite(.serialized) struct TTSCacheFailoverTests {
    @Test func sentencesGoToTheNextEngineWhileTheFirstAnswers500s() async throws {
        let http = HTTPClient()
        let harness = try TTSCacheHarness()
        defer { harness.remove() }
        var faults = MockFaults()
        faults.serverError = 1
        try await withMockProviders({ $0.faults[.elevenlabs] = faults }) { mock, base in
            let root = String(base.dropLast("/v1".count))
            let breaker = CircuitBreaker(name: "elevenlabs", configuration: .init(failureThreshold: 2, openInterval: .seconds(60)))
            // A slow first byte from the mock's shared espeak-ng (a loaded machine) is no failure here.
            let timeouts = HTTPTimeouts(connect: .seconds(5), stall: .seconds(30))
            let settings = SpeechSettings(engines: [ElevenLabsSpeechEngine(baseURL: root, apiKey: "k", http: http, timeouts: timeouts),
                                                    AuraSpeechEngine(baseURL: root, apiKey: "k", http: http, timeouts: timeouts)],
                resilient: { $0.name == "elevenlabs" ? $0.failoverEngine(breaker: breaker) : $0.failoverEngine() }, store: harness.store)
            let out = try await TTSCache(settings: settings).output(for: (0..<4).map { sentence("Sentence number \($0).", index: $0) })
            #expect(out.events("spoken").map { $0["engine"]?.string } == Array(repeating: "deepgram", count: 4))
            #expect(out.events("error").isEmpty)
            let samples = MuLaw.decode(out.audioBytes)
            #expect(Double(samples.count) / 8000 > 3 && (PCM16.rmsDBFS(samples) ?? -120) > -35)
            // Two 500s opened the breaker: the last two sentences never reached ElevenLabs.
            let routes = mock.stats.object?["routes"]?.object
            #expect(routes?["elevenlabs"]?.object?["server_error"] == 2)
            #expect(routes?["aura"]?.object?["ok"] == 4)
            // Stored under Aura's voice: the next call's lookups (ElevenLabs' key first) miss,
            // but Aura's clips are there for when it answers again.
            guard case .hit = await harness.store.load(ClipKey(text: "Sentence number 0.", voice: settings.voices["deepgram"]!, format: .telephone)) else {
                Issue.record("Aura's clip was not stored")
                return
            }
        }
    }
}
