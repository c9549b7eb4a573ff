import ArgumentParser
import SwitchboardCore

/// The stages built into the process, by tool name: what a graph runs in-process rather than as
/// a subprocess.
public enum StageCatalog {
    /// The option set of each built-in stage, in the order of a call.
    static var optionSets: [any StageOptionSet.Type] {
        [MuLawDecodeOptions.self, VADOptions.self, STTStreamOptions.self, LLMStreamOptions.self, SentenceSplitOptions.self, TTSCacheOptions.self, MuLawEncodeOptions.self]
    }

    /// The built-in stage names: mulaw-decode, vad, stt-stream, llm-stream, sentence-split, tts-cache, mulaw-encode.
    public static let names: [String] = optionSets.map { $0.toolName }

    /// Parses a node's argv (argv[0] is the tool name) with that tool's own option set.
    /// Unknown tool → nil. Bad options → throws `StageFailure(.usage, "<tool>: <the argument
    /// parser's message>")`, the message the tool itself would print.
    public static func parse(_ argv: [String]) throws -> (any StageOptionSet)? {
        guard let tool = argv.first, let optionSet = optionSets.first(where: { $0.toolName == tool }) else { return nil }
        return try parse(Array(argv.dropFirst()), as: optionSet)
    }

    private static func parse<Options: StageOptionSet>(_ arguments: [String], as _: Options.Type) throws -> Options {
        do {
            return try Options.parse(arguments)
        } catch {
            throw StageFailure(.usage, "\(Options.toolName): \(Options.message(for: error))")
        }
    }
}
