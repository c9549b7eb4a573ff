import Providers
import Telephony

/// The simulator's calls reach a server the way Twilio's do: an incoming call is a signed
/// POST to the voice webhook (`/twiml`), whose `<Connect><Stream>` says where to stream; when
/// the server closes the stream, Twilio fetches the `<Connect action>` to learn what comes
/// next (a `<Dial>` transfer, a `<Hangup/>`).
public struct TwilioDialIn: Sendable {
    /// The server's base URL, `http://host:port` (a balancer's, for a scaled-out service).
    public var server: String
    /// Signs every request (`X-Twilio-Signature`) when set, as the account's auth token would.
    public var authToken: String?
    public var accountSid: String
    public var from = "+15555550123"
    public var to = "+15555550199"

    public init(server: String, authToken: String? = nil, accountSid: String = "AC00000000000000000000000000000000") {
        self.server = server.hasSuffix("/") ? String(server.dropLast()) : server
        self.authToken = authToken
        self.accountSid = accountSid
    }

    public struct DialInError: Error, CustomStringConvertible {
        public let description: String
    }

    /// The incoming call: POST `/twiml` (with `?tenant=` when given).
    public func ring(callSid: String, tenant: String?) async throws -> TwiMLReading {
        let url = server + "/twiml" + (tenant.map { "?tenant=" + FormParameters.percentEncoded($0) } ?? "")
        return try await post(url, parameters: webhookParameters(callSid: callSid, status: "ringing"))
    }

    /// The stream has ended: POST the `<Connect action>`.
    public func streamEnded(action: String, callSid: String) async throws -> TwiMLReading {
        let url = action.hasPrefix("/") ? server + action : action
        return try await post(url, parameters: webhookParameters(callSid: callSid, status: "in-progress"))
    }

    /// `X-Twilio-Signature` for the stream's WebSocket upgrade (its URL, no parameters).
    public func streamSignature(url: String) -> String? {
        authToken.map { TwilioSignature.compute(url: url, parameters: [], authToken: $0) }
    }

    private func webhookParameters(callSid: String, status: String) -> [(String, String)] {
        [("AccountSid", accountSid), ("ApiVersion", "2010-04-01"), ("CallSid", callSid), ("CallStatus", status),
         ("Called", to), ("Caller", from), ("Direction", "inbound"), ("From", from), ("To", to)]
    }

    private func post(_ url: String, parameters: [(String, String)]) async throws -> TwiMLReading {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/x-www-form-urlencoded")]
        if let authToken {
            headers.append(("X-Twilio-Signature", TwilioSignature.compute(url: url, parameters: parameters, authToken: authToken)))
        }
        let body = Array(FormParameters(parameters).encoded.utf8)
        let request = HTTPRequest(method: "POST", url: url, headers: headers, body: body, timeouts: HTTPTimeouts(connect: .seconds(5), total: .seconds(15)))
        let response: HTTPResponse
        do { response = try await HTTPClient.shared.execute(request) } catch {
            throw DialInError(description: "POST \(url): \(error)")
        }
        let text = String(decoding: try await response.body.collect(upTo: 1 << 20), as: UTF8.self)
        guard response.status == 200 else {
            throw DialInError(description: "POST \(url): HTTP \(response.status) \(text.prefix(200))")
        }
        return try TwiMLReading(text)
    }
}
