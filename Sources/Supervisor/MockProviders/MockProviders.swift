import Hummingbird
import ServiceLifecycle
import HummingbirdWebSocket
import Logging
import NIOCore
import Foundation
import SwitchboardCore

/// Local stand-ins for the cloud providers, speaking their real protocols, so every engine and
/// every fallback can be exercised without the internet or money (DESIGN §3).
///
/// Routes (OpenAI-compatible, base `http://HOST:PORT/v1`): `POST /v1/chat/completions`,
/// `POST /v1/audio/speech`, `POST /v1/audio/transcriptions`; Deepgram live at
/// `GET /v1/listen` (WebSocket) and Aura at `POST /v1/speak`; ElevenLabs at
/// `POST /v1/text-to-speech/{voice_id}[/stream]`; Azure at `POST /cognitiveservices/v1`;
/// Cartesia at `POST /tts/bytes`; Twilio's call resource at
/// `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`; and `GET /mock/stats` for the
/// counts per route and outcome. The speech routes speak the
/// requested text with espeak-ng.
/// Each route's faults come from the configuration.
public struct MockProviders: Sendable {
    public let configuration: MockConfiguration
    let state: MockState
    let logger: Logger

    public init(configuration: MockConfiguration, logger: Logger = Logger(label: "switchboard.mock-providers")) {
        self.configuration = configuration
        self.state = MockState(configuration: configuration)
        self.logger = logger
    }

    /// Serves until SIGINT or SIGTERM (then shuts down gracefully) or until the task is
    /// cancelled; `onReady` receives the bound port.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [application(onReady: onReady)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    private func application(onReady: @escaping @Sendable (Int) async -> Void) -> some Service {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.add(middleware: RequestLog(logger: logger))
        let chat = ChatCompletionsRoute(state: state, faults: configuration.faults(for: .chat))
        let speech = SpeechRoute(state: state, faults: configuration.faults(for: .speech))
        let transcriptions = TranscriptionsRoute(state: state, faults: configuration.faults(for: .transcriptions))
        router.post("v1/chat/completions") { request, _ in try await chat.respond(request) }
        router.post("v1/audio/speech") { request, _ in try await speech.respond(request) }
        router.post("v1/audio/transcriptions") { request, _ in try await transcriptions.respond(request) }
        let aura = AuraSpeakRoute(state: state, faults: configuration.faults(for: .aura))
        let elevenlabs = ElevenLabsSpeechRoute(state: state, faults: configuration.faults(for: .elevenlabs))
        let azure = AzureSpeechRoute(state: state, faults: configuration.faults(for: .azure))
        router.post("v1/speak") { request, _ in try await aura.respond(request) }
        router.post("v1/text-to-speech/:voice_id/stream") { request, context in
            try await elevenlabs.respond(request, voiceID: context.parameters.get("voice_id") ?? "")
        }
        router.post("v1/text-to-speech/:voice_id") { request, context in
            try await elevenlabs.respond(request, voiceID: context.parameters.get("voice_id") ?? "")
        }
        router.post("cognitiveservices/v1") { request, _ in try await azure.respond(request) }
        let cartesia = CartesiaSpeechRoute(state: state, faults: configuration.faults(for: .cartesia))
        router.post("tts/bytes") { request, _ in try await cartesia.respond(request) }
        let twilio = TwilioCallsRoute(state: state, faults: configuration.faults(for: .twilio), accountSID: configuration.twilioAccountSID,
            authToken: configuration.twilioAuthToken, endedCalls: configuration.twilioEndedCalls)
        router.post("2010-04-01/Accounts/:account/Calls/:call") { request, context in
            try await twilio.respond(request, account: context.parameters.get("account") ?? "", resource: context.parameters.get("call") ?? "")
        }
        let listen = DeepgramListenRoute(state: state, faults: configuration.faults(for: .listen))
        let outcomes = ListenOutcomes()
        router.ws("v1/listen", shouldUpgrade: { request, _ in
            let upgrade = try listen.shouldUpgrade(request)
            outcomes.push(try listen.outcome())
            return upgrade
        }) { inbound, outbound, context in
            try await listen.run(inbound, outbound, request: context.request, outcome: outcomes.pop())
        }
        router.get("mock/stats") { [state] _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(state.stats))))
        }
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(webSocketRouter: router,
                configuration: .init(http1: .init(additionalChannelHandlers: [HangUpCloser()]))),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "switchboard-mock"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger)
        return app
    }

    /// Runs the mock for the duration of `body`, which gets its base URL (`http://HOST:PORT`,
    /// the port the server actually bound); the server stops when `body` returns.
    public func serving<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(configuration: .init(services: [application { portSink.yield($0) }], logger: logger))
        let server = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            server.cancel()
            throw CancellationError()
        }
        let result: Result<T, any Error>
        do { result = .success(try await body("http://\(configuration.host):\(port)")) } catch { result = .failure(error) }
        // Gracefully, so the server has nothing to complain about; a response stalled on
        // purpose (a fault under test) would hold that forever, so it is cut after 3 seconds.
        await group.triggerGracefulShutdown()
        let deadline = Task {
            try await Task.sleep(for: .seconds(3))
            server.cancel()
        }
        _ = await server.result
        deadline.cancel()
        return try result.get()
    }

    /// The counts `/mock/stats` serves.
    public var stats: JSON { state.stats }
}

/// Hands a connection's fate, drawn at the upgrade, to its handler, which runs right after it.
final class ListenOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [MockOutcome] = []
    func push(_ outcome: MockOutcome) { lock.withLock { pending.append(outcome) } }
    func pop() -> MockOutcome { lock.withLock { pending.isEmpty ? .ok : pending.removeFirst() } }
}

/// Logs every request (method, path, status, time to response head).
struct RequestLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(ContinuousClock.now - start)")
            return response
        } catch {
            logger.info("\(request.method) \(request.uri.path) failed: \(error)")
            throw error
        }
    }
}
