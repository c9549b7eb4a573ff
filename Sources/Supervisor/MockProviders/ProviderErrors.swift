import HTTPTypes
import Hummingbird
import SwitchboardCore

/// Error responses in the OpenAI shape: `{"error": {"message", "type", "param", "code"}}`.
enum ProviderErrors {
    static func response(status: HTTPResponse.Status, message: String, type: String, code: String?, headers: HTTPFields = [:]) -> Response {
        let error: JSON = ["message": .string(message), "type": .string(type), "param": nil, "code": code.map { .string($0) } ?? nil]
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: JSONWriter.string(JSON.object(["error": error])))))
    }

    static func badRequest(_ message: String) -> Response {
        response(status: .badRequest, message: message, type: "invalid_request_error", code: nil)
    }

    /// The injected 429 or 500 for a request that drew one; nil when it drew success.
    static func injected(_ outcome: MockOutcome, faults: MockFaults) -> Response? {
        switch outcome {
        case .rateLimited:
            return response(status: .tooManyRequests, message: "Rate limit reached (mock)", type: "requests",
                code: "rate_limit_exceeded", headers: [HTTPField.Name("Retry-After")!: "\(faults.retryAfterSeconds)"])
        case .serverError:
            return response(status: .internalServerError, message: "The server had an error (mock)", type: "server_error", code: nil)
        case .ok, .stall, .disconnect:
            return nil
        }
    }
}
