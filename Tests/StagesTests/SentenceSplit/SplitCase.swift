import Stages
import Testing

/// One row of the sentence-splitting table.
///
/// `input` is the text with `⁁` markers: each marks the point by which one more piece must have
/// come out (the point where its boundary is certain). Pieces after the last marker come out
/// when the text ends.
struct SplitCase: CustomTestStringConvertible, Sendable {
    static let marker: Unicode.Scalar = "⁁"

    let input: String
    let expected: [String]
    var minChars = 0
    var maxChars = 250
    var firstMinChars = 0
    var abbreviations: [(String, SentenceLexicon.AbbreviationKind)] = []
    let line: Int

    init(_ input: String, _ expected: [String], minChars: Int = 0, maxChars: Int = 250, firstMinChars: Int = 0,
         abbreviations: [(String, SentenceLexicon.AbbreviationKind)] = [], line: Int = #line) {
        self.input = input
        self.expected = expected
        self.minChars = minChars
        self.maxChars = maxChars
        self.firstMinChars = firstMinChars
        self.abbreviations = abbreviations
        self.line = line
    }

    /// The text as it is fed, without markers.
    var text: String { String(String.UnicodeScalarView(input.unicodeScalars.filter { $0 != Self.marker })) }

    /// For each marker: how many Unicode scalars of `text` come before it.
    var certainAfter: [Int] {
        var positions: [Int] = []
        var scalars = 0
        for scalar in input.unicodeScalars {
            if scalar == Self.marker { positions.append(scalars) } else { scalars += 1 }
        }
        return positions
    }

    var settings: SentenceSplitter.Settings {
        var lexicon = SentenceLexicon.builtIn()
        for (word, kind) in abbreviations { lexicon.add(abbreviation: word, kind: kind) }
        return SentenceSplitter.Settings(minChars: minChars, maxChars: maxChars, firstMinChars: firstMinChars, lexicon: lexicon)
    }

    var testDescription: String { "line \(line): \(text.debugDescription)" }
}
