/// The OpenAI-compatible services `--provider` (or an engine name) can stand for: where they
/// listen and which environment variable holds their key (openai-compatible.md, providers table).
public struct ProviderPreset: Sendable, Equatable {
    public let name: String
    public let baseURL: String
    public let apiKeyVariable: String
    /// Local servers take any key, or none.
    public let needsKey: Bool
    /// The model asked for when neither `--model` nor `NAME:MODEL` says.
    public let defaultModel: String

    public static let all: [ProviderPreset] = [
        ProviderPreset(name: "openai", baseURL: "https://api.openai.com/v1", apiKeyVariable: "OPENAI_API_KEY", needsKey: true, defaultModel: "gpt-4o-mini"),
        ProviderPreset(name: "groq", baseURL: "https://api.groq.com/openai/v1", apiKeyVariable: "GROQ_API_KEY", needsKey: true, defaultModel: "llama-3.1-8b-instant"),
        ProviderPreset(name: "ollama", baseURL: "http://localhost:11434/v1", apiKeyVariable: "OLLAMA_API_KEY", needsKey: false, defaultModel: "llama3.2"),
        ProviderPreset(name: "vllm", baseURL: "http://localhost:8000/v1", apiKeyVariable: "VLLM_API_KEY", needsKey: false, defaultModel: "default"),
    ]

    public static func named(_ name: String) -> ProviderPreset? { all.first { $0.name == name } }
}
