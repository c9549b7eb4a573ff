import Foundation
import Providers
import SwitchboardCore
import Telephony

/// Twilio's REST API for the one thing the server asks of it: updating a live call, to hang it
/// up (`Status=completed`) or to transfer it (`Twiml=<Response><Dial>…</Dial></Response>`),
/// reference §8. `POST {base}/2010-04-01/Accounts/{AccountSid}/Calls/{CallSid}.json`, HTTP Basic
/// auth, a form body.
///
/// One per process: every request goes through the shared libcurl client (connections reused),
/// within a deadline, and is aborted when the awaiting task is cancelled.
public final class TwilioCallsClient: Sendable {
    public enum Outcome: Sendable, Equatable {
        /// Twilio updated the call (200).
        case done
        /// The call had already ended (404, error 20404): nothing left to do, not a failure.
        case alreadyEnded
    }

    public let accountSID: String
    /// `https://api.twilio.com`, or `switchboard mock-providers` in tests; no trailing slash.
    public let baseURL: String
    /// The most a request may take, connection included.
    public let deadline: Duration
    private let authorization: String
    private let http: HTTPClient

    public init(accountSID: String, authToken: String, baseURL: String = "https://api.twilio.com",
                deadline: Duration = .seconds(10), http: HTTPClient = .shared) {
        self.accountSID = accountSID
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.deadline = deadline
        self.authorization = "Basic " + Data("\(accountSID):\(authToken)".utf8).base64EncodedString()
        self.http = http
    }

    /// The client the settings call for; nil without both an account SID and an auth token
    /// (the server then ends calls by closing the stream).
    public convenience init?(settings: TwilioSettings, deadline: Duration = .seconds(10), http: HTTPClient = .shared) {
        guard let sid = settings.accountSID, !sid.isEmpty, let token = settings.authToken, !token.isEmpty else { return nil }
        self.init(accountSID: sid, authToken: token, baseURL: settings.apiBaseURL, deadline: deadline, http: http)
    }

    /// Ends the call.
    public func hangUp(callSID: String) async throws(TwilioCallsError) -> Outcome {
        try await update(callSID: callSID, action: "hang-up", fields: [("Status", "completed")])
    }

    /// Replaces the call's TwiML with a `<Dial>` to `target` (`+15551234567` or `sip:user@host`):
    /// the stream stops and the caller is put through.
    public func transfer(callSID: String, to target: String) async throws(TwilioCallsError) -> Outcome {
        guard TwiML.isDialTarget(target) else {
            throw TwilioCallsError(action: "transfer", callSID: callSID, reason: .invalidTarget(target))
        }
        return try await update(callSID: callSID, action: "transfer", fields: [("Twiml", TwiML.dial(target))])
    }

    /// POSTs `fields` to the call's resource and reads the answer.
    func update(callSID: String, action: String, fields: [(String, String)]) async throws(TwilioCallsError) -> Outcome {
        func failure(_ reason: TwilioCallsError.Reason) -> TwilioCallsError {
            TwilioCallsError(action: action, callSID: callSID, reason: reason)
        }
        // It goes into the URL's path as is.
        guard !callSID.isEmpty, callSID.utf8.allSatisfy(Self.isASCIIAlphanumeric) else { throw failure(.invalidCallSID) }
        let request = HTTPRequest(
            method: "POST", url: "\(baseURL)/2010-04-01/Accounts/\(FormParameters.percentEncoded(accountSID))/Calls/\(callSID).json",
            headers: [("Authorization", authorization), ("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/json")],
            body: Array(FormParameters(fields).encoded.utf8),
            timeouts: HTTPTimeouts(connect: min(deadline, .seconds(5)), total: deadline))
        let status: Int
        let body: [UInt8]
        do {
            let response = try await http.execute(request)
            status = response.status
            body = try await response.body.collect(upTo: 256 * 1024)
        } catch let error as HTTPClientError {
            if case .timedOut = error { throw failure(.deadlineExceeded(deadline)) }
            throw failure(.network(error.description))
        } catch is CancellationError {
            throw failure(.network("cancelled"))
        } catch {
            throw failure(.network("\(error)"))
        }
        switch status {
        case 200..<300: return .done
        case 404: return .alreadyEnded
        default:
            let (code, message) = Self.twilioError(body)
            switch status {
            case 401, 403: throw failure(.unauthorized(status: status, code: code, message: message))
            case 500...: throw failure(.serverError(status: status, code: code, message: message))
            default: throw failure(.rejected(status: status, code: code, message: message))
            }
        }
    }

    /// Twilio's error body, `{"code": 20003, "message": "Authenticate", "more_info": …, "status": 401}`;
    /// whatever else came, a short printable head of it.
    static func twilioError(_ body: [UInt8]) -> (code: Int?, message: String) {
        if let object = (try? JSONParser.parse(body))?.object, let message = object["message"]?.string {
            return (object["code"]?.int, message)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).filter { !$0.isNewline }
        return (nil, text.isEmpty ? "(no body)" : text)
    }

    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
