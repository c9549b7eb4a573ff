/// Finds a lexicon's words in a text, whole, in one pass: at each place a word can start, the
/// entries that begin with the same word (looked up by it, lower-cased) are tried longest first.
struct LexiconMatcher {
    let lexicon: PronunciationLexicon

    /// What an entry is filed under and looked up by: the word run starting at `index`,
    /// lower-cased, or the one character there when it is punctuation (".NET" under ".").
    static func key(_ chars: [Character], at index: Int) -> String {
        guard chars[index].isWordCharacter else { return String(chars[index]) }
        var end = index
        while end < chars.count, chars[end].isWordCharacter { end += 1 }
        return String(chars[index..<end]).lowercased()
    }

    func apply(to text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = 0
        while index < chars.count {
            let boundary = index == 0 || !chars[index - 1].isWordCharacter || !chars[index].isWordCharacter
            if boundary, let candidates = lexicon.entries[Self.key(chars, at: index)],
               let entry = candidates.first(where: { matches($0, chars, at: index) }) {
                out += entry.replacement
                index += entry.word.count
                continue
            }
            out.append(chars[index])
            index += 1
        }
        return out
    }

    private func matches(_ entry: PronunciationLexicon.Entry, _ chars: [Character], at index: Int) -> Bool {
        let end = index + entry.word.count
        guard end <= chars.count else { return false }
        // Whole words: the match may not stop inside a word.
        if end < chars.count, chars[end].isWordCharacter, chars[end - 1].isWordCharacter { return false }
        if entry.exactCase { return chars[index..<end].elementsEqual(entry.word) }
        return String(chars[index..<end]).lowercased() == entry.lowercased
    }
}
