import ArgumentParser
import StageOptions
import Stdio
import SwitchboardCore
import ToolSupport

@main
struct SentenceSplitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentence-split",
        abstract: "Cut the agent's streamed tokens into sentences, each the moment its end is certain.",
        discussion: """
            Reads frames on stdin. `token` events become `sentence` events:
              {"type":"sentence","turn":1,"index":0,"text":"Sure, Dr. Rao is in at 10.30 a.m. tomorrow."}
            `index` counts from 0 in each turn. A sentence goes out as soon as the text after it \
            settles its end, usually with the next character; `response.end` sends what is \
            left (an `interrupted` one drops it), `interrupt` drops the text of turns up to N. \
            `response.*`, `interrupt` and everything else are passed on; tokens are not. A \
            plain line is `text`: it is split on its own, in turn 0.

            Sentences end at . ! ? ; … and line breaks, the danda । and ॥, and 。！？ — with \
            the closing quotes and brackets after them. A period is no end after an \
            abbreviation (titles, e.g., etc. before a small letter, No. before a number, U.S., \
            initials; --abbreviations adds more), inside numbers, versions, times, web and \
            e-mail addresses (3.14, v2.0, 10.30, example.com), after a list marker (1. a. १.) \
            or an ordinal before a small letter; an ellipsis ends one only before a capital.

            Exit status: 0 done, 64 bad usage, 65 input ended inside a frame payload, 78 bad \
            abbreviations file.

            Examples:
              echo "Hi. How are you?" | sentence-split
              llm-stream --script Examples/receptionist.yaml \\
                < Examples/transcripts.txt |
                sentence-split --first-min-chars 20 | switchboard dump
            """,
        version: SwitchboardVersion.current)

    @OptionGroup var options: SentenceSplitOptions
    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = log.makeLogger(label: "sentence-split")
        let stage = try StageFailure.exitingOnFailure(logger: logger) {
            try options.makeStage(resources: SharedResources(), logger: logger)
        }
        try await StdioBinding.run(stage, encoding: frameOutput.encoding, logger: logger).exit()
    }
}
