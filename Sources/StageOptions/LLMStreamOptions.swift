import ArgumentParser
import Logging
import Stages
import SwitchboardCore

/// `llm-stream`: the engines that answer and the conversation around them.
public struct LLMStreamOptions: StageOptionSet {
    public static let toolName = "llm-stream"

    @OptionGroup(title: "Engines") var engines: EngineOptions
    @OptionGroup(title: "Conversation") var conversation: ConversationOptions

    public init() {}

    /// `--script FILE`, for subcommands that read the script themselves.
    public var scriptPath: String? { engines.script }

    /// The `--understand` reader of caller turns, for `llm-stream eval`; nil without the option.
    public func makeUnderstander(resources: SharedResources, logger: Logger) -> ScriptUnderstander? {
        engines.understander(resources: resources, logger: logger)
    }

    /// A bad script, a prompt file that cannot be read, or no engine left with a key is a
    /// configuration error (78).
    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        let script = try engines.script(resources: resources)
        var configuration = LLMStream.Configuration(engines: try engines.engines(script: script, resources: resources, logger: logger))
        try conversation.apply(to: &configuration, resources: resources, scriptGreets: script != nil && engines.specs.first?.name == "script")
        configuration.hedgeAfter = engines.hedgeMs.map { .milliseconds($0) }
        return LLMStream(configuration: configuration)
    }
}
