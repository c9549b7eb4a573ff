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

    /// Lead bytes worth a look: ASCII terminators, newline and `)` (list markers), and the first
    /// byte of every multi-byte scalar (the danda, `…`, the CJK marks and bullets are among them).
    private static let sentenceLeads: [Bool] = (0..<256).map { byte in
        byte >= 0xC0 || [0x0A, 0x2E, 0x21, 0x3F, 0x3B, 0x29].contains(byte)
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
            if Punctuation.isTerminator(c) || Punctuation.isBullet(c) || (clauses && Punctuation.isClausePunctuation(c)) { return i }
            i += length
        }
        return count
    }

    /// Decides the candidate at `i`; in the first piece of a turn, clause marks too.
    func decide(at i: Int, firstMinChars: Int) -> BoundaryDecision {
        let (c, length) = scalar(at: i)
        if c == "\n" { return .cut(Cut(end: i, next: i + 1, kind: .sentence)) }
        if Punctuation.isTerminator(c) { return terminator(at: i) }
        if c == ")" { return listMarker(closedAt: i) }
        if Punctuation.isBullet(c) { return bullet(at: i) }
        switch clause(at: i, end: count, endIsFinal: atEnd) {
        case .wait: return .wait
        case .cut(let cut, rank: let rank) where rank >= ClauseRank.conjunction && characters(sentenceStart..<cut.end) >= firstMinChars:
            return .cut(cut)
        default: return .skip(to: i + length)
        }
    }

    /// A run of terminators (`?!`, `...`, `. . .`) and closers (`."`, `!)`) starting at `i`.
    private func terminator(at i: Int) -> BoundaryDecision {
        var j = i, dots = 0, ellipsis = false, exclamation = false, noSpace = false
        switch spacedEllipsis(at: i) {
        case .wait: return .wait
        case .run(let end): (j, ellipsis) = (end, true)
        case .none: break
        }
        while j < count {
            let (c, length) = scalar(at: j)
            guard Punctuation.isTerminator(c) else { break }
            switch c {
            case ".": dots += 1
            case "\u{2026}": ellipsis = true
            case ";": break  // a clause of its own follows, in lower case: an end whatever follows
            default:
                exclamation = true  // ! ? and the scripts' own marks are never abbreviations
                noSpace = noSpace || Punctuation.endsWithoutSpace(c)
            }
            j += length
        }
        let runEnd = j
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
        if dots == 1, !ellipsis, !exclamation, let list = listMarker(period: i, end: j) { return list }
        // "Jazz! by default", "He said \"Fine.\" and left", "thinking... maybe": the next word decides.
        if exclamation || ellipsis || dots > 1 || j > runEnd { return continuation(after: j) }
        if dots == 0 { return boundary }
        return period(at: i, runEnd: j)
    }

    /// A boundary at `j` if the first character after the spaces there starts a sentence; a
    /// newline among those spaces is a boundary anyway.
    func nextWord(after j: Int, endsSentence: (Unicode.Scalar) -> Bool) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        guard let k = firstAfterSpaces(j) else { return atEnd ? boundary : .wait }
        if k < 0 { return boundary }
        return endsSentence(scalar(at: k).0) ? boundary : .skip(to: j)
    }

    /// The first non-space character from `j`: nil when the buffer ends first, -1 when a
    /// newline comes first.
    func firstAfterSpaces(_ j: Int) -> Int? {
        var k = j
        while k < count {
            let (c, length) = scalar(at: k)
            if c == "\n" { return -1 }
            if !UTF8Text.isSpace(c) { return k }
            k += length
        }
        return nil
    }

    /// Characters (grapheme clusters) in a range, trimmed of surrounding spaces.
    func characters(_ range: Range<Int>) -> Int {
        let trimmed = self.trimmed(range)
        return UTF8Text.characterCount(UnsafeBufferPointer(rebasing: bytes[trimmed]))
    }

    /// What of a range goes out: without spaces around it, and without the marks it starts with
    /// (what is left of a spaced ellipsis after a sentence end: "He left. . . . Then"); empty
    /// when no letter or digit is left, as there is nothing to say.
    func speakable(_ range: Range<Int>) -> Range<Int> {
        let piece = trimmed(range)
        var k = piece.lowerBound
        while k < piece.upperBound {
            var r = k
            while r < piece.upperBound, case let (c, length) = scalar(at: r), Punctuation.isTerminator(c) { r += length }
            guard r > k, r == piece.upperBound || UTF8Text.isSpace(scalar(at: r).0) else { break }
            k = trimmed(r..<piece.upperBound).lowerBound
        }
        var m = k
        while m < piece.upperBound {
            let (c, length) = scalar(at: m)
            if UTF8Text.isLetter(c) || UTF8Text.isDigit(c) { return k..<piece.upperBound }
            m += length
        }
        return piece.upperBound..<piece.upperBound
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
