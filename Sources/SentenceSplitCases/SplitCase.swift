import Stages

/// One row of the sentence-splitting tables.
///
/// `input` is the text with `⁁` markers: each marks the point by which one more piece must have
/// come out (the point where its boundary is certain). Pieces after the last marker come out
/// when the text ends.
///
/// The tables live in a library of their own, not in the test target, so that `bench sentences
/// --write-cases` can export the very cases the tests check, for scoring a peer on them.
public struct SplitCase: Sendable {
    public static let marker: Unicode.Scalar = "⁁"

    /// The cases written for the failure classes of third-party text, and the ones around them.
    public static let tuning: [SplitCase] = tuningTerminators + tuningEllipses + tuningLists + tuningAbbreviations
        + tuningNumbers + tuningAddresses + tuningMixed
    /// Every case the rules are held to: the first table and the tuning table.
    public static let all: [SplitCase] = core + tuning

    public let input: String
    public let expected: [String]
    public var minChars = 0
    public var maxChars = 250
    public var firstMinChars = 0
    public var abbreviations: [(String, SentenceLexicon.AbbreviationKind)] = []
    /// Why the splitter gets this case wrong, for evaluation cases it is known to fail; the tests
    /// then expect the failure, so that a fix shows up as a test to update.
    public var knownIssue: String?
    public let line: Int

    public init(_ input: String, _ expected: [String], minChars: Int = 0, maxChars: Int = 250, firstMinChars: Int = 0,
                abbreviations: [(String, SentenceLexicon.AbbreviationKind)] = [], knownIssue: String? = nil, line: Int = #line) {
        self.input = input
        self.expected = expected
        self.minChars = minChars
        self.maxChars = maxChars
        self.firstMinChars = firstMinChars
        self.abbreviations = abbreviations
        self.knownIssue = knownIssue
        self.line = line
    }

    /// The text as it is fed, without markers.
    public var text: String { String(String.UnicodeScalarView(input.unicodeScalars.filter { $0 != Self.marker })) }

    /// For each marker: how many Unicode scalars of `text` come before it.
    public var certainAfter: [Int] {
        var positions: [Int] = []
        var scalars = 0
        for scalar in input.unicodeScalars {
            if scalar == Self.marker { positions.append(scalars) } else { scalars += 1 }
        }
        return positions
    }

    /// Default settings and built-in words only: a case any segmenter can be scored on.
    public var usesDefaults: Bool {
        minChars == 0 && maxChars == 250 && firstMinChars == 0 && abbreviations.isEmpty
    }

    public var settings: SentenceSplitter.Settings {
        var lexicon = SentenceLexicon.builtIn()
        for (word, kind) in abbreviations { lexicon.add(abbreviation: word, kind: kind) }
        return SentenceSplitter.Settings(minChars: minChars, maxChars: maxChars, firstMinChars: firstMinChars, lexicon: lexicon)
    }

    /// The language a peer should be told: Hindi when the text has Devanagari, else English.
    public var language: String {
        text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } ? "hi" : "en"
    }
}
