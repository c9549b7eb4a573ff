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
    /// The splitter's settings: the defaults and built-in words, unless the row says otherwise.
    public let settings: SentenceSplitter.Settings
    /// Default settings and built-in words only: a case any segmenter can be scored on.
    public let usesDefaults: Bool
    /// Why the splitter gets this case wrong, for evaluation cases it is known to fail; the tests
    /// then expect the failure, so that a fix shows up as a test to update.
    public let knownIssue: String?
    /// Where the row is: its file and line.
    public let file: String, line: Int

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

    /// The language a peer should be told: Hindi when the text has Devanagari, else English.
    public var language: String {
        text.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } ? "hi" : "en"
    }
}

extension SplitCase {
    /// A table written one case a line, so that it reads as text:
    ///
    ///     {options} input  →  piece  ¦  piece
    ///
    /// Without `→` the text (which then has no marker) is one piece. `\n`, `\t` and `\\` stand
    /// for a line break, a tab and a backslash, `\s` for a space at either end of the input. Options,
    /// separated by `;`: `min N`, `max N`, `first N` (`--min-chars` and so on), `abbr WORD KIND`
    /// (an abbreviations file entry), and last `known REASON` (see `knownIssue`). Blank lines and
    /// lines starting with `#` are passed over. `line` is that of the call, which opens the
    /// string literal: rows count from the line after it.
    static func table(_ rows: String, file: String = #fileID, line: Int = #line) -> [SplitCase] {
        rows.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, row in
            let row = row.trimmingSpaces
            guard !row.isEmpty, !row.hasPrefix("#") else { return nil }
            return SplitCase(row: row, file: file, line: line + 1 + index)
        }
    }

    private init(row: Substring, file: String, line: Int) {
        var rest = row
        var options: [Substring: Substring] = [:]
        var abbreviations: [(String, SentenceLexicon.AbbreviationKind)] = []
        if rest.hasPrefix("{"), let close = rest.firstIndex(of: "}") {
            var block = rest[rest.index(after: rest.startIndex)..<close]
            if let known = block.firstRange(of: "known ") {
                options["known"] = block[known.upperBound...]
                block = block[..<known.lowerBound]
            }
            for option in block.split(separator: ";") {
                let words = option.split(separator: " ")
                guard let key = words.first, words.count >= 2 else { continue }
                if key == "abbr", words.count == 3, let kind = SentenceLexicon.AbbreviationKind(rawValue: String(words[2])) {
                    abbreviations.append((String(words[1]), kind))
                } else {
                    precondition(["min", "max", "first"].contains(key), "\(file):\(line): unknown option \(option)")
                    options[key] = words[1]
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        let halves = rest.split(separator: "→", maxSplits: 1, omittingEmptySubsequences: false)
        input = Self.unescape(halves[0].trimmingSpaces)
        let text = String(String.UnicodeScalarView(input.unicodeScalars.filter { $0 != Self.marker }))
        if halves.count == 2 {
            expected = halves[1].split(separator: "¦").map { Self.unescape($0.trimmingSpaces) }.filter { !$0.isEmpty }
        } else {
            precondition(text == input, "\(file):\(line): a row with markers needs its pieces after →")
            expected = [text]
        }
        let number = { (key: Substring, otherwise: Int) in options[key].flatMap { Int($0) } ?? otherwise }
        var lexicon = SentenceLexicon.builtIn()
        for (word, kind) in abbreviations { lexicon.add(abbreviation: word, kind: kind) }
        settings = SentenceSplitter.Settings(minChars: number("min", 0), maxChars: number("max", 250),
                                             firstMinChars: number("first", 0), lexicon: lexicon)
        usesDefaults = options.keys.allSatisfy { $0 == "known" } && abbreviations.isEmpty
        knownIssue = options["known"].map(String.init)
        (self.file, self.line) = (file, line)
    }

    private static func unescape(_ text: Substring) -> String {
        var out = ""
        var escaped = false
        for character in text {
            if escaped {
                out.append(["n": "\n", "t": "\t", "s": " "][character] ?? character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

extension Substring {
    /// Without the spaces at either end (escaped ones, `\s`, stay).
    var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}
