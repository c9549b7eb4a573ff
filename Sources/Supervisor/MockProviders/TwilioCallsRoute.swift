import Foundation
import HTTPTypes
import Hummingbird
import SwitchboardCore
import Telephony

/// `POST /2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`, Twilio's REST API updating a
/// live call (twilio-media-streams.md §8): HTTP Basic auth `AccountSid:AuthToken` checked
/// against the configured credentials, a form body with `Status` (`completed`, `canceled`),
/// `Twiml` or `Url`. Answers the call resource as JSON; a call SID configured as already ended
/// answers 404 with error 20404; errors in Twilio's shape `{"code", "message", "more_info",
/// "status"}`. Every request that gets past routing is recorded (`MockProviders.twilioCallUpdates`).
struct TwilioCallsRoute: Sendable {
    let state: MockState
    let faults: MockFaults
    let accountSID: String
    let authToken: String
    let endedCalls: Set<String>

    func respond(_ request: Request, account: String, resource: String) async throws -> Response {
        let path = request.uri.path
        guard resource.hasSuffix(".json"), resource.count > 5 else {
            return Self.error(.notFound, code: 20404, message: "The requested resource \(path) was not found")
        }
        let call = String(resource.dropLast(5))
        let body = Array(try await request.body.collect(upTo: 64 * 1024).readableBytesView)
        let fields = Self.form(body)
        var update = MockTwilioCallUpdate(account: account, call: call, fields: fields ?? [:],
            authenticated: authenticated(request), status: 0, at: Date())
        let response = try await answer(to: &update, path: path, formParsed: fields != nil, contentType: request.headers[.contentType])
        update.status = Int(response.status.code)
        state.recordCallUpdate(update)
        return response
    }

    private func answer(to update: inout MockTwilioCallUpdate, path: String, formParsed: Bool, contentType: String?) async throws -> Response {
        guard update.authenticated else {
            return Self.error(.unauthorized, code: 20003, message: "Authenticate",
                              headers: [.wwwAuthenticate: "Basic realm=\"Twilio API\""])
        }
        // Another account's calls are not this account's to see.
        guard update.account == accountSID, !endedCalls.contains(update.call) else {
            return Self.error(.notFound, code: 20404, message: "The requested resource \(path) was not found")
        }
        guard contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true, formParsed else {
            return Self.error(.badRequest, code: 20001, message: "Expected an application/x-www-form-urlencoded body")
        }
        let fields = update.fields
        if let status = fields["Status"], !["completed", "canceled"].contains(status) {
            return Self.error(.badRequest, code: 20001, message: "Status must be completed or canceled, not \(status)")
        }
        if let twiml = fields["Twiml"], !twiml.contains("<Response") {
            return Self.error(.badRequest, code: 12100, message: "Document parse failure: Twiml has no <Response>")
        }
        guard fields["Status"] != nil || fields["Twiml"] != nil || fields["Url"] != nil else {
            return Self.error(.badRequest, code: 20001, message: "Give Status, Twiml or Url")
        }

        let outcome = state.outcome(for: .twilio)
        switch outcome {
        case .rateLimited: return Self.error(.tooManyRequests, code: 20429, message: "Too Many Requests")
        case .serverError: return Self.error(.internalServerError, code: 20500, message: "Internal Server Error")
        case .ok, .stall, .disconnect: break
        }
        let resource = Self.callResource(update, path: path)
        let streamer = MockStreamer(route: .twilio, faults: faults, outcome: outcome, state: state)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: streamer.body([Array(JSONWriter.string(resource).utf8)]))
    }

    /// `Authorization: Basic base64(AccountSid:AuthToken)` with the configured pair.
    private func authenticated(_ request: Request) -> Bool {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let decoded = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
            let pair = String(data: decoded, encoding: .utf8)
        else { return false }
        return pair == "\(accountSID):\(authToken)"
    }

    /// The form's fields, the last value of a repeated name winning; nil for a body that is not
    /// a form (bad escapes, not UTF-8).
    static func form(_ body: [UInt8]) -> [String: String]? {
        guard let form = try? FormParameters(parsing: body) else { return nil }
        return Dictionary(form.tuples, uniquingKeysWith: { _, last in last })
    }

    /// The call resource after the update, with the fields a client is likely to read.
    static func callResource(_ update: MockTwilioCallUpdate, path: String) -> JSON {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let status = update.fields["Status"] ?? "in-progress"
        return ["sid": .string(update.call), "account_sid": .string(update.account), "api_version": "2010-04-01",
                "status": .string(status), "direction": "inbound", "date_updated": .string(formatter.string(from: update.at)),
                "uri": .string(path)]
    }

    static func error(_ status: HTTPResponse.Status, code: Int, message: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        let json: JSON = ["code": .int(code), "message": .string(message),
                          "more_info": .string("https://www.twilio.com/docs/errors/\(code)"), "status": .int(Int(status.code))]
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(json))))
    }
}

/// One request to the mock's Twilio call resource, as the client sent it.
public struct MockTwilioCallUpdate: Sendable {
    /// The `{AccountSid}` of the URL.
    public var account: String
    /// The `{CallSid}` of the URL.
    public var call: String
    /// The decoded form fields (`Status`, `Twiml`, `Url`, …).
    public var fields: [String: String]
    /// The Basic credentials were the configured account SID and auth token.
    public var authenticated: Bool
    /// The status the mock answered.
    public var status: Int
    public var at: Date
}

extension MockProviders {
    /// Every request to the Twilio call resource so far, in order.
    public var twilioCallUpdates: [MockTwilioCallUpdate] { state.callUpdates }
}
