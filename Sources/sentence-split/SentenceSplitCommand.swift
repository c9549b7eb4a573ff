import ArgumentParser
import Foundation
import Stages
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
              llm-stream --script Examples/receptionist.yaml < turns.txt | sentence-split --first-min-chars 20 | tts-cache
            """)

    @Option(help: ArgumentHelp("Hold a sentence shorter than this and send it with the next (0: never).", valueName: "n"))
    var minChars = 0

    @Option(help: ArgumentHelp("Cut a longer sentence at its best clause boundary: comma, dash, conjunction, space (0: no limit).", valueName: "n"))
    var maxChars = 250

    @Option(help: ArgumentHelp("Let a turn's first piece end at a clause boundary once it is this long, for earlier first audio (0: off).", valueName: "n"))
    var firstMinChars = 0

    @Option(help: ArgumentHelp("Built-in abbreviation and conjunction lists to use, comma-separated.", valueName: "en,hi"),
            transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    var language: [String] = SentenceLexicon.languages

    @Option(help: ArgumentHelp("More abbreviations, one per line: `Dr.`, or with a kind: `etc. final`, `No. numeric` (see sentence-split(1)). Repeatable.", valueName: "file"),
            completion: .file())
    var abbreviations: [String] = []

    @OptionGroup var frameOutput: FrameOutputOptions
    @OptionGroup var log: LogOptions

    func validate() throws {
        for name in language where !SentenceLexicon.languages.contains(name) {
            throw ValidationError("--language: no built-in list for '\(name)' (there are: \(SentenceLexicon.languages.joined(separator: ", ")))")
        }
        guard (0...1000).contains(minChars) else { throw ValidationError("--min-chars must be from 0 to 1000, not \(minChars)") }
        guard maxChars == 0 || (10...100_000).contains(maxChars) else { throw ValidationError("--max-chars must be 0 (no limit) or from 10 to 100000, not \(maxChars)") }
        guard (0...1000).contains(firstMinChars) else { throw ValidationError("--first-min-chars must be from 0 to 1000, not \(firstMinChars)") }
        if maxChars > 0, minChars > maxChars { throw ValidationError("--min-chars (\(minChars)) cannot be above --max-chars (\(maxChars))") }
    }

    func run() async throws {
        let logger = log.makeLogger(label: "sentence-split")
        var lexicon = SentenceLexicon.builtIn(languages: language)
        for path in abbreviations {
            do { try lexicon.addAbbreviations(fromFile: path) } catch {
                logger.error("\(error)")
                try ExitStatus.config.exit()
            }
        }
        let settings = SentenceSplitter.Settings(minChars: minChars, maxChars: maxChars, firstMinChars: firstMinChars, lexicon: lexicon)
        try await StdioBinding.run(SentenceSplit(settings: settings), encoding: frameOutput.encoding, logger: logger).exit()
    }
}
