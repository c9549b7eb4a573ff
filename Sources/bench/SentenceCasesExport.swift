import Foundation
import Resilience
import SentenceSplitCases
import Stages
import SwitchboardCore

/// `bench sentences --write-cases FILE`: the sentence-splitting tables as JSON lines, with what
/// the splitter made of each case, for `scripts/sentence-split-accuracy.py` to score it and pysbd
/// on the very same cases. Scoring lives in the script alone, so both are scored by one code.
enum SentenceCasesExport {
    static let sets: [(name: String, cases: [SplitCase])] = [
        ("core", SplitCase.core), ("tuning", SplitCase.tuning), ("evaluation", SplitCase.evaluation),
    ]

    /// One line per case: its set, text, expected pieces, BPE-like tokens (the same cut for both
    /// segmenters' streaming), the splitter's pieces for the whole text, and whether every
    /// cutting (whole, scalar by scalar, random) gave the expected pieces each by its marker.
    static func write(to path: String) throws {
        var lines = ""
        for (name, c, tokens) in tokenized() {
            var object: JSONObject = [
                "set": .string(name), "file": .string(c.file), "line": .number(JSONNumber(c.line)), "language": .string(c.language),
                "defaults": .bool(c.usesDefaults), "text": .string(c.text),
                "expected": .array(c.expected.map { .string($0) }), "tokens": .array(tokens.map { .string($0) }),
                "ours": .array(c.feed(c.whole).sentences.map { .string($0) }), "ours_streamed": .bool(c.passesStreamed),
            ]
            if let reason = c.knownIssue { object["known_issue"] = .string(reason) }
            lines += JSONWriter.string(object) + "\n"
        }
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// Every case with its set and its text cut into BPE-like tokens, the same cut every time.
    static func tokenized() -> [(set: String, case: SplitCase, tokens: [String])] {
        var random = SplitMix(seed: 14)
        return sets.flatMap { set in set.cases.map { (set.name, $0, TokenCorpus.tokens($0.text, using: &random)) } }
    }

    /// The splitter's cost on the tables' default-settings cases, fed as those tokens, like the
    /// script's streaming pysbd: tokens per second of one core, best of `runs`.
    static func streamingCost(runs: Int) -> (tokensPerSecond: Double, tokens: Int) {
        let answers = tokenized().filter(\.case.usesDefaults).map(\.tokens)
        let repeats = 200
        let tokens = answers.reduce(0) { $0 + $1.count } * repeats
        var best = Double.infinity
        var sentences = 0
        for _ in 0..<runs {
            let start = DispatchTime.now()
            var splitter = SentenceSplitter()
            for _ in 0..<repeats {
                for answer in answers {
                    for token in answer { sentences &+= splitter.append(token).count }
                    sentences &+= splitter.flush().count
                }
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
        }
        precondition(sentences > 0)
        return (Double(tokens) / best, tokens / repeats)
    }
}
