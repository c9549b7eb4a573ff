import Foundation
import HTTPTypes
import Hummingbird
import SwitchboardCore

/// The error responses of the text-to-speech providers other than OpenAI, each in its own
/// shape, so an engine's error handling meets what the real service sends.
enum TTSProviderErrors {
    enum Provider {
        /// `{"err_code", "err_msg", "request_id"}`.
        case deepgram
        /// `{"detail": {"status", "message"}}`.
        case elevenlabs
        /// Azure answers errors with a status and an empty body.
        case azure
        /// `{"error_code", "title", "message", "request_id"}` (the shape is the mock's guess:
        /// tts-providers.md does not give Cartesia's).
        case cartesia
    }

    static func response(_ provider: Provider, _ status: HTTPResponse.Status, code: String, message: String,
                         headers: HTTPFields = [:]) -> Response {
        var fields = headers
        let json: JSON
        switch provider {
        case .deepgram:
            json = ["err_code": .string(code), "err_msg": .string(message), "request_id": .string(UUID().uuidString.lowercased())]
        case .elevenlabs:
            json = ["detail": ["status": .string(code), "message": .string(message)]]
        case .azure:
            return Response(status: status, headers: fields)
        case .cartesia:
            json = ["error_code": .string(code), "title": .string(status.reasonPhrase), "message": .string(message),
                "request_id": .string(UUID().uuidString.lowercased())]
        }
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(json))))
    }

    static func unauthorized(_ provider: Provider) -> Response {
        response(provider, .unauthorized, code: provider == .elevenlabs ? "invalid_api_key" : "INVALID_AUTH",
            message: "Invalid credentials (the mock wants the provider's auth header, any non-empty key).")
    }

    /// The injected 429 or 500 for a request that drew one; nil when it drew success.
    static func injected(_ outcome: MockOutcome, faults: MockFaults, _ provider: Provider) -> Response? {
        switch outcome {
        case .rateLimited:
            return response(provider, .tooManyRequests, code: "rate_limited", message: "Too many requests (mock)",
                headers: [HTTPField.Name("Retry-After")!: "\(faults.retryAfterSeconds)"])
        case .serverError:
            return response(provider, .internalServerError, code: "server_error", message: "The server had an error (mock)")
        case .ok, .stall, .disconnect:
            return nil
        }
    }

    /// The value of header `name` with `scheme ` before it ("Token KEY" → "KEY"), if non-empty.
    static func credential(_ request: Request, _ name: HTTPField.Name, scheme: String? = nil) -> String? {
        guard let value = request.headers[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard let scheme else { return value }
        let prefix = scheme + " "
        guard value.lowercased().hasPrefix(prefix.lowercased()) else { return nil }
        let key = value.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        return key.isEmpty ? nil : key
    }
}
