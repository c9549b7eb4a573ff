/// A position in a text being read, and the few matchers the span readers are written with.
///
/// Readers work on `Character`s (grapheme clusters) so that a Devanagari syllable with its
/// vowel signs is one unit and never cut in half. A reader moves a copy of the cursor and
/// returns nil when the text is not its kind: the scanner then tries the next reader from the
/// same place, so a reader never has to undo anything.
struct TextCursor {
    let chars: [Character]
    var at: Int

    init(_ chars: [Character], at: Int = 0) {
        self.chars = chars
        self.at = at
    }

    var isAtEnd: Bool { at >= chars.count }
    var current: Character? { peek(0) }

    func peek(_ offset: Int) -> Character? {
        let index = at + offset
        return index >= 0 && index < chars.count ? chars[index] : nil
    }

    /// True when nothing word-like follows: the end, a space, punctuation.
    var atWordEnd: Bool { !(current?.isWordCharacter ?? false) }

    /// True when nothing word-like comes just before the cursor.
    var atWordStart: Bool { !(peek(-1)?.isWordCharacter ?? false) }

    mutating func take(_ character: Character) -> Bool {
        guard current == character else { return false }
        at += 1
        return true
    }

    mutating func take(anyOf characters: Set<Character>) -> Character? {
        guard let character = current, characters.contains(character) else { return nil }
        at += 1
        return character
    }

    /// `literal` at the cursor (letters compared without case when `ignoringCase`).
    mutating func take(_ literal: String, ignoringCase: Bool = false) -> Bool {
        var index = at
        for expected in literal {
            guard index < chars.count else { return false }
            let found = chars[index]
            guard found == expected || (ignoringCase && found.lowercased() == expected.lowercased()) else { return false }
            index += 1
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
        while skipped < limit, let character = current, character == " " || character == "\t" {
            at += 1
            skipped += 1
        }
        return skipped
    }

    /// A run of decimal digits (any script's), as ASCII digits.
    mutating func digits(_ count: ClosedRange<Int> = 1...64) -> String? {
        var probe = self
        var digits = ""
        while digits.count < count.upperBound, let value = probe.current?.decimalDigit {
            digits.append(Character(String(value)))
            probe.at += 1
        }
        guard count.contains(digits.count), probe.current?.decimalDigit == nil else { return nil }
        self = probe
        return digits
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
        number.devanagari = chars[start..<at].contains { $0.isDevanagariDigit }
        return number
    }

    /// The word just before `index`, lower-cased, past spaces and an opening bracket.
    func word(before index: Int) -> String? {
        var end = index
        while end > 0, chars[end - 1] == " " || chars[end - 1] == "(" { end -= 1 }
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

extension Character {
    /// The value of a decimal digit of any script (`7`, `७`); nil for other numerals (`²`, `½`).
    var decimalDigit: Int? {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1,
              scalar.properties.numericType == .decimal else { return nil }
        return wholeNumberValue
    }

    var isDevanagariDigit: Bool { unicodeScalars.first.map { (0x966...0x96F).contains($0.value) } ?? false }

    /// A Devanagari letter or sign (a syllable is one `Character`, led by its consonant).
    var isDevanagari: Bool { unicodeScalars.first.map { (0x900...0x97F).contains($0.value) } ?? false }

    /// Part of a word: letters and digits of any script, and the marks that ride on them.
    var isWordCharacter: Bool {
        isLetter || isNumber || (unicodeScalars.first?.properties.generalCategory).map {
            $0 == .nonspacingMark || $0 == .spacingMark
        } ?? false
    }
}
