/// Where a piece of text ends and the next begins.
struct Cut: Equatable {
    enum Kind { case sentence, clause, forced }
    /// End of the piece's text (exclusive), closing quotes included.
    var end: Int
    /// Where the following text starts.
    var next: Int
    var kind: Kind
}

/// What one candidate position (a terminator, a newline, a clause mark) turns out to be.
enum BoundaryDecision: Equatable {
    /// The text after it is not here yet, and it decides.
    case wait
    /// Not a boundary; scanning goes on from this offset.
    case skip(to: Int)
    case cut(Cut)
}

/// Decisions over the unsent text of a `SentenceSplitter`: a read-only view of its bytes.
///
/// Every decision depends only on the bytes, never on where the stream was cut into tokens: what
/// a decision needs beyond the end of the buffer makes it `.wait`, unless the text has ended.
struct BoundaryScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let lexicon: SentenceLexicon
    /// The text is complete: its end is a boundary, not a reason to wait.
    let atEnd: Bool
    /// Start of the text not yet sent.
    let sentenceStart: Int
    /// Just after the last boundary found (past `sentenceStart` while a short fragment is held).
    let lastBoundary: Int

    var count: Int { bytes.count }

    func scalar(at i: Int) -> (Unicode.Scalar, Int) { UTF8Text.scalar(bytes, at: i) }

    /// Lead bytes worth a look: ASCII terminators and newline, and the first byte of every
    /// multi-byte scalar (the danda, `…` and the CJK marks are among them).
    private static let sentenceLeads: [Bool] = (0..<256).map { byte in
        byte >= 0xC0 || [0x0A, 0x2E, 0x21, 0x3F, 0x3B].contains(byte)
    }
    /// The same and the clause marks `,` `:` `-` and spaces (before a conjunction).
    private static let clauseLeads: [Bool] = (0..<256).map { byte in
        sentenceLeads[byte] || [0x2C, 0x3A, 0x2D, 0x20].contains(byte)
    }

    /// The next position from `offset` that may be a boundary, or `count`.
    func nextCandidate(from offset: Int, clauses: Bool) -> Int {
        let leads = clauses ? Self.clauseLeads : Self.sentenceLeads
        var i = offset
        while i < count {
            let byte = bytes[i]
            if !leads[Int(byte)] { i += 1; continue }
            if byte < 0x80 { return i }
            let (c, length) = scalar(at: i)
            if Punctuation.isTerminator(c) || (clauses && Punctuation.isClausePunctuation(c)) { return i }
            i += length
        }
        return count
    }

    /// Decides the candidate at `i`; in the first piece of a turn, clause marks too.
    func decide(at i: Int, firstMinChars: Int) -> BoundaryDecision {
        let (c, length) = scalar(at: i)
        if c == "\n" { return .cut(Cut(end: i, next: i + 1, kind: .sentence)) }
        if Punctuation.isTerminator(c) { return terminator(at: i) }
        switch clause(at: i, end: count, endIsFinal: atEnd) {
        case .wait: return .wait
        case .cut(let cut, rank: let rank) where rank >= ClauseRank.conjunction && characters(sentenceStart..<cut.end) >= firstMinChars:
            return .cut(cut)
        default: return .skip(to: i + length)
        }
    }

    /// A run of terminators (`?!`, `...`) and closers (`."`, `!)`) starting at `i`.
    private func terminator(at i: Int) -> BoundaryDecision {
        var j = i, dots = 0, ellipsis = false, strong = false, noSpace = false
        while j < count {
            let (c, length) = scalar(at: j)
            guard Punctuation.isTerminator(c) else { break }
            switch c {
            case ".": dots += 1
            case "\u{2026}": ellipsis = true
            default:
                strong = true  // ! ? ; and the scripts' own marks are never abbreviations
                noSpace = noSpace || Punctuation.endsWithoutSpace(c)
            }
            j += length
        }
        while j < count {
            let (c, length) = scalar(at: j)
            guard Punctuation.isCloser(c) else { break }
            j += length
        }
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        guard j < count else { return atEnd ? boundary : .wait }
        if noSpace { return boundary }
        // "3.14", "e.g.", "example.com", "?q=1": a terminator glued to what follows is inside a word.
        guard UTF8Text.isSpace(scalar(at: j).0) else { return .skip(to: j) }
        if strong { return boundary }
        // An ellipsis trails off inside a sentence unless a new sentence starts after it.
        if ellipsis || dots > 1 { return nextWord(after: j, endsSentence: { !UTF8Text.isLowercaseLetter($0) }) }
        return period(at: i, runEnd: j)
    }

    /// A single period followed by a space: an end, unless the word before says otherwise.
    private func period(at i: Int, runEnd j: Int) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        let word = wordBefore(i)
        guard !word.isEmpty else { return boundary }
        if let kind = lexicon.kind(of: UnsafeBufferPointer(rebasing: bytes[word])) {
            switch kind {
            case .inner: return .skip(to: j)
            case .final: return nextWord(after: j, endsSentence: { UTF8Text.isLetter($0) && !UTF8Text.isLowercaseLetter($0) })
            case .numeric: return nextWord(after: j, endsSentence: { !UTF8Text.isDigit($0) })
            }
        }
        if isInitials(word) { return .skip(to: j) }
        let number = isNumber(word)
        // "1. Open the app" / "a. Tap Login": a list marker opens its sentence.
        if (number || isSingleLetter(word)) && opensSentence(word) { return .skip(to: j) }
        // "the 3. edition" reads on; "It costs 25. Shall I book it?" ends.
        if number { return nextWord(after: j, endsSentence: { !UTF8Text.isLowercaseLetter($0) }) }
        return boundary
    }

    /// A boundary at `j` if the first character after the spaces there starts a sentence; a
    /// newline among those spaces is a boundary anyway.
    private func nextWord(after j: Int, endsSentence: (Unicode.Scalar) -> Bool) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        var k = j
        while k < count {
            let (c, length) = scalar(at: k)
            if c == "\n" { return boundary }
            if !UTF8Text.isSpace(c) { return endsSentence(c) ? boundary : .skip(to: j) }
            k += length
        }
        return atEnd ? boundary : .wait
    }

    /// The word that ends at `i`, without opening quotes or brackets.
    private func wordBefore(_ i: Int) -> Range<Int> {
        var k = i
        while k > lastBoundary, i - k < 64 {
            let p = UTF8Text.scalarStart(bytes, before: k)
            if UTF8Text.isSpace(scalar(at: p).0) { break }
            k = p
        }
        while k < i {
            let (c, length) = scalar(at: k)
            guard Punctuation.isOpener(c) else { break }
            k += length
        }
        return k..<i
    }

    /// "J", "U.S", "e.g", "N.Y.C": single letters joined by periods (one alone must be a capital).
    private func isInitials(_ word: Range<Int>) -> Bool {
        var k = word.lowerBound, letters = 0, expectLetter = true
        while k < word.upperBound {
            let (c, length) = scalar(at: k)
            if expectLetter {
                guard UTF8Text.isLetter(c) else { return false }
                if letters == 0, word.upperBound == k + length, !UTF8Text.isUppercaseLetter(c) { return false }
                letters += 1
            } else if c != "." {
                return false
            }
            expectLetter.toggle()
            k += length
        }
        return letters > 0 && !expectLetter
    }

    private func isNumber(_ word: Range<Int>) -> Bool {
        var k = word.lowerBound
        while k < word.upperBound {
            let (c, length) = scalar(at: k)
            guard UTF8Text.isDigit(c) else { return false }
            k += length
        }
        return true
    }

    private func isSingleLetter(_ word: Range<Int>) -> Bool {
        let (c, length) = scalar(at: word.lowerBound)
        return word.count == length && UTF8Text.isLetter(c)
    }

    /// Nothing but spaces and opening quotes or brackets between the last boundary and `word`.
    private func opensSentence(_ word: Range<Int>) -> Bool {
        var k = lastBoundary
        while k < word.lowerBound {
            let (c, length) = scalar(at: k)
            guard UTF8Text.isSpace(c) || Punctuation.isOpener(c) else { return false }
            k += length
        }
        return true
    }

    /// Characters (grapheme clusters) in a range, trimmed of surrounding spaces.
    func characters(_ range: Range<Int>) -> Int {
        let trimmed = self.trimmed(range)
        return UTF8Text.characterCount(UnsafeBufferPointer(rebasing: bytes[trimmed]))
    }

    /// A range without leading and trailing spaces.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper {
            let (c, length) = scalar(at: lower)
            guard UTF8Text.isSpace(c) else { break }
            lower += length
        }
        while upper > lower {
            let p = UTF8Text.scalarStart(bytes, before: upper)
            guard UTF8Text.isSpace(scalar(at: p).0) else { break }
            upper = p
        }
        return lower..<upper
    }
}
