/// A single period followed by a space: an end, unless the word before it says otherwise.
extension BoundaryScanner {
    func period(at i: Int, runEnd j: Int) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        let word = wordBefore(i)
        guard !word.isEmpty else { return boundary }
        if let kind = lexicon.kind(of: UnsafeBufferPointer(rebasing: bytes[word])) {
            switch kind {
            case .inner: return .skip(to: j)
            case .final:
                if isTime(word) { return afterTime(j) }
                return nextWord(after: j, endsSentence: { UTF8Text.isLetter($0) && !UTF8Text.isLowercaseLetter($0) })
            case .numeric: return nextWord(after: j, endsSentence: { !UTF8Text.isDigit($0) })
            }
        }
        switch initials(word) {
        // "Ravi K. Shah": a lone capital is a name's initial.
        case .single: return .skip(to: j)
        case .dotted: return afterInitialism(j)
        case .none: break
        }
        let number = isNumber(word)
        // "1. Open the app" / "a. Tap Login": a list marker opens its sentence.
        if (number || isSingleLetter(word)) && opensSentence(word) { return .skip(to: j) }
        // "the 3. edition" reads on; "It costs 25. Shall I book it?" ends.
        if number { return nextWord(after: j, endsSentence: { !UTF8Text.isLowercaseLetter($0) }) }
        return boundary
    }

    /// The word that ends at `i`, without opening quotes or brackets.
    func wordBefore(_ i: Int) -> Range<Int> {
        var k = wordStart(before: i)
        while k < i {
            let (c, length) = scalar(at: k)
            guard Punctuation.isOpener(c) else { break }
            k += length
        }
        return k..<i
    }

    /// Where the run of non-spaces that ends at `i` starts (not before the last boundary).
    func wordStart(before i: Int) -> Int {
        var k = i
        while k > lastBoundary, i - k < 64 {
            let p = UTF8Text.scalarStart(bytes, before: k)
            if UTF8Text.isSpace(scalar(at: p).0) { break }
            k = p
        }
        return k
    }

    enum Initials { case none, single, dotted }

    /// "K", "U.S", "e.g", "N.Y.C": single letters joined by periods. One alone must be a capital,
    /// and not the pronoun I ("you and I. Then…" ends).
    func initials(_ word: Range<Int>) -> Initials {
        var k = word.lowerBound, letters = 0, expectLetter = true
        while k < word.upperBound {
            let (c, length) = scalar(at: k)
            if expectLetter {
                guard UTF8Text.isLetter(c) else { return .none }
                if letters == 0, word.upperBound == k + length, !UTF8Text.isUppercaseLetter(c) || c == "I" { return .none }
                letters += 1
            } else if c != "." {
                return .none
            }
            expectLetter.toggle()
            k += length
        }
        guard letters > 0, !expectLetter else { return .none }
        return letters == 1 ? .single : .dotted
    }

    func isNumber(_ word: Range<Int>) -> Bool {
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

    /// Nothing but spaces, bullets and opening quotes or brackets between the last boundary and
    /// `word`.
    func opensSentence(_ word: Range<Int>) -> Bool {
        var k = lastBoundary
        while k < word.lowerBound {
            let (c, length) = scalar(at: k)
            guard UTF8Text.isSpace(c) || Punctuation.isOpener(c) || Punctuation.isBullet(c) else { return false }
            k += length
        }
        return true
    }

    /// `9 p.m.`, `10.30 a.m.`: a dotted abbreviation right after a number.
    private func isTime(_ word: Range<Int>) -> Bool {
        guard bytes[word].contains(0x2E), word.lowerBound > lastBoundary + 1 else { return false }
        let before = UTF8Text.scalarStart(bytes, before: word.lowerBound)
        guard UTF8Text.isSpace(scalar(at: before).0), before > lastBoundary else { return false }
        let number = wordStart(before: before)
        return number < before && UTF8Text.isDigit(scalar(at: number).0)
    }

    /// After a dotted initialism, the sentence ends only before a word that starts sentences:
    /// "the U.K. Do you?" is two, "12 M.G. Road", "the U.S. Army", "the U.S. last year" and
    /// "U.S. में" (another script) one each. Settled by the first letter that no such word
    /// begins with, or by the word's end.
    private func afterInitialism(_ j: Int) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        guard let k = firstAfterSpaces(j) else { return atEnd ? boundary : .wait }
        if k < 0 { return boundary }
        guard UTF8Text.isUppercaseLetter(scalar(at: k).0) else { return .skip(to: j) }
        var m = k
        while m < count, case let (c, length) = scalar(at: m), UTF8Text.isLetter(c) { m += length }
        let word = UnsafeBufferPointer(rebasing: bytes[k..<m])
        let whole = m < count || atEnd
        if lexicon.isStarter(word, whole: whole) { return whole ? boundary : .wait }
        return .skip(to: j)
    }

    /// After a time, a title and a name go on ("at 9 p.m. Dr. Rao called"); any other
    /// capitalised word starts a sentence, settled by its first letter that no title begins with
    /// ("9 p.m. T|hank you", "9 p.m. Do|ors open").
    private func afterTime(_ j: Int) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        guard let k = firstAfterSpaces(j) else { return atEnd ? boundary : .wait }
        if k < 0 { return boundary }
        let first = scalar(at: k).0
        guard UTF8Text.isLetter(first), !UTF8Text.isLowercaseLetter(first) else { return .skip(to: j) }
        var m = k
        while m < count {
            let (c, length) = scalar(at: m)
            if c == "." || UTF8Text.isSpace(c) { break }
            m += length
        }
        let word = UnsafeBufferPointer(rebasing: bytes[k..<m])
        guard lexicon.startsTitle(word) else { return boundary }
        guard m < count else { return atEnd ? boundary : .wait }
        return bytes[m] == 0x2E && lexicon.kind(of: word) == .inner ? .skip(to: j) : boundary
    }
}
