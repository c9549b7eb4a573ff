import SwitchboardCore

/// A chat message as OpenAI-compatible servers take it.
public struct ChatMessage: Sendable, Equatable {
    public var role: String
    public var content: String
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}

public struct ChatRequest: Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var maxTokens: Int?
    /// Ask for the usage chunk at the end of the stream.
    public var includeUsage = true

    public init(model: String, messages: [ChatMessage], temperature: Double? = nil, maxTokens: Int? = nil) {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
    }

    /// The JSON body of `POST {base}/chat/completions` with `stream: true`.
    var body: [UInt8] {
        var object: JSONObject = [
            "model": .string(model),
            "messages": .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] }),
            "stream": true,
        ]
        if includeUsage { object["stream_options"] = ["include_usage": true] }
        if let temperature { object["temperature"] = .double(temperature) }
        if let maxTokens { object["max_tokens"] = .int(maxTokens) }
        var bytes: [UInt8] = []
        JSONWriter.write(object, into: &bytes)
        return bytes
    }
}

public struct ChatUsage: Sendable, Equatable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }

    /// A response's `usage` object, streamed or whole; nil without the two counts.
    init?(json usage: JSONObject?) {
        guard let usage, let prompt = usage["prompt_tokens"]?.int, let completion = usage["completion_tokens"]?.int else { return nil }
        self.init(promptTokens: prompt, completionTokens: completion, totalTokens: usage["total_tokens"]?.int ?? prompt + completion)
    }
}

/// What a streamed chat completion yields, in order: text pieces, then how it finished, then
/// (if asked for and the stream was not cut) the usage.
public enum ChatStreamEvent: Sendable, Equatable {
    case text(String)
    case finished(reason: String)
    case usage(ChatUsage)
}

/// Streaming Chat Completions against any OpenAI-compatible server (OpenAI, Groq, Ollama,
/// vLLM, llama.cpp), per `openai-compatible.md` §1–§2.
public struct ChatCompletionsClient: Sendable {
    /// Ends in `/v1`; `/chat/completions` is appended.
    public var baseURL: String
    public var apiKey: String?
    public var timeouts: HTTPTimeouts
    public let http: HTTPClient

    public init(baseURL: String, apiKey: String?, timeouts: HTTPTimeouts = .init(connect: .seconds(5), stall: .seconds(10)),
        http: HTTPClient = .shared)
    {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.timeouts = timeouts
        self.http = http
    }

    /// Sends the request and returns once the server accepted it (status 200); an error
    /// status throws a `ProviderError` before any text. The events are read as the consumer
    /// asks for them, so a slow consumer pauses the transfer; cancelling the consuming task, or
    /// dropping the stream, aborts it.
    public func stream(_ request: ChatRequest) async throws -> AsyncThrowingStream<ChatStreamEvent, any Error> {
        let response = try await post(request.body, accepting: "text/event-stream")
        // Decoded as the consumer reads, in its task: no buffer between the body and the reader.
        return AsyncThrowingStream(pulling: ChatStreamEvents(SSEStream(response.body).makeAsyncIterator()))
    }

    /// `POST {base}/chat/completions`, returned once the server accepted it (status 200); an
    /// error status throws a `ProviderError` made from its body. Shared by `stream` and `complete`.
    func post(_ body: [UInt8], accepting accept: String) async throws -> HTTPResponse {
        var headers: [(name: String, value: String)] = [("Content-Type", "application/json"), ("Accept", accept)]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey)")) }
        let response = try await http.execute(HTTPRequest(
            method: "POST", url: baseURL + "/chat/completions", headers: headers, body: body, timeouts: timeouts))
        guard response.status == 200 else {
            let body = (try? await response.body.collect(upTo: 64 * 1024)) ?? []
            throw ProviderError.from(status: response.status, headers: response.headers, body: body)
        }
        return response
    }

    /// Only the text of the answer, as it streams — what a failover engine or a token stage
    /// consumes. Cancelling its consumer aborts the HTTP transfer.
    public func textStream(_ request: ChatRequest) async throws -> AsyncThrowingStream<String, any Error> {
        try await stream(request).compactMapped { event in
            if case .text(let text) = event { text } else { nil }
        }
    }

    /// One `chat.completion.chunk`: content deltas, the finish reason, the usage; decoded
    /// leniently (vLLM sends `choices: null` with the usage).
    static func decode(_ event: SSEEvent) throws -> [ChatStreamEvent] {
        let value: JSON
        do { value = try JSONParser.parse(event.data) } catch {
            throw ProviderError(kind: .protocolError, message: "malformed chunk: \(error)")
        }
        guard let chunk = value.object else { throw ProviderError(kind: .protocolError, message: "chunk is not an object") }
        if event.event == "error" || chunk["error"] != nil {
            let error = chunk["error"]?.object
            throw ProviderError(kind: .serverError, code: error?["code"]?.string ?? error?["type"]?.string,
                message: error?["message"]?.string ?? chunk["error"]?.string ?? "error in stream")
        }
        var elements: [ChatStreamEvent] = []
        for choice in chunk["choices"]?.array ?? [] {
            if let text = choice.object?["delta"]?.object?["content"]?.string, !text.isEmpty { elements.append(.text(text)) }
            if let reason = choice.object?["finish_reason"]?.string { elements.append(.finished(reason: reason)) }
        }
        if let usage = ChatUsage(json: chunk["usage"]?.object) { elements.append(.usage(usage)) }
        return elements
    }
}
