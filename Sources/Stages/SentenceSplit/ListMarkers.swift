/// Inline lists: each marker starts a piece, so that "Bring 1. your card 2. your letter" is
/// spoken as three. Markers: `1.` `1)` `1.)` `(1)`, `a)` `a.)` `(a)` (also `क)`, and digits of
/// any script), and bullets.
extension BoundaryScanner {
    struct ListMarker {
        enum Style { case period, paren, periodParen, enclosed }
        let style: Style
        let isLetter: Bool
        /// The number, or the letter's scalar value: the next item's is one more.
        let value: UInt32
        /// Just after the marker.
        let end: Int

        /// Where a list starts: 1, a, A, क.
        var isFirst: Bool { isLetter ? [0x61, 0x41, 0x0915].contains(value) : value == 1 }

        func follows(_ other: ListMarker) -> Bool {
            style == other.style && isLetter == other.isLetter && value == other.value &+ 1
        }
    }

    /// The marker at `k`: an optional `(`, one or two digits or a single letter, then `.`, `)`
    /// or `.)` (only `)` after a `(`).
    func listMarker(at k: Int) -> ListMarker? {
        let enclosed = k < count && bytes[k] == 0x28
        var p = enclosed ? k + 1 : k
        var value: UInt32 = 0, digits = 0, isLetter = false
        while p < count {
            let (c, length) = scalar(at: p)
            guard UTF8Text.isDigit(c), digits < 2, let digit = c.properties.numericValue else { break }
            (value, digits, p) = (value * 10 + UInt32(digit), digits + 1, p + length)
        }
        if digits == 0 {
            guard p < count else { return nil }
            let (c, length) = scalar(at: p)
            guard UTF8Text.isLetter(c) else { return nil }
            (value, isLetter, p) = (c.value, true, p + length)
        }
        guard p < count else { return nil }
        switch bytes[p] {
        case 0x29:
            return ListMarker(style: enclosed ? .enclosed : .paren, isLetter: isLetter, value: value, end: p + 1)
        case 0x2E where !enclosed:
            let paren = p + 1 < count && bytes[p + 1] == 0x29
            return ListMarker(style: paren ? .periodParen : .period, isLetter: isLetter, value: value, end: p + (paren ? 2 : 1))
        default:
            return nil
        }
    }

    /// A period followed by a space (after any closers, up to `end`) that may end a list
    /// marker; nil when it does not, and the period rules decide.
    func listMarker(period i: Int, end: Int) -> BoundaryDecision? {
        let start = wordStart(before: i)
        guard let marker = listMarker(at: start), marker.end == end else { return nil }
        // "A. B. Rao": single letters with a period are initials, not a list.
        if marker.style == .period && marker.isLetter { return nil }
        return listItem(marker, at: start)
    }

    /// A `)` that may end a list marker: `a)`, `(1)`, `b.)`.
    func listMarker(closedAt i: Int) -> BoundaryDecision {
        let skip = BoundaryDecision.skip(to: i + 1)
        let start = wordStart(before: i + 1)
        guard let marker = listMarker(at: start), marker.end == i + 1 else { return skip }
        guard i + 1 < count else { return atEnd ? skip : .wait }
        guard UTF8Text.isSpace(scalar(at: i + 1).0) else { return skip }
        return listItem(marker, at: start) ?? skip
    }

    /// A marker followed by a space: nothing when it opens its piece; a cut before it when it
    /// follows the marker its piece opens with ("2." after "1."), or when it can start a list:
    /// `a)`, `(1)` outside brackets, `1.` after a colon or before a word without a capital
    /// ("Press 1. Then…" is a number ending a sentence). nil: not a list item.
    private func listItem(_ marker: ListMarker, at start: Int) -> BoundaryDecision? {
        let before = BoundaryDecision.cut(Cut(end: start, next: start, kind: .sentence))
        if opensSentence(start..<start) { return .skip(to: marker.end) }
        if let opening = openingMarker(), marker.follows(opening) { return before }
        guard marker.isFirst else { return nil }
        switch marker.style {
        case .period:
            if previousMark(before: start) == ":" { return before }
            guard let k = firstAfterSpaces(marker.end) else { return atEnd ? nil : .wait }
            guard k >= 0 else { return nil }
            let c = scalar(at: k).0
            return UTF8Text.isLetter(c) && !UTF8Text.isUppercaseLetter(c) ? before : nil
        case .paren, .periodParen:
            return insideBrackets(start) ? nil : before
        case .enclosed:
            return before
        }
    }

    /// A bullet inside a line starts a piece: "Menu: • tea • coffee".
    func bullet(at i: Int) -> BoundaryDecision {
        let length = scalar(at: i).1
        let skip = BoundaryDecision.skip(to: i + length)
        guard !opensSentence(i..<i), UTF8Text.isSpace(scalar(at: UTF8Text.scalarStart(bytes, before: i)).0) else { return skip }
        guard i + length < count else { return atEnd ? skip : .wait }
        return UTF8Text.isSpace(scalar(at: i + length).0) ? .cut(Cut(end: i, next: i, kind: .sentence)) : skip
    }

    /// The marker the text since the last boundary starts with, after spaces and bullets.
    private func openingMarker() -> ListMarker? {
        var k = lastBoundary
        while k < count {
            let (c, length) = scalar(at: k)
            guard UTF8Text.isSpace(c) || Punctuation.isBullet(c) else { break }
            k += length
        }
        return listMarker(at: k)
    }

    /// The last character before `i` that is not a space, within the text since the last boundary.
    private func previousMark(before i: Int) -> Unicode.Scalar? {
        var k = i
        while k > lastBoundary {
            k = UTF8Text.scalarStart(bytes, before: k)
            let c = scalar(at: k).0
            if !UTF8Text.isSpace(c) { return c }
        }
        return nil
    }

    /// An unclosed `(` before `i` since the last boundary: "(plan a) is best" holds no list.
    private func insideBrackets(_ i: Int) -> Bool {
        var depth = 0
        for k in lastBoundary..<i {
            if bytes[k] == 0x28 { depth += 1 } else if bytes[k] == 0x29 { depth = max(0, depth - 1) }
        }
        return depth > 0
    }
}
