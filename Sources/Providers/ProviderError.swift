import Foundation
import SwitchboardCore

/// A provider answered with an error, or broke its own protocol. Carries what the resilience
/// layer needs to decide: retry or not, wait how long, and whether it was an overload (429),
/// which shrinks the provider's concurrency limit.
public struct ProviderError: Error, Equatable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        /// 429: slow down (unless the quota is gone: then not retryable).
        case overloaded
        /// 5xx, 408, 409: try again or elsewhere.
        case serverError
        /// 400, 401, 403, 404, 422: retrying cannot help.
        case rejected
        /// A malformed or truncated stream, or an error reported inside a 200 stream.
        case protocolError
    }

    public let kind: Kind
    public let status: Int?
    /// The provider's own error code or type, e.g. "rate_limit_exceeded".
    public let code: String?
    public let message: String
    /// From `retry-after-ms` / `retry-after`, when the provider gave one.
    public let retryAfter: Duration?
    public let isRetryable: Bool

    public init(kind: Kind, status: Int? = nil, code: String? = nil, message: String, retryAfter: Duration? = nil, isRetryable: Bool? = nil) {
        self.kind = kind
        self.status = status
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.isRetryable = isRetryable ?? (kind == .overloaded || kind == .serverError)
    }

    public var description: String {
        var text = status.map { "HTTP \($0): " } ?? ""
        text += message
        if let code { text += " (\(code))" }
        if let retryAfter { text += ", retry after \(retryAfter)" }
        return text
    }
}

extension ProviderError {
    /// Classifies an error response as the OpenAI SDKs do (openai-compatible.md §2):
    /// 408, 409, 429 and ≥ 500 are retried, others not; `x-should-retry` overrides; a 429 for
    /// an exhausted quota is not worth retrying.
    public static func from(status: Int, headers: [(name: String, value: String)], body: [UInt8]) -> ProviderError {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        var code: String?
        var message = "HTTP \(status)"
        if let object = try? JSONParser.parse(body).object {
            switch object["error"] {
            case .object(let error)?:
                message = error["message"]?.string ?? message
                code = error["code"]?.string ?? error["type"]?.string
            case .string(let text)?: message = text
            default: break
            }
        } else if let text = String(validating: body.prefix(300), as: UTF8.self), !text.isEmpty {
            message = text
        }
        let kind: Kind =
            switch status {
            case 429: .overloaded
            case 408, 409, 500...: .serverError
            default: .rejected
            }
        var retryable = kind != .rejected && code != "insufficient_quota"
        if let override = header("x-should-retry") { retryable = override == "true" }
        return ProviderError(kind: kind, status: status, code: code, message: message,
            retryAfter: retryAfter(headers: headers), isRetryable: retryable)
    }

    /// `retry-after-ms` (milliseconds) or `retry-after` (seconds, or an HTTP date); only a
    /// wait of more than 0 and at most 60 seconds is believed.
    public static func retryAfter(headers: [(name: String, value: String)], now: Date = Date()) -> Duration? {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        var seconds: Double?
        if let ms = header("retry-after-ms").flatMap(Double.init) {
            seconds = ms / 1000
        } else if let value = header("retry-after") {
            if let number = Double(value) {
                seconds = number
            } else {
                let format = DateFormatter()
                format.locale = Locale(identifier: "en_US_POSIX")
                format.timeZone = TimeZone(identifier: "GMT")
                format.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
                seconds = format.date(from: value).map { $0.timeIntervalSince(now) }
            }
        }
        guard let seconds, seconds > 0, seconds <= 60 else { return nil }
        return .milliseconds(Int((seconds * 1000).rounded()))
    }
}
