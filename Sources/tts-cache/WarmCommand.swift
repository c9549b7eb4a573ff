import ArgumentParser
import Dialogue
import Foundation
import Logging
import StageOptions
import Stages
import SwitchboardCore
import ToolSupport

/// `tts-cache warm`: the stage itself, fed the phrases as `text` events, with its audio thrown
/// away: so a warmed clip has exactly the key, bytes and words a call would have stored.
struct WarmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warm",
        abstract: "Fill the cache ahead of calls with fixed phrases or a script's fixed replies.",
        discussion: """
            --phrases reads one phrase a line (blank lines skipped). --script takes every reply \
            of an llm-stream dialogue script that has no {slot} in it (greeting, questions, \
            fallbacks, fixed answers), cut into sentences as sentence-split cuts them, so that \
            each is a hit when a call says it. Give the same engine, voice and format options \
            as the calls will use: they are part of the key.

            Progress goes to stderr on a terminal; at the end one line says how many phrases \
            were already cached, how many were synthesized and how many failed.

            Exit status: 0 done, 64 bad usage, 66 the file cannot be read, 69 some phrases \
            failed, 78 bad configuration or script.

            Examples:
              tts-cache warm --script Examples/receptionist.yaml
              tts-cache warm --phrases faq.txt --cache redis \\
                --redis-url redis://cache:6379    # needs: a Redis server and faq.txt
            """)

    @Option(help: ArgumentHelp("A file of phrases, one a line.", valueName: "file"), completion: .file())
    var phrases: String?

    @Option(help: ArgumentHelp("An llm-stream dialogue script: its fixed replies.", valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var script: String?

    @OptionGroup var options: TTSCacheOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        guard (phrases == nil) != (script == nil) else { throw ValidationError("give one of --phrases FILE or --script FILE") }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "tts-cache")
        let sentences = try StageFailure.exitingOnFailure(logger: logger) { try loadSentences() }
        let stage = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        let progress = WarmProgress(total: sentences.count)
        let input = AsyncStream<Frame> { continuation in
            for sentence in sentences { continuation.yield(.event(.text(sentence))) }
            continuation.finish()
        }
        try await stage.run(input, to: progress)
        progress.report()
        if progress.failed > 0 { try ExitStatus.unavailable.exit() }
    }

    /// The sentences to speak, in order, each once.
    private func loadSentences() throws -> [String] {
        if let phrases {
            guard let text = try? String(contentsOfFile: phrases, encoding: .utf8) else {
                throw StageFailure(.noInput, "cannot read --phrases \(phrases): \(FileManager.default.fileExists(atPath: phrases) ? "not UTF-8 text" : "no such file")")
            }
            return unique(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
        let dialogue: DialogueScript
        do { dialogue = try DialogueScript(contentsOf: script!) } catch { throw StageFailure(.config, "\(error)") }
        var sentences: [String] = []
        for reply in dialogue.fixedReplies {
            var splitter = SentenceSplitter()
            sentences += splitter.append(reply) + splitter.flush()
        }
        return unique(sentences)
    }

    private func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }
}
