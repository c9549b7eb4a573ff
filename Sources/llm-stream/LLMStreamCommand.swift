import ArgumentParser

@main
struct LLMStreamCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "llm-stream", abstract: "(being built)")
}
