import SwitchboardCore

extension ChatCompletionsClient {
    /// The largest `chat.completion` body read: a classification is a few hundred bytes, and a
    /// server that sends more is not answering what was asked.
    static let completionBodyLimit = 256 * 1024

    /// Sends a non-streamed request and reads the whole answer. An error status throws a
    /// `ProviderError` (as `stream` does); a body that is not a `chat.completion` throws a
    /// `.protocolError`. Cancelling the calling task aborts the transfer.
    public func complete(_ request: ChatCompletionRequest) async throws -> ChatCompletion {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        var body: [UInt8] = []
        JSONWriter.write(request.json, into: &body)
        let response = try await http.execute(HTTPRequest(
            method: "POST", url: baseURL + "/chat/completions", headers: headers, body: body, timeouts: timeouts))
        guard response.status == 200 else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)) ?? []
            throw ProviderError.from(status: response.status, headers: response.headers, body: body)
        }
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
        var usage: ChatUsage?
        if let counts = object["usage"]?.object, let prompt = counts["prompt_tokens"]?.int, let completion = counts["completion_tokens"]?.int {
            usage = ChatUsage(promptTokens: prompt, completionTokens: completion, totalTokens: counts["total_tokens"]?.int ?? prompt + completion)
        }
        return ChatCompletion(content: message["content"]?.string, finishReason: choice["finish_reason"]?.string,
            refusal: message["refusal"]?.string, usage: usage)
    }
}
