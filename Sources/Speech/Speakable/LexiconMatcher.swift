/// Finds a lexicon's words in a text, whole, in one pass: at each place a word can start, the
/// entries that begin with the same word (looked up by it, lower-cased) are tried longest first.
///
/// It works on Unicode scalars, not characters: splitting a text into characters costs more
/// than all the rest, and a match cannot end inside a character anyway, since a mark that
/// would continue it is part of the word (see `isWordScalar`). What no entry matches is copied
/// in one piece, by UTF-8 offsets.
struct LexiconMatcher {
    let lexicon: PronunciationLexicon

    /// What an entry is filed under and looked up by: the word run starting at `index`,
    /// lower-cased, or the one scalar there when it is punctuation (".NET" under ".").
    static func key(_ scalars: [Unicode.Scalar], at index: Int) -> String {
        guard scalars[index].isWordScalar else { return String(scalars[index]) }
        var end = index
        while end < scalars.count, scalars[end].isWordScalar { end += 1 }
        return text(scalars[index..<end]).lowercased()
    }

    /// A key's first scalar as looked up: ASCII capitals lower-cased (other scripts' capitals
    /// are looked up by their key, without this shortcut: `PronunciationLexicon.mayStart`).
    static func folded(_ scalar: Unicode.Scalar) -> UInt32 {
        (0x41...0x5A).contains(scalar.value) ? scalar.value | 0x20 : scalar.value
    }

    static func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ""
        for scalar in scalars { text.unicodeScalars.append(scalar) }
        return text
    }

    func apply(to text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let utf8 = text.utf8
        var out = ""
        var copied = utf8.startIndex
        var offset = utf8.startIndex
        var index = 0
        var afterWord = false
        while index < scalars.count {
            let scalar = scalars[index]
            let isWord = scalar.isWordScalar
            // Whole words: a match starts where a word starts, or at punctuation (".NET").
            if !(afterWord && isWord), lexicon.mayStart(with: scalar), let candidates = lexicon.entries[Self.key(scalars, at: index)],
               let entry = candidates.first(where: { matches($0, scalars, at: index) }) {
                out += String(decoding: utf8[copied..<offset], as: UTF8.self)
                out += entry.replacement
                for matched in entry.word { offset = utf8.index(offset, offsetBy: UTF8.width(matched)) }
                index += entry.word.count
                copied = offset
                afterWord = scalars[index - 1].isWordScalar
                continue
            }
            afterWord = isWord
            offset = utf8.index(offset, offsetBy: UTF8.width(scalar))
            index += 1
        }
        guard copied > utf8.startIndex else { return text }
        out += String(decoding: utf8[copied...], as: UTF8.self)
        return out
    }

    private func matches(_ entry: PronunciationLexicon.Entry, _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let end = index + entry.word.count
        guard end <= scalars.count else { return false }
        // Whole words: the match may not stop inside a word.
        if end < scalars.count, scalars[end].isWordScalar, scalars[end - 1].isWordScalar { return false }
        if entry.exactCase { return scalars[index..<end].elementsEqual(entry.word) }
        return Self.text(scalars[index..<end]).lowercased() == entry.lowercased
    }
}
