import Foundation
import Testing

/// `vad` and `llm-stream` run their stage when given no subcommand: their own `--help` shows
/// the stage's options beside the subcommands, a usage error says what is wrong in a few
/// lines, and the `run` subcommand of older command lines still works.
@Suite(.serialized) struct StageHelpTests {
    @Test(arguments: [
        ("vad", ["--aggressiveness", "--silence-ms", "--text", "eval", "features"]),
        ("llm-stream", ["--script", "--engine", "--barge-in-ms", "--plain", "--frames", "grammar"]),
    ])
    func helpShowsTheStagesOptionsAndSubcommands(_ tool: String, _ expected: [String]) async throws {
        let result = try await Tools.sh("\(tool) --help")
        #expect(result.status == 0, "\(result.stderr)")
        for word in expected { #expect(result.text.contains(word), "\(tool) --help lacks \(word)") }
        #expect(!result.text.contains("\n  run "), "the old default subcommand is not listed")
    }

    @Test func usageErrorNamesWhatIsMissingBriefly() async throws {
        let result = try await Tools.sh("echo hi | llm-stream")
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: the script engine needs --script FILE"), "\(result.stderr)")
        #expect(!result.stderr.contains("OVERVIEW"), "not the whole help: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count < 8, "\(result.stderr)")
    }

    @Test func subcommandsTakeTheSharedOptions() async throws {
        let grammar = try await Tools.sh("llm-stream grammar --script Examples/receptionist.yaml")
        #expect(grammar.status == 0 && grammar.text.hasPrefix("#JSGF"), "\(grammar.stderr)")
        let strict = try await Tools.sh("vad features --aggressiveness 3 Examples/call.wav")
        let lenient = try await Tools.sh("vad features --aggressiveness 0 Examples/call.wav")
        #expect(strict.status == 0 && lenient.status == 0, "\(strict.stderr)")
        #expect(strict.text != lenient.text, "--aggressiveness reaches `vad features`")
        let bad = try await Tools.sh("vad features --aggressiveness 9 Examples/call.wav")
        #expect(bad.status == 64 && bad.stderr.contains("--aggressiveness"), "\(bad.stderr)")
    }

    @Test func runSubcommandStillRunsTheStage() async throws {
        let old = try await Tools.sh("mulaw-decode -i Examples/call.wav | vad run --silence-ms 300 --text")
        let new = try await Tools.sh("mulaw-decode -i Examples/call.wav | vad --silence-ms 300 --text")
        #expect(old.status == 0 && new.status == 0, "\(old.stderr)")
        #expect(old.stdout == new.stdout)
        let llm = try await Tools.sh("echo hello | llm-stream run --script Examples/receptionist.yaml --words-per-second 0 --text")
        #expect(llm.status == 0, "\(llm.stderr)")
        #expect(llm.json.filter { $0["type"] as? String == "response.end" }.count == 2)
    }
}
