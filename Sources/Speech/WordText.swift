/// espeak-ng reports a word by its character position in the text (1-based, in Unicode
/// scalars) and a length that leaves out what it does not pronounce, sometimes oddly ("I'm"
/// has length 1). So the word is read back from the text itself: the run of non-space
/// scalars at that position, with punctuation around it trimmed ("calling," → "calling").
struct WordText {
    let scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// The word at espeak's 1-based `position`; nil for positions outside the text (espeak
    /// emits position 0 for some internal pauses).
    func word(atPosition position: Int) -> String? {
        let start = position - 1
        guard start >= 0, start < scalars.count else { return nil }
        var end = start
        while end < scalars.count, !scalars[end].properties.isWhitespace { end += 1 }
        var token = scalars[start..<end]
        while let first = token.first, !Self.isWordScalar(first) { token = token.dropFirst() }
        while let last = token.last, !Self.isWordScalar(last) { token = token.dropLast() }
        if token.isEmpty { token = scalars[start..<end] }
        guard !token.isEmpty else { return nil }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: token)
        return String(word)
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
