/// Why Twilio's REST API did not update a call. The message names the call and the action but
/// never the auth token: it goes to the log as is.
public struct TwilioCallsError: Error, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// Not a call SID we would put into a URL (letters and digits only).
        case invalidCallSID
        /// Not a number or SIP URI `<Dial>` may take (`TwiML.isDialTarget`).
        case invalidTarget(String)
        /// 401 or 403: the account SID or auth token is wrong, or lacks the permission.
        case unauthorized(status: Int, code: Int?, message: String)
        /// Another 4xx: Twilio refused the request as made (e.g. 400 for a malformed `Twiml`).
        case rejected(status: Int, code: Int?, message: String)
        /// 5xx: Twilio failed; a later attempt may succeed.
        case serverError(status: Int, code: Int?, message: String)
        /// No answer within the deadline.
        case deadlineExceeded(Duration)
        /// The connection failed or broke.
        case network(String)
    }

    /// `hang-up` or `transfer`.
    public var action: String
    public var callSID: String
    public var reason: Reason

    public init(action: String, callSID: String, reason: Reason) {
        self.action = action
        self.callSID = callSID
        self.reason = reason
    }

    public var description: String {
        let what = "Twilio \(action) of call \(callSID)"
        switch reason {
        case .invalidCallSID: return "\(what): not a call SID (letters and digits only)"
        case .invalidTarget(let target): return "\(what): \"\(target)\" is not a phone number (+ and digits) or sip:user@host URI"
        case .unauthorized(let status, let code, let message):
            return "\(what): \(status)\(Self.code(code)) \(message): check the account SID and auth token"
        case .rejected(let status, let code, let message): return "\(what): refused, \(status)\(Self.code(code)) \(message)"
        case .serverError(let status, let code, let message): return "\(what): Twilio failed, \(status)\(Self.code(code)) \(message)"
        case .deadlineExceeded(let limit): return "\(what): no answer within \(limit)"
        case .network(let message): return "\(what): \(message)"
        }
    }

    private static func code(_ code: Int?) -> String { code.map { " (error \($0))" } ?? "" }
}
