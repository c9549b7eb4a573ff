/// Reads a text left to right, handing each place where a number, an amount, a date, a time, a
/// phone number or an address may start to the span readers, in order of priority; the first
/// that recognises its kind there says the span in words. Text between spans is copied as is.
///
/// One pass, so no reader ever sees another's words: what is said is never read twice.
enum SpanScanner {
    /// Priority: the most specific shapes first. `2026-11-22` is a date before it is a phone
    /// number or a range; `10:30` a time before a ratio; `$5` an amount before a number.
    static let readers: [any SpanReader] = [
        AddressReader(), DateReader(), MonthDateReader(), TimeReader(), CurrencyReader(), PhoneNumberReader(),
        UnitReader(), FractionReader(), NumberReader(),
    ]
    /// Dashes that join two spans into a range ("9-5", "10–12", "9am – 5pm"); the hyphen only
    /// when nothing stands around it, the others with spaces too.
    private static let rangeDashes: Set<Character> = ["-", "–", "—"]

    static func read(_ text: String, voice: SpokenLanguage) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = 0
        var previous: (end: Int, language: SpokenLanguage)?
        while index < chars.count {
            if let (end, language) = previous, end == index, let range = rangeEnd(chars, at: index, voice: voice) {
                append(" " + language.word(.to) + " " + range.words, to: &out, next: chars, range.end)
                index = range.end
                previous = (range.end, range.language)
                continue
            }
            if let span = span(chars, at: index, voice: voice) {
                append(span.words, to: &out, next: chars, span.end)
                index = span.end
                previous = (span.end, span.language)
                continue
            }
            out.append(chars[index])
            index += 1
        }
        return out
    }

    private struct Span {
        let words: String
        let end: Int
        let language: SpokenLanguage
    }

    private static func span(_ chars: [Character], at index: Int, voice: SpokenLanguage) -> Span? {
        let first = chars[index]
        let wordStart = index == 0 || !chars[index - 1].isWordCharacter
        guard first.decimalDigit != nil || !first.isLetter || wordStart else { return nil }
        var context: ReadingContext?
        for reader in readers where reader.mayStart(at: first, wordStart: wordStart) {
            var cursor = TextCursor(chars, at: index)
            context = context ?? ReadingContext(voice: voice, chars: chars, at: index)
            if var words = reader.read(&cursor, context!), cursor.at > index {
                // A full stop taken with "p.m." or "Nov." that also ended the text still ends it.
                if chars[cursor.at - 1] == ".", words.last != ".", chars[cursor.at...].allSatisfy(\.isWhitespace) { words += "." }
                let devanagari = chars[index..<cursor.at].contains { $0.isDevanagariDigit }
                return Span(words: words, end: cursor.at, language: context!.language(devanagariDigits: devanagari))
            }
        }
        return nil
    }

    /// The span after a range dash at `index`, if there is one.
    private static func rangeEnd(_ chars: [Character], at index: Int, voice: SpokenLanguage) -> Span? {
        var cursor = TextCursor(chars, at: index)
        let spaced = cursor.skipSpaces() > 0
        guard let dash = cursor.take(anyOf: rangeDashes), !(spaced && dash == "-") else { return nil }
        if dash != "-" { cursor.skipSpaces() } else if cursor.current == " " { return nil }
        guard !cursor.isAtEnd, cursor.current?.decimalDigit != nil || !(cursor.current?.isWordCharacter ?? true) else { return nil }
        return span(chars, at: cursor.at, voice: voice)
    }

    /// Appends a span's words with a space where they would run into a neighbouring word
    /// ("B12" → "B twelve"); a Devanagari suffix stays joined ("5वीं" → "पाँचवीं").
    private static func append(_ words: String, to out: inout String, next chars: [Character], _ end: Int) {
        if let last = out.last, last.isWordCharacter, words.first?.isWordCharacter == true { out.append(" ") }
        out += words
        if end < chars.count, chars[end].isWordCharacter, let last = words.last, last.isWordCharacter,
           !(chars[end].isDevanagari && last.isDevanagari) {
            out.append(" ")
        }
    }
}

/// A reader of one kind of span: an amount, a date, a phone number.
protocol SpanReader: Sendable {
    /// Whether a span of this kind can begin with `character` (at a word's start or not):
    /// the scanner asks only readers that can, so plain words cost nothing.
    func mayStart(at character: Character, wordStart: Bool) -> Bool
    /// The span at the cursor in words, the cursor moved past it; nil when it is not this kind.
    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String?
}

extension SpanReader {
    func mayStart(at character: Character, wordStart: Bool) -> Bool { character.decimalDigit != nil }
}

/// What a reader knows besides the text: the voice's language and the script around the span.
struct ReadingContext {
    let voice: SpokenLanguage
    /// The nearest letter before the span (or after it, when none comes before) is Devanagari.
    let amongDevanagari: Bool

    init(voice: SpokenLanguage, chars: [Character], at index: Int) {
        self.voice = voice
        let before = chars[..<index].last(where: \.isLetter)
        let nearest = before ?? chars[index...].first(where: \.isLetter)
        amongDevanagari = nearest?.isDevanagari ?? false
    }

    /// Hindi for a Hindi voice, among Devanagari words, or for a number in Devanagari digits.
    func language(devanagariDigits: Bool) -> SpokenLanguage {
        voice == .hindi || amongDevanagari || devanagariDigits ? .hindi : .english
    }

    func language(for number: WrittenNumber) -> SpokenLanguage { language(devanagariDigits: number.devanagari) }
}
