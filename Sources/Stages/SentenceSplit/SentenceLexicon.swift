import Foundation

/// The words sentence splitting needs to know: abbreviations whose period is not a sentence end,
/// and conjunctions before which a long sentence may be cut.
///
/// Built-in lists exist per language (`en`, `hi`); `--abbreviations FILE` adds to them.
public struct SentenceLexicon: Sendable {
    /// How an abbreviation's period is read.
    public enum AbbreviationKind: String, Sendable, CaseIterable {
        /// Never ends a sentence: titles (`Dr.`), `e.g.`, `vs.`.
        case inner
        /// Ends a sentence when the next word starts with a capital (or an uncased script):
        /// `etc.`, `a.m.`, `Inc.`
        case final
        /// Not a sentence end before a number: `No. 5`, `Vol. 2`; an end otherwise ("No. I can't").
        case numeric
    }

    /// Keyed by the abbreviation without its final period, ASCII letters lower-cased.
    private(set) var abbreviations: [[UInt8]: AbbreviationKind] = [:]
    private(set) var conjunctions: Set<[UInt8]> = []
    /// Words that start sentences, lower-cased (see `BuiltInWords`).
    private(set) var starters: Set<[UInt8]> = []
    /// The longest conjunction in bytes, so that a scan knows when to stop looking.
    private(set) var longestConjunction = 0

    public static let languages = ["en", "hi"]

    public init() {}

    /// The built-in lists of the given languages (all when nil).
    public static func builtIn(languages: [String]? = nil) -> SentenceLexicon {
        var lexicon = SentenceLexicon()
        for language in languages ?? Self.languages {
            let words = BuiltInWords.byLanguage[language] ?? ([:], [], [])
            for (abbreviation, kind) in words.abbreviations { lexicon.add(abbreviation: abbreviation, kind: kind) }
            for conjunction in words.conjunctions { lexicon.add(conjunction: conjunction) }
            lexicon.starters.formUnion(words.starters.map { Self.key(Array($0.utf8)) })
        }
        return lexicon
    }

    public mutating func add(abbreviation: String, kind: AbbreviationKind) {
        var text = Substring(abbreviation)
        if text.hasSuffix(".") { text = text.dropLast() }
        abbreviations[Self.key(Array(text.utf8))] = kind
    }

    public mutating func add(conjunction: String) {
        let bytes = Self.key(Array(conjunction.utf8))
        conjunctions.insert(bytes)
        longestConjunction = max(longestConjunction, bytes.count)
    }

    /// The longest abbreviation, in characters; in bytes a Devanagari one is three times that.
    static let longestAbbreviation = 24

    func kind(of word: UnsafeBufferPointer<UInt8>) -> AbbreviationKind? {
        guard word.count <= Self.longestAbbreviation * 4 else { return nil }
        return abbreviations[Self.key(Array(word))]
    }

    /// Whether `word` (or its start, while more may come) begins an `inner` abbreviation, such
    /// as a title: after a time, "9 p.m. Dr. Rao" goes on. Looked up only there, so a scan of the
    /// list will do.
    func startsTitle(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = Self.key(Array(word))
        return abbreviations.contains { $0.value == .inner && $0.key.starts(with: prefix) }
    }

    /// Whether `word` starts sentences; with `whole` false, whether it may still grow into one.
    func isStarter(_ word: UnsafeBufferPointer<UInt8>, whole: Bool) -> Bool {
        let key = Self.key(Array(word))
        return whole ? starters.contains(key) : starters.contains { $0.starts(with: key) }
    }

    func isConjunction(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        word.count <= longestConjunction && conjunctions.contains(Self.key(Array(word)))
    }

    private static func key(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }
}

extension SentenceLexicon {
    /// A problem in an abbreviations file, with its place.
    public struct FileError: Error, CustomStringConvertible {
        public let path: String
        public let line: Int?
        public let message: String
        public var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
    }

    /// Adds the abbreviations of a file: one per line, optionally followed by its kind
    /// (`inner`, the default; `final`; `numeric`); `#` starts a comment.
    ///
    ///     Dr.
    ///     approx.
    ///     etc.    final
    ///     No.     numeric
    public mutating func addAbbreviations(fromFile path: String) throws(FileError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, line: nil, message: FileManager.default.fileExists(atPath: path) ? "cannot read (no permission, or a directory)" : "no such file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(path: path, line: nil, message: "not UTF-8 text")
        }
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let word = fields.first else { continue }
            guard fields.count <= 2 else {
                throw FileError(path: path, line: number + 1, message: "expected an abbreviation and at most a kind, got \(fields.count) fields")
            }
            var kind = AbbreviationKind.inner
            if fields.count == 2 {
                guard let named = AbbreviationKind(rawValue: String(fields[1])) else {
                    throw FileError(path: path, line: number + 1, message: "unknown kind '\(fields[1])' (expected inner, final or numeric)")
                }
                kind = named
            }
            guard word.count <= Self.longestAbbreviation, word != "." else {
                throw FileError(path: path, line: number + 1, message: "'\(word)' is not an abbreviation")
            }
            add(abbreviation: String(word), kind: kind)
        }
    }
}
