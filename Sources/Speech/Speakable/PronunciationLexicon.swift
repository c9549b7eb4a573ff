import Foundation

/// Words the synthesizer says wrong, with what to say instead: names, brands, jargon.
///
/// A file has one `word<TAB>replacement` a line; blank lines and lines whose first non-blank
/// character is `#` are ignored. The word may be several words or hold punctuation ("Dr. Rao",
/// "C++", ".NET"). Case: a word written all in lower case matches in any case ("nginx" matches
/// "Nginx" and "NGINX"); a word with a capital matches only as written ("US" leaves "us" alone).
/// Words match whole: "Rao" not inside "Raoul", but "Rao's" is Rao with "'s". Entries are
/// matched against the normalized text, after numbers have become words, so a word with
/// digits never matches; a replacement is said as given and not looked up again.
public struct PronunciationLexicon: Sendable {
    /// A line of a lexicon file that is not `word<TAB>replacement`, or a file that cannot be read.
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public let path: String
        /// 1-based; nil when the file as a whole could not be read.
        public let line: Int?
        public let reason: String

        public var description: String { line.map { "\(path):\($0): \(reason)" } ?? "\(path): \(reason)" }
    }

    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        let lowercased: String
        let replacement: String
        /// Written with a capital: matches only as written.
        let exactCase: Bool
    }

    /// Entries by the key of their start (`LexiconMatcher.key`), longest first, and of one
    /// length those with exact case first.
    let entries: [String: [Entry]]
    /// The first scalars of the keys (`LexiconMatcher.folded`), ASCII in a table: most words
    /// start with none of them and are passed by quickly.
    private let heads: Set<UInt32>
    private let asciiHeads: [Bool]

    /// The number of entries.
    public var count: Int { entries.values.reduce(0) { $0 + $1.count } }

    public init(contentsOf path: String) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw FileError(path: path, line: nil, reason: "cannot read: \(error.localizedDescription)")
        }
        var pairs: [(String, String)] = []
        var firstLine: [String: Int] = [:]
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            let content = raw.trimmingCharacters(in: .whitespaces)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                let reason = fields.count < 2 ? "expected word<TAB>replacement, found no tab" : "expected word<TAB>replacement, found \(fields.count - 1) tabs"
                throw FileError(path: path, line: line, reason: reason)
            }
            let word = fields[0].trimmingCharacters(in: .whitespaces)
            let replacement = fields[1].trimmingCharacters(in: .whitespaces)
            guard !word.isEmpty else { throw FileError(path: path, line: line, reason: "the word before the tab is empty") }
            guard !replacement.isEmpty else { throw FileError(path: path, line: line, reason: "no replacement for \"\(word)\"") }
            if let earlier = firstLine[word] {
                throw FileError(path: path, line: line, reason: "\"\(word)\" is already given on line \(earlier)")
            }
            firstLine[word] = line
            pairs.append((word, replacement))
        }
        self.init(entries: pairs)
    }

    /// Entries as (word, replacement); an empty word is skipped, and of two equal words the later wins.
    public init(entries: [(String, String)]) {
        var byWord: [String: String] = [:]
        for (word, replacement) in entries where !word.isEmpty { byWord[word] = replacement }
        var grouped: [String: [Entry]] = [:]
        for (word, replacement) in byWord {
            let scalars = Array(word.unicodeScalars)
            let entry = Entry(word: scalars, lowercased: word.lowercased(), replacement: replacement,
                              exactCase: word.contains { $0.isUppercase })
            grouped[LexiconMatcher.key(scalars, at: 0), default: []].append(entry)
        }
        heads = Set(grouped.keys.compactMap { $0.unicodeScalars.first.map(LexiconMatcher.folded) })
        asciiHeads = (0..<128).map { [heads] in heads.contains(LexiconMatcher.folded(Unicode.Scalar(UInt8($0)))) }
        self.entries = grouped.mapValues { list in
            list.sorted { ($0.word.count, $0.exactCase ? 1 : 0) > ($1.word.count, $1.exactCase ? 1 : 0) }
        }
    }

    /// Whether an entry may start with `scalar`.
    func mayStart(with scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return asciiHeads[Int(scalar.value)] }
        return heads.contains(scalar.value) || !scalar.isDevanagari && scalar.properties.isUppercase
    }

    /// `text` with every entry's word replaced.
    func apply(to text: String) -> String {
        entries.isEmpty ? text : LexiconMatcher(lexicon: self).apply(to: text)
    }
}
