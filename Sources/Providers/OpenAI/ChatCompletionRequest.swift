import SwitchboardCore

/// OpenAI's structured outputs: `response_format: {"type": "json_schema", "json_schema": …}`.
/// With `strict`, servers that support it constrain the answer to the schema; others may
/// ignore it, so the answer must still be checked.
public struct JSONSchemaFormat: Sendable, Equatable {
    /// `[a-zA-Z0-9_-]`, at most 64 characters (OpenAI's rule).
    public var name: String
    public var schema: JSON
    public var strict: Bool

    public init(name: String, schema: JSON, strict: Bool = true) {
        self.name = name
        self.schema = schema
        self.strict = strict
    }

    public var json: JSON {
        ["type": "json_schema", "json_schema": ["name": .string(name), "strict": .bool(strict), "schema": schema]]
    }
}

/// A Chat Completions request answered in one piece (`stream: false`): for short answers a
/// program reads whole, such as a classification against a JSON schema.
public struct ChatCompletionRequest: Sendable {
    public var model: String
    public var messages: [ChatMessage]
    public var temperature: Double?
    public var maxTokens: Int?
    public var responseFormat: JSONSchemaFormat?

    public init(model: String, messages: [ChatMessage], temperature: Double? = nil, maxTokens: Int? = nil,
                responseFormat: JSONSchemaFormat? = nil)
    {
        self.model = model
        self.messages = messages
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.responseFormat = responseFormat
    }

    /// The JSON body of `POST {base}/chat/completions`, as sent.
    public var json: JSONObject {
        var object: JSONObject = [
            "model": .string(model),
            "messages": .array(messages.map { ["role": .string($0.role), "content": .string($0.content)] }),
            "stream": false,
        ]
        if let temperature { object["temperature"] = .double(temperature) }
        if let maxTokens { object["max_tokens"] = .int(maxTokens) }
        if let responseFormat { object["response_format"] = responseFormat.json }
        return object
    }
}

/// The answer of a non-streamed chat completion: the first choice's message.
public struct ChatCompletion: Sendable, Equatable {
    /// nil when the server sent no text (a refusal, a tool call).
    public var content: String?
    public var finishReason: String?
    /// OpenAI's structured-output refusal, when the model declined.
    public var refusal: String?
    public var usage: ChatUsage?

    public init(content: String?, finishReason: String? = nil, refusal: String? = nil, usage: ChatUsage? = nil) {
        self.content = content
        self.finishReason = finishReason
        self.refusal = refusal
        self.usage = usage
    }
}
