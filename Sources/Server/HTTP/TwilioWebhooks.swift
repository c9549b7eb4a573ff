import Hummingbird
import HTTPTypes
import Logging
import NIOCore
import Telephony

/// The HTTP requests Twilio makes: the voice webhook (`/twiml`), `<Connect action>` once a
/// stream we closed has ended (`/twilio/after`), and `<Stream statusCallback>`
/// (`/twilio/status`). Each is signed; with an auth token configured, a bad or missing
/// signature is refused with 403.
struct TwilioWebhooks: Sendable {
    let server: ServerContext

    /// The largest webhook body taken (Twilio's are a few kB).
    static let maxBodyBytes = 64 * 1024

    /// `POST /twiml`: `<Connect><Stream>` to this server's `/media`; when no call can be taken
    /// now, 503 while draining (a load balancer tries another server; without one, Twilio
    /// tries the number's fallback URL) and `<Reject reason="busy">` when at `max_calls` (every
    /// server is about as full when the balancer counts connections, so the caller hears busy).
    /// The tenant comes from the webhook URL's `tenant` query parameter, else from the
    /// configured stream parameters.
    func twiml(_ request: Request) async throws -> Response {
        let form = try await verifiedForm(request, route: "/twiml")
        if let refusal = server.registry.refusal() {
            server.counters.refused(refusal)
            server.logger.warning("call \(form["CallSid"] ?? "?") refused: switchboard is \(refusal.rawValue)")
            switch refusal {
            case .atCapacity: return Self.xml(TwiML.reject(reason: .busy))
            case .draining: return Self.shuttingDown(retryAfter: server.configuration.limits.drainSeconds)
            }
        }
        var parameters = server.configuration.streamParameters
        if let tenant = request.uri.queryParameters.get("tenant") { parameters["tenant"] = tenant }
        let base = server.publicURL
        let twiml = TwiML.connectStream(
            url: server.streamURL, parameters: parameters.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            statusCallback: server.configuration.twilio.statusCallback ? base + "/twilio/status" : nil,
            action: base + "/twilio/after")
        return Self.xml(twiml)
    }

    /// `POST /twilio/after`: what the call does once its stream has ended.
    func after(_ request: Request) async throws -> Response {
        let form = try await verifiedForm(request, route: "/twilio/after")
        return Self.xml(server.afterStream.twiml(callSID: form["CallSid"] ?? ""))
    }

    /// `POST /twilio/status`: stream life-cycle events; `stream-error`s are counted by code.
    func status(_ request: Request) async throws -> Response {
        let form = try await verifiedForm(request, route: "/twilio/status")
        if form["StreamEvent"] == "stream-error" {
            let error = form["StreamError"] ?? ""
            let code = error.split(whereSeparator: { !$0.isNumber }).first { $0.count == 5 }.map(String.init) ?? "unknown"
            server.counters.streamError(code: code)
            server.logger.warning("Twilio stream error for call \(form["CallSid"] ?? "?"): \(error)")
        }
        return Response(status: .noContent)
    }

    /// The request's form body, once its signature has been checked against the public URL it
    /// was sent to.
    private func verifiedForm(_ request: Request, route: String) async throws -> FormParameters {
        let body = try await request.body.collect(upTo: Self.maxBodyBytes)
        let form: FormParameters
        do { form = try FormParameters(parsing: body.readableBytesView) } catch {
            throw HTTPError(.badRequest, message: "\(route): \(error)")
        }
        guard let token = server.configuration.twilio.authToken else { return form }
        var url = server.publicURL + request.uri.path
        if let query = request.uri.query, !query.isEmpty { url += "?" + query }
        let signature = request.headers[HTTPField.Name("X-Twilio-Signature")!]
        guard TwilioSignature.isValid(signature: signature, url: url, parameters: form.tuples, authToken: token) else {
            server.counters.badSignatures.increment()
            server.logger.warning("\(route): \(signature == nil ? "missing" : "bad") X-Twilio-Signature for \(url): refused")
            throw HTTPError(.forbidden, message: "bad or missing X-Twilio-Signature")
        }
        return form
    }

    /// 503 with `Retry-After` (the drain's length: this server takes no call before then).
    static func shuttingDown(retryAfter seconds: Double) -> Response {
        Response(status: .serviceUnavailable,
            headers: [.contentType: "text/plain", .retryAfter: "\(max(1, Int(seconds.rounded(.up))))"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "switchboard is shutting down: no new calls here\n")))
    }

    static func xml(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/xml"], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
