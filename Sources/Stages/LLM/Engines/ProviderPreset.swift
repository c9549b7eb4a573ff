/// The OpenAI-compatible services `--provider` (or an engine name) can stand for: where they
/// listen and which environment variable holds their key (openai-compatible.md, providers table).
public struct ProviderPreset: Sendable, Equatable {
    public let name: String
    public let baseURL: String
    public let apiKeyVariable: String
    /// Local servers take any key, or none.
    public let needsKey: Bool

    public static let all: [ProviderPreset] = [
        ProviderPreset(name: "openai", baseURL: "https://api.openai.com/v1", apiKeyVariable: "OPENAI_API_KEY", needsKey: true),
        ProviderPreset(name: "groq", baseURL: "https://api.groq.com/openai/v1", apiKeyVariable: "GROQ_API_KEY", needsKey: true),
        ProviderPreset(name: "ollama", baseURL: "http://localhost:11434/v1", apiKeyVariable: "OLLAMA_API_KEY", needsKey: false),
        ProviderPreset(name: "vllm", baseURL: "http://localhost:8000/v1", apiKeyVariable: "VLLM_API_KEY", needsKey: false),
    ]

    public static func named(_ name: String) -> ProviderPreset? { all.first { $0.name == name } }
}
