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
    private static let rangeDashes = "-–—"

    static func read(_ text: String, voice: SpokenLanguage) -> String {
        guard mayHoldSpans(text) else { return text }
        let scanned = ScannedText(text)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var index = 0
        var copied = 0
        var previous: (end: Int, language: SpokenLanguage)?
        while index < scanned.count {
            var found: Span?
            if let (end, language) = previous, end == index, let range = rangeEnd(scanned, at: index, voice: voice) {
                found = Span(words: " " + language.word(.to) + " " + range.words, end: range.end, language: range.language)
            } else if isCandidate(scanned, at: index) {
                found = span(scanned, at: index, voice: voice)
            }
            guard let found else {
                index += 1
                continue
            }
            // The text before the span goes out as it is, in one piece.
            out += text[scanned.offsets[copied]..<scanned.offsets[index]]
            append(found.words, to: &out, next: scanned, found.end)
            index = found.end
            copied = index
            previous = (found.end, found.language)
        }
        out += text[scanned.offsets[copied]...]
        return out
    }

    /// Every span has a digit, an "@" or a dot before a letter ("clinic.in"): a text with none
    /// of these, most sentences, is passed over in one quick look at its scalars.
    static func mayHoldSpans(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0x40: return true
            case 0x41...0x5A, 0x61...0x7A: if previous == "." { return true }
            case 0x660...: if scalar.isDecimalDigit { return true }
            default: break
            }
            previous = scalar
        }
        return false
    }

    private struct Span {
        let words: String
        let end: Int
        let language: SpokenLanguage
    }

    /// Whether a span may start at `index`: a digit, a sign that can begin one, or a letter
    /// starting a word. Most characters start nothing, and this quick look at their first
    /// scalar passes them by without asking every reader.
    private static func isCandidate(_ text: ScannedText, at index: Int) -> Bool {
        let lead = text.leads[index]
        if lead.isDecimalDigit { return true }
        if lead.isWordScalar { return isWordStart(text, at: index) }
        switch lead.value {
        case 0x24, 0x20B9, 0x20AC, 0xA3, 0x2B, 0x28, 0x2D: return true // $ ₹ € £ + ( -
        default: return false
        }
    }

    /// Letters start a word after a digit too: "1,200on.com" is read as "1,200" and "on.com",
    /// as it will be when read again with a space between.
    private static func isWordStart(_ text: ScannedText, at index: Int) -> Bool {
        index == 0 || !text.leads[index - 1].isWordScalar || text.leads[index - 1].isDecimalDigit
    }

    private static func span(_ text: ScannedText, at index: Int, voice: SpokenLanguage) -> Span? {
        let wordStart = isWordStart(text, at: index)
        let chars = text.chars
        var context: ReadingContext?
        let lead = text.leads[index]
        for reader in readers where reader.mayStart(at: lead, wordStart: wordStart) {
            var cursor = TextCursor(text, at: index)
            context = context ?? ReadingContext(voice: voice, chars: chars, at: index)
            if var words = reader.read(&cursor, context!), cursor.at > index {
                // A full stop taken with "p.m." or "Nov." that also ended the text still ends it.
                if text.bytes[cursor.at - 1] == 46, words.last != ".", chars[cursor.at...].allSatisfy(\.isWhitespace) { words += "." }
                let devanagari = chars[index..<cursor.at].contains { $0.isDevanagariDigit }
                return Span(words: words, end: cursor.at, language: context!.language(devanagariDigits: devanagari))
            }
        }
        return nil
    }

    /// The span after a range dash at `index`, if there is one.
    private static func rangeEnd(_ text: ScannedText, at index: Int, voice: SpokenLanguage) -> Span? {
        var cursor = TextCursor(text, at: index)
        let spaced = cursor.skipSpaces() > 0
        guard let dash = cursor.take(anyOf: rangeDashes), !(spaced && dash == "-") else { return nil }
        if dash != "-" { cursor.skipSpaces() } else if cursor.byte() == 32 { return nil }
        guard !cursor.isAtEnd, cursor.digit() != nil || cursor.atWordEnd else { return nil }
        return span(text, at: cursor.at, voice: voice)
    }

    /// Appends a span's words with a space where they would run into a neighbouring word
    /// ("B12" → "B twelve"); a Devanagari suffix stays joined ("5वीं" → "पाँचवीं").
    private static func append(_ words: String, to out: inout String, next text: ScannedText, _ end: Int) {
        if let last = out.unicodeScalars.last, last.isWordScalar, words.unicodeScalars.first?.isWordScalar == true { out.append(" ") }
        out += words
        if end < text.count, text.isWord(end), let last = words.unicodeScalars.last, last.isWordScalar,
           !(text.chars[end].isDevanagari && (0x900...0x97F).contains(last.value)) {
            out.append(" ")
        }
    }
}

/// A reader of one kind of span: an amount, a date, a phone number.
protocol SpanReader: Sendable {
    /// Whether a span of this kind can begin with a character led by `lead` (at a word's start or not):
    /// the scanner asks only readers that can, so plain words cost nothing.
    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool
    /// The span at the cursor in words, the cursor moved past it; nil when it is not this kind.
    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String?
}

extension SpanReader {
    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool { lead.isDecimalDigit }
}

/// What a reader knows besides the text: the voice's language and the script around the span.
struct ReadingContext {
    let voice: SpokenLanguage
    let chars: [Character]
    let index: Int

    init(voice: SpokenLanguage, chars: [Character], at index: Int) {
        self.voice = voice
        self.chars = chars
        self.index = index
    }

    /// Hindi for a Hindi voice, among Devanagari words, or for a number in Devanagari digits.
    func language(devanagariDigits: Bool) -> SpokenLanguage {
        voice == .hindi || devanagariDigits || amongDevanagari ? .hindi : .english
    }

    func language(for number: WrittenNumber) -> SpokenLanguage { language(devanagariDigits: number.devanagari) }

    /// The nearest letter before the span (or after it, when none comes before) is Devanagari.
    /// Looked for only when the voice and the digits have not decided already.
    private var amongDevanagari: Bool {
        let before = chars[..<index].last(where: \.isLetter)
        let nearest = before ?? chars[index...].first(where: \.isLetter)
        return nearest?.isDevanagari ?? false
    }
}
