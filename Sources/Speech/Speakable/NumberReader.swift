/// Numbers with nothing more specific around them: signed and plain cardinals ("42" →
/// "forty-two"), decimals ("3.5" → "three point five"), ordinals ("22nd"), years in a year's
/// context ("in 2026" → "in twenty twenty-six"), decades ("1990s"), dotted versions and
/// addresses ("1.2.3"), and codes glued to letters ("ABC123" → "ABC one two three").
struct NumberReader: SpanReader {
    /// Words after which a four-digit number is a year. Kept short and unambiguous: "of" or
    /// "from" as often precede counts ("a total of 1500").
    static let yearCues: Set<String> = ["in", "since", "until", "till", "by", "year", "during", "before", "after", "circa",
                                        "सन", "सन्", "साल", "वर्ष"]
    static let years = 1000...2099
    private static let decadeCues: Set<String> = ["the", "early", "mid", "late", "his", "her", "their", "my", "your"]
    private static let ordinalSuffixes = ["st", "nd", "rd", "th"]

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        lead.isDecimalDigit || lead == "-" || lead == "+"
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let sign = cursor.sign()
        let start = cursor.at
        guard let number = cursor.number() else { return nil }
        let language = context.language(for: number)
        let said = words(number, from: start, &cursor, language)
        return sign.map { language.word($0) + " " + said } ?? said
    }

    private func words(_ number: WrittenNumber, from start: Int, _ cursor: inout TextCursor, _ language: SpokenLanguage) -> String {
        let plain = number.grouping == .none && number.fraction == nil
        if number.fraction != nil, let parts = dottedParts(number, &cursor) {
            // Four parts is an IP address, read "dot"; fewer, a version, read "point".
            let joint = parts.count == 4 && language == .english ? "dot" : language.word(.point)
            return parts.map { language.number(WrittenNumber(integer: $0)) }.joined(separator: " " + joint + " ")
        }
        guard plain, let value = number.value else { return language.number(number) }
        if cursor.takeWord(Self.ordinalSuffixes, ignoringCase: true) != nil {
            return language.ordinal(value)
        }
        if language == .english, value % 10 == 0, Self.isDecade(number.integer, from: start, cursor), takePlural(&cursor) {
            let said = number.integer.count == 4 ? language.year(value) : language.cardinal(value)
            return EnglishNumberWords.plural(said)
        }
        if number.integer.count == 4, Self.years.contains(value), isYear(cursor, from: start) {
            return language.year(value)
        }
        let glued = cursor.peek(-number.integer.count - 1)?.isLetter == true || (cursor.current?.isLetter == true && !(cursor.current?.isDevanagari ?? false))
        if glued, number.integer.count >= 3 { return language.digits(number.integer) }
        return language.cardinal(value)
    }

    /// "1.2.3", "192.168.1.1": a number with a second point is not a decimal.
    private func dottedParts(_ number: WrittenNumber, _ cursor: inout TextCursor) -> [String]? {
        guard number.grouping == .none, let fraction = number.fraction else { return nil }
        var parts = [number.integer, fraction]
        var probe = cursor
        while probe.take("."), let part = probe.digits() {
            parts.append(part)
            cursor = probe
        }
        return parts.count > 2 ? parts : nil
    }

    /// 1990 or 2000, and 20 to 90 after "the" or an apostrophe ("the 80s", "'90s"): "30s"
    /// alone is as likely thirty seconds.
    static func isDecade(_ digits: String, from start: Int, _ cursor: TextCursor) -> Bool {
        switch digits.count {
        case 4: return true
        case 2: return digits != "10" && (["'", "’"].contains(cursor.chars[max(start - 1, 0)])
                                                  || Self.decadeCues.contains(cursor.word(before: start) ?? ""))
        default: return false
        }
    }

    /// "s" or "'s" closing a decade: "1990s", "the 80's".
    private func takePlural(_ cursor: inout TextCursor) -> Bool {
        cursor.takeWord(["s", "'s", "’s"]) != nil
    }

    /// A year cue before it, or a year range: "2020-2024".
    private func isYear(_ cursor: TextCursor, from start: Int) -> Bool {
        if let word = cursor.word(before: start), Self.yearCues.contains(word) { return true }
        var after = cursor
        if after.take(anyOf: "-–") != nil, let next = after.digits(4...4), Int(next).map(Self.years.contains) == true {
            return true
        }
        var before = TextCursor(cursor.text, at: start - 5)
        return start >= 5 && before.digits(4...4).flatMap(Int.init).map(Self.years.contains) == true
            && before.take(anyOf: "-–") != nil
    }
}

extension TextCursor {
    /// A minus or plus sign standing before a number ("-5", "+3"), not a hyphen inside a word
    /// ("COVID-19") or a dash between numbers.
    mutating func sign() -> SpokenLanguage.Word? {
        guard let character = current, character == "-" || character == "+", peek(1)?.decimalDigit != nil,
              !(peek(-1).map { $0.isWordCharacter || $0 == "-" } ?? false) else { return nil }
        at += 1
        return character == "-" ? .minus : .plus
    }
}
