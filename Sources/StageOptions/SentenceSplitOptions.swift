import ArgumentParser
import Foundation
import Logging
import Stages
import SwitchboardCore

/// `sentence-split`: how the agent's tokens are cut into sentences.
public struct SentenceSplitOptions: StageOptionSet {
    public static let toolName = "sentence-split"

    @Option(parsing: .unconditional, help: ArgumentHelp("Hold a sentence shorter than this and send it with the next (0: never).", valueName: "n"))
    var minChars = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Cut a longer sentence at its best clause boundary: comma, dash, conjunction, space (0: no limit).", valueName: "n"))
    var maxChars = 250

    @Option(parsing: .unconditional, help: ArgumentHelp("Let a turn's first piece end at a clause boundary once it is this long, for earlier first audio (0: off).", valueName: "n"))
    var firstMinChars = 0

    @Option(help: ArgumentHelp("Built-in abbreviation and conjunction lists to use, comma-separated.", valueName: "en,hi"),
            transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    var language: [String] = SentenceLexicon.languages

    @Option(help: ArgumentHelp("More abbreviations, one per line: `Dr.`, or with a kind: `etc. final`, `No. numeric` (see sentence-split(1)). Repeatable.", valueName: "file"),
            completion: .file())
    var abbreviations: [String] = []

    public init() {}

    public func validate() throws {
        for name in language where !SentenceLexicon.languages.contains(name) {
            throw ValidationError("--language: no built-in list for '\(name)' (there are: \(SentenceLexicon.languages.joined(separator: ", ")))")
        }
        guard (0...1000).contains(minChars) else { throw ValidationError("--min-chars must be from 0 to 1000, not \(minChars)") }
        guard maxChars == 0 || (10...100_000).contains(maxChars) else { throw ValidationError("--max-chars must be 0 (no limit) or from 10 to 100000, not \(maxChars)") }
        guard (0...1000).contains(firstMinChars) else { throw ValidationError("--first-min-chars must be from 0 to 1000, not \(firstMinChars)") }
        if maxChars > 0, minChars > maxChars { throw ValidationError("--min-chars (\(minChars)) cannot be above --max-chars (\(maxChars))") }
    }

    /// A bad abbreviations file is a configuration error (78).
    public func makeStage(resources: SharedResources, logger: Logger) throws -> any Stage {
        let lexicon = try resources.sentenceLexicon(languages: language, abbreviationFiles: abbreviations)
        return SentenceSplit(settings: SentenceSplitter.Settings(minChars: minChars, maxChars: maxChars, firstMinChars: firstMinChars, lexicon: lexicon))
    }
}
