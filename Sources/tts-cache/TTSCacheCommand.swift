import ArgumentParser

@main
struct TTSCacheCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tts-cache", abstract: "Speak sentences, from a cache of synthesized clips.")
    func run() async throws {}
}
