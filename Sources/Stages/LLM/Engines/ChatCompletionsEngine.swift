import Providers

/// An OpenAI-compatible Chat Completions server (OpenAI, Groq, Ollama, vLLM, llama.cpp) as an
/// engine: the prompt's messages go out with `stream: true`; text deltas and the usage come back.
public struct ChatCompletionsEngine: ResponseEngine {
    public let name: String
    public var client: ChatCompletionsClient
    public var model: String
    public var temperature: Double?
    public var maxTokens: Int?

    public init(name: String, client: ChatCompletionsClient, model: String, temperature: Double? = nil, maxTokens: Int? = nil) {
        self.name = name
        self.client = client
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
    }

    public func respond(to prompt: Prompt) async throws -> AsyncThrowingStream<ResponseChunk, any Error> {
        // A greeting is not the model's to make up: with no caller message there is nothing to answer.
        guard prompt.user != nil else { return AsyncThrowingStream { $0.finish() } }
        let request = ChatRequest(model: model, messages: prompt.messages, temperature: temperature, maxTokens: maxTokens)
        return try await client.stream(request).compactMapped { event in
            switch event {
            case .text(let text): .text(text)
            case .usage(let usage): .usage(usage)
            case .finished: nil
            }
        }
    }
}
