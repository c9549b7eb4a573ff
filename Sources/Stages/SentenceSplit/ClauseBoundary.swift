/// How good a place to cut a sentence short is.
enum ClauseRank {
    static let space = 1
    static let conjunction = 2
    static let punctuation = 3
    /// The end of a fragment held back by `--min-chars`: a sentence end already.
    static let sentence = 4
}

enum ClauseDecision: Equatable {
    case wait
    case none
    case cut(Cut, rank: Int)
}

extension BoundaryScanner {
    /// A clause boundary at `i`: after a comma, colon or dash followed by a space (or a
    /// full-width one), or before a conjunction (the space at `i` then `and `, `but `, `और `, …);
    /// any other space is a poor one. Text past `end` is not looked at: when it is needed, the
    /// answer is `.wait`, or `.none` if `endIsFinal`.
    func clause(at i: Int, end: Int, endIsFinal: Bool) -> ClauseDecision {
        let (c, length) = scalar(at: i)
        let after = i + length
        let pending: ClauseDecision = endIsFinal ? .none : .wait
        let cutAfter = ClauseDecision.cut(Cut(end: after, next: after, kind: .clause), rank: ClauseRank.punctuation)
        switch c {
        case "\u{FF0C}", "\u{3001}", "\u{FF1A}", "\u{2014}":
            return cutAfter
        case ",", ":", "-", "\u{2013}":
            guard after < end else { return pending }
            guard UTF8Text.isSpace(scalar(at: after).0) else { return .none }
            // A hyphen or en dash is a dash only with spaces around it ("2-3", "well-known" are not).
            if c == "-" || c == "\u{2013}", !(i > sentenceStart && UTF8Text.isSpace(scalar(at: UTF8Text.scalarStart(bytes, before: i)).0)) {
                return .none
            }
            return cutAfter
        case " ":
            return conjunction(after: i, end: end, pending: pending)
        default:
            return .none
        }
    }

    /// The space at `i` as a cut: before a conjunction, or a plain one.
    private func conjunction(after i: Int, end: Int, pending: ClauseDecision) -> ClauseDecision {
        let plain = ClauseDecision.cut(Cut(end: i, next: i + 1, kind: .clause), rank: ClauseRank.space)
        var k = i + 1
        while k < end {
            let (c, length) = scalar(at: k)
            if UTF8Text.isSpace(c) || (c.value < 0x80 && !UTF8Text.isLetter(c)) { break }
            k += length
            if k - i - 1 > lexicon.longestConjunction { return plain }
        }
        guard k < end else { return pending == .wait ? .wait : plain }
        guard k > i + 1, UTF8Text.isSpace(scalar(at: k).0),
              lexicon.isConjunction(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<k])) else { return plain }
        return .cut(Cut(end: i, next: i + 1, kind: .clause), rank: ClauseRank.conjunction)
    }

    /// When the unsent text before `i` is longer than `maxChars` characters: where to cut it,
    /// within its first `maxChars` characters. The latest of the best cuts past the first third
    /// wins (a held fragment's end, then punctuation, a conjunction, a space); with none, the
    /// text is cut at `maxChars`.
    func overlongCut(before i: Int, maxChars: Int) -> Cut? {
        guard maxChars > 0, i - sentenceStart > maxChars else { return nil }
        // Counted as sent: without the spaces it starts with.
        let begin = trimmed(sentenceStart..<i).lowerBound
        guard let limitOffset = UTF8Text.offset(afterCharacters: maxChars, in: UnsafeBufferPointer(rebasing: bytes[begin..<i])) else { return nil }
        let limit = begin + limitOffset
        let floor = begin + (UTF8Text.offset(afterCharacters: maxChars / 3, in: UnsafeBufferPointer(rebasing: bytes[begin..<limit])) ?? 0)
        var best: (cut: Cut, score: Int)?
        func consider(_ cut: Cut, rank: Int) {
            let score = rank + (cut.end >= floor ? 10 : 0)
            if cut.end > begin, score >= best?.score ?? 0 { best = (cut, score) }
        }
        if lastBoundary > sentenceStart { consider(Cut(end: lastBoundary, next: lastBoundary, kind: .forced), rank: ClauseRank.sentence) }
        var p = begin
        while p < limit {
            let (c, length) = scalar(at: p)
            if c == " " || Punctuation.isClausePunctuation(c), case .cut(let cut, let rank) = clause(at: p, end: limit, endIsFinal: true) {
                consider(Cut(end: cut.end, next: cut.next, kind: .forced), rank: rank)
            }
            p += length
        }
        return best?.cut ?? Cut(end: limit, next: limit, kind: .forced)
    }
}
