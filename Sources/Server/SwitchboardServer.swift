import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import HTTPTypes
import Logging
import NIOCore
import ServiceLifecycle
import SwitchboardCore
import Telephony

/// `switchboard serve`: the HTTP and WebSocket server Twilio talks to (DESIGN §3).
///
/// Routes stay thin: Twilio's webhooks (`TwilioWebhooks`), the Media Streams socket
/// (`CallSession`, one per call), and the operator's `/metrics`, `/healthz`, `/calls`.
/// SIGTERM or SIGINT drains (`CallDrain`): no new calls, the live ones may finish for
/// `drain_s`, then the server stops. A draining server answers `/twiml` and a new `/media`
/// upgrade with 503 (`DrainGate`), which a load balancer retries on another server.
public struct SwitchboardServer: Sendable {
    public let context: ServerContext

    public init(context: ServerContext) { self.context = context }

    /// Serves until SIGTERM/SIGINT has drained the calls; `onReady` gets the bound port.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let group = ServiceGroup(configuration: .init(
            services: [application(onReady: onReady), CallDrain(context: context)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: context.logger))
        try await group.run()
    }

    /// Serves for the duration of `body`, which gets the base URL (`http://host:port`); then
    /// drains and stops. For tests and the simulator.
    public func serving<T: Sendable>(_ body: (String) async throws -> T) async throws -> T {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let group = ServiceGroup(configuration: .init(
            services: [application { portSink.yield($0) }, CallDrain(context: context)], logger: context.logger))
        let server = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            server.cancel()
            throw CancellationError()
        }
        let result: Result<T, any Error>
        do { result = .success(try await body("http://\(context.configuration.listen.host):\(port)")) } catch { result = .failure(error) }
        await group.triggerGracefulShutdown()
        try await server.value
        return try result.get()
    }

    private func application(onReady: @escaping @Sendable (Int) async -> Void) -> some Service {
        let context = self.context
        let router = Router(context: BasicWebSocketRequestContext.self)
        let webhooks = TwilioWebhooks(server: context)
        router.post("twiml") { request, _ in try await webhooks.twiml(request) }
        router.post("twilio/after") { request, _ in try await webhooks.after(request) }
        router.post("twilio/status") { request, _ in try await webhooks.status(request) }
        router.ws("media", shouldUpgrade: { request, _ in try MediaUpgrade(server: context).check(request) }) { inbound, outbound, _ in
            await CallSession(server: context).run(inbound: inbound, outbound: outbound)
        }
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: context.metrics.render())))
        }
        router.get("healthz") { _, _ in
            let draining = context.registry.isDraining
            return Response(status: draining ? .serviceUnavailable : .ok, headers: [.contentType: "text/plain"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: draining ? "draining\n" : "ok\n")))
        }
        router.get("calls") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(context.registry.json))))
        }
        let listen = context.configuration.listen
        let sockets = router.buildResponder()
        let retryAfter = max(1, Int(context.configuration.limits.drainSeconds.rounded(.up)))
        return Application(
            router: router,
            server: HTTPServerBuilder { responder in
                DrainGateChannel(
                    inner: HTTP1WebSocketUpgradeChannel(responder: responder, webSocketResponder: sockets,
                        configuration: .init(ws: .init(maxFrameSize: CallSession.maxMessageBytes))),
                    retryAfter: { context.registry.isDraining ? retryAfter : nil },
                    onRefused: {
                        context.counters.refused(.draining)
                        context.logger.warning("a Media Streams socket refused with 503: switchboard is shutting down")
                    })
            },
            configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "switchboard"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                context.boundPort.set(port)
                context.logger.notice("listening on \(listen.host):\(port)")
                await onReady(port)
            },
            logger: context.logger)
    }
}

/// Checks a Media Streams upgrade: with an auth token configured, `X-Twilio-Signature` must
/// sign the `<Stream url>` this server gave out (the upgrade has no body).
struct MediaUpgrade {
    let server: ServerContext

    func check(_ request: Request) throws -> RouterShouldUpgrade {
        guard let token = server.configuration.twilio.authToken else { return .upgrade([:]) }
        let signature = request.headers[HTTPField.Name("X-Twilio-Signature")!]
        guard TwilioSignature.isValid(signature: signature, url: server.streamURL, parameters: [], authToken: token) else {
            server.counters.badSignatures.increment()
            server.logger.warning("/media: \(signature == nil ? "missing" : "bad") X-Twilio-Signature for \(server.streamURL): refused")
            throw HTTPError(.forbidden, message: "bad or missing X-Twilio-Signature")
        }
        return .upgrade([:])
    }
}

/// The drain on SIGTERM: no new calls; live calls may finish for `drain_s`; the rest are ended.
/// Listed after the application, so a graceful shutdown reaches it first and the sockets keep
/// working while calls finish.
struct CallDrain: Service {
    let context: ServerContext

    func run() async throws {
        try? await gracefulShutdown()
        let registry = context.registry
        registry.startDraining()
        let limit = context.configuration.limits.drainSeconds
        if registry.count > 0 { context.logger.notice("draining: \(registry.count) calls may go on for \(limit) s") }
        let deadline = ContinuousClock.now + .seconds(limit)
        while registry.count > 0, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(100)) }
        guard registry.count > 0 else { return }
        context.logger.warning("drain time is up: ending \(registry.count) calls")
        registry.endAll()
        let last = ContinuousClock.now + .seconds(5)
        while registry.count > 0, ContinuousClock.now < last { try? await Task.sleep(for: .milliseconds(50)) }
    }
}
