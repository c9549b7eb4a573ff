/// What may follow a terminator and still belong to its sentence: a lower-case word, a
/// citation; and the spaced ellipsis, one mark written as several.
extension BoundaryScanner {
    enum SpacedRun: Equatable { case none, wait, run(end: Int) }

    /// A spaced ellipsis (`. . .`, `. . . .`) from the period at `i`, when that period is not
    /// glued to a word before it: "thinking . . . maybe". A glued one ("He left. . . .") ends its
    /// sentence as a period does, at the space, and the dots after it are a piece with no letter,
    /// which is not sent.
    func spacedEllipsis(at i: Int) -> SpacedRun {
        guard bytes[i] == 0x2E else { return .none }
        if i > lastBoundary {
            let before = scalar(at: UTF8Text.scalarStart(bytes, before: i)).0
            guard UTF8Text.isSpace(before) || Punctuation.isOpener(before) else { return .none }
        }
        var k = i + 1, dots = 1
        while k < count {
            if bytes[k] == 0x2E {
                (k, dots) = (k + 1, dots + 1)
            } else if bytes[k] == 0x20 {
                guard k + 1 < count else { return atEnd ? (dots > 1 ? .run(end: k) : .none) : .wait }
                guard bytes[k + 1] == 0x2E else { break }
                (k, dots) = (k + 2, dots + 1)
            } else {
                break
            }
        }
        if k == count, !atEnd { return .wait }
        return dots > 1 ? .run(end: k) : .none
    }

    /// After `!` `?`, an ellipsis or closing quotes and brackets: the sentence goes on when a
    /// lower-case word follows ("It runs on Jazz! by default.", "(That was in 2019.) after
    /// which") or a citation ("\"Yes [...]\" (Rao 12)."); anything else starts a new one.
    func continuation(after j: Int) -> BoundaryDecision {
        let boundary = BoundaryDecision.cut(Cut(end: j, next: j, kind: .sentence))
        guard let k = firstAfterSpaces(j) else { return atEnd ? boundary : .wait }
        if k < 0 { return boundary }
        let c = scalar(at: k).0
        if UTF8Text.isLowercaseLetter(c) { return .skip(to: j) }
        if c == "(" || c == "[" { return citation(at: k, boundary: boundary) }
        return boundary
    }

    /// The longest bracket group taken for a citation, in bytes: a look-ahead this far at most.
    static let longestCitation = 48

    /// A short bracket group without a sentence end of its own, followed by a terminator, a
    /// comma, a colon or the end of the text: "(Rao 12).", "[Iyer 3],". Nothing inside it ends
    /// a sentence. A bracketed sentence ("(He meant it.) Then…") is a sentence of its own.
    private func citation(at k: Int, boundary: BoundaryDecision) -> BoundaryDecision {
        let close: UInt8 = bytes[k] == 0x28 ? 0x29 : 0x5D
        var m = k + 1
        while m < count, bytes[m] != close {
            if m - k > Self.longestCitation || [0x0A, 0x28, 0x5B].contains(bytes[m]) { return boundary }
            m += 1
        }
        guard m < count else { return atEnd ? boundary : .wait }
        if Punctuation.isTerminator(scalar(at: UTF8Text.scalarStart(bytes, before: m)).0) { return boundary }
        guard m + 1 < count else { return atEnd ? .skip(to: m + 1) : .wait }
        let (after, _) = scalar(at: m + 1)
        guard Punctuation.isTerminator(after) || after == "," || after == ":" else { return boundary }
        return .skip(to: m + 1)
    }
}
