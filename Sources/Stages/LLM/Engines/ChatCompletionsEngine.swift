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
        let events = try await client.stream(
            ChatRequest(model: model, messages: prompt.messages, temperature: temperature, maxTokens: maxTokens))
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    for try await event in events {
                        switch event {
                        case .text(let text): continuation.yield(.text(text))
                        case .usage(let usage): continuation.yield(.usage(usage))
                        case .finished: break
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
