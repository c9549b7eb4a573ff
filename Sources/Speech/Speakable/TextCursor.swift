/// A position in a text being read, and the few matchers the span readers are written with.
///
/// Readers work on `Character`s (grapheme clusters) so that a Devanagari syllable with its
/// vowel signs is one unit and never cut in half; the matchers ask `ScannedText`'s bytes and
/// scalars first, which is much cheaper than asking a `Character`. A reader moves a copy of the cursor and
/// returns nil when the text is not its kind: the scanner then tries the next reader from the
/// same place, so a reader never has to undo anything.
struct TextCursor {
    let text: ScannedText
    var at: Int

    init(_ text: ScannedText, at: Int = 0) {
        self.text = text
        self.at = at
    }

    var chars: [Character] { text.chars }
    var isAtEnd: Bool { at >= text.count }
    var current: Character? { peek(0) }

    func peek(_ offset: Int) -> Character? {
        let index = at + offset
        return index >= 0 && index < text.count ? text.chars[index] : nil
    }

    /// The ASCII byte at `offset` from the cursor; 0 for anything else and outside the text.
    func byte(_ offset: Int = 0) -> UInt8 {
        let index = at + offset
        return index >= 0 && index < text.count ? text.bytes[index] : 0
    }

    /// The value of the digit at `offset` from the cursor, if it is one.
    func digit(_ offset: Int = 0) -> Int? {
        let index = at + offset
        return index >= 0 && index < text.count ? text.digit(index) : nil
    }

    /// True when nothing word-like follows: the end, a space, punctuation.
    var atWordEnd: Bool { at >= text.count || !text.isWord(at) }

    /// True at a letter (of any script, or a mark on one): a word character that is not a digit.
    var atLetter: Bool { at < text.count && text.isWord(at) && text.digit(at) == nil }

    /// True when nothing word-like comes just before the cursor.
    var atWordStart: Bool { at == 0 || at > text.count || !text.isWord(at - 1) }

    mutating func take(_ character: Character) -> Bool {
        guard matches(character, at: at) else { return false }
        at += 1
        return true
    }

    /// Whether the character at `index` is `expected`: ASCII by its byte, the rest in full.
    private func matches(_ expected: Character, at index: Int, ignoringCase: Bool = false) -> Bool {
        guard index < text.count else { return false }
        guard let wanted = expected.asciiValue else {
            let found = text.chars[index]
            return found == expected || (ignoringCase && found.lowercased() == expected.lowercased())
        }
        return Self.same(text.bytes[index], wanted, ignoringCase: ignoringCase)
    }

    private static func same(_ byte: UInt8, _ wanted: UInt8, ignoringCase: Bool) -> Bool {
        byte == wanted || (ignoringCase && byte | 0x20 == wanted | 0x20 && (byte | 0x20) &- 97 < 26)
    }

    /// One of the characters of `set` (each one scalar: "-–—"), as the character taken.
    mutating func take(anyOf set: String) -> Character? {
        guard at < text.count, set.unicodeScalars.contains(text.leads[at]),
              text.bytes[at] != 0 || text.chars[at].unicodeScalars.count == 1 else { return nil }
        at += 1
        return text.chars[at - 1]
    }

    /// `literal` at the cursor (letters compared without case when `ignoringCase`).
    mutating func take(_ literal: String, ignoringCase: Bool = false) -> Bool {
        var index = at
        // ASCII literals ("km", "a.m.", "Rs.") by byte, without splitting the literal into characters.
        if literal.utf8.allSatisfy({ $0 < 0x80 }) {
            for wanted in literal.utf8 {
                guard index < text.count, Self.same(text.bytes[index], wanted, ignoringCase: ignoringCase) else { return false }
                index += 1
            }
        } else {
            for expected in literal {
                guard matches(expected, at: index, ignoringCase: ignoringCase) else { return false }
                index += 1
            }
        }
        at = index
        return true
    }

    /// The first of `words` that stands at the cursor as a whole word (longest listed first).
    mutating func takeWord(_ words: [String], ignoringCase: Bool = false) -> String? {
        for word in words {
            var probe = self
            if probe.take(word, ignoringCase: ignoringCase), probe.atWordEnd || word.last?.isWordCharacter == false {
                self = probe
                return word
            }
        }
        return nil
    }

    /// Skips up to `limit` spaces or tabs (never a line break); returns how many.
    @discardableResult
    mutating func skipSpaces(upTo limit: Int = 1) -> Int {
        var skipped = 0
        while skipped < limit, byte() == 32 || byte() == 9 {
            at += 1
            skipped += 1
        }
        return skipped
    }

    /// A run of decimal digits (any script's), as ASCII digits.
    mutating func digits(_ count: ClosedRange<Int> = 1...64) -> String? {
        var end = at
        var digits: [UInt8] = []
        while end - at < count.upperBound, end < text.count, let value = text.digit(end) {
            digits.append(UInt8(48 + value))
            end += 1
        }
        guard count.contains(end - at), end == text.count || text.digit(end) == nil else { return nil }
        at = end
        return String(decoding: digits, as: UTF8.self)
    }

    /// A number as written: `42`, `1,200` or `1,20,000` (groups checked), `3.5`. A comma or a
    /// point not followed by a digit is left alone: it is punctuation.
    mutating func number() -> WrittenNumber? {
        let start = at
        guard let lead = digits() else { return nil }
        var number = WrittenNumber(integer: lead)
        var groups: [String] = []
        var probe = self
        while probe.take(","), let group = probe.digits() {
            groups.append(group)
            if let grouping = WrittenNumber.grouping(lead: lead, groups: groups) {
                number.integer = lead + groups.joined()
                number.grouping = grouping
                self = probe
            }
        }
        probe = self
        if probe.take("."), let fraction = probe.digits() {
            number.fraction = fraction
            self = probe
        }
        number.devanagari = text.chars[start..<at].contains { $0.isDevanagariDigit }
        return number
    }

    /// The word just before `index`, lower-cased, past spaces and an opening bracket.
    func word(before index: Int) -> String? {
        var end = index
        while end > 0, text.bytes[end - 1] == 32 || text.bytes[end - 1] == 40 { end -= 1 }
        var start = end
        while start > 0, chars[start - 1].isLetter { start -= 1 }
        return start < end ? String(chars[start..<end]).lowercased() : nil
    }
}

/// How a number was written: its digits without separators and what the separators said.
struct WrittenNumber: Equatable {
    enum Grouping { case none, western, indian }

    var integer: String
    var fraction: String?
    var grouping = Grouping.none
    var devanagari = false

    /// The integer's value; nil past 18 digits, where only reading digit by digit makes sense.
    var value: Int? { integer.count <= 18 ? Int(integer) : nil }

    /// The grouping that `lead,groups…` is written in, if it is a valid one: thousands
    /// (`1,200,000`) or the Indian lakhs and crores (`12,00,000`).
    static func grouping(lead: String, groups: [String]) -> Grouping? {
        guard let last = groups.last, last.count == 3, lead.count <= 3 else { return nil }
        let earlier = groups.dropLast()
        if earlier.allSatisfy({ $0.count == 3 }) { return .western }
        if lead.count <= 2, earlier.allSatisfy({ $0.count == 2 }) { return .indian }
        return nil
    }
}

