import SwitchboardCore

extension ChatCompletionsClient {
    /// The largest `chat.completion` body read: a classification is a few hundred bytes, and a
    /// server that sends more is not answering what was asked.
    static let completionBodyLimit = 256 * 1024

    /// Sends a non-streamed request and reads the whole answer. An error status throws a
    /// `ProviderError` (as `stream` does); a body that is not a `chat.completion` throws a
    /// `.protocolError`. Cancelling the calling task aborts the transfer.
    public func complete(_ request: ChatCompletionRequest) async throws -> ChatCompletion {
        var body: [UInt8] = []
        JSONWriter.write(request.json, into: &body)
        let response = try await post(body, accepting: "application/json")
        return try Self.decodeCompletion(try await response.body.collect(upTo: Self.completionBodyLimit))
    }

    /// `{"choices": [{"message": {"content": …}, "finish_reason": …}], "usage": …}`, leniently:
    /// only the first choice's message is required.
    static func decodeCompletion(_ bytes: [UInt8]) throws -> ChatCompletion {
        let value: JSON
        do { value = try JSONParser.parse(bytes) } catch {
            throw ProviderError(kind: .protocolError, message: "malformed chat.completion: \(error)")
        }
        guard let object = value.object else { throw ProviderError(kind: .protocolError, message: "chat.completion is not an object") }
        if let error = object["error"] {
            throw ProviderError(kind: .serverError, code: error.object?["code"]?.string,
                message: error.object?["message"]?.string ?? error.string ?? "error in chat.completion")
        }
        guard let choice = object["choices"]?.array?.first?.object, let message = choice["message"]?.object else {
            throw ProviderError(kind: .protocolError, message: "chat.completion has no choices[0].message")
        }
        return ChatCompletion(content: message["content"]?.string, finishReason: choice["finish_reason"]?.string,
            refusal: message["refusal"]?.string, usage: ChatUsage(json: object["usage"]?.object))
    }
}
