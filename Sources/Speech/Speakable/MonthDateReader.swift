/// Dates with the month in words: "22 Nov", "22nd of November 2026" → "the twenty-second of
/// November twenty twenty-six"; "Nov 22", "November 22nd, 2026" → "November twenty-second,
/// twenty twenty-six"; "November 2026" → "November twenty twenty-six". Each order is said
/// the way it is written. In Hindi: "बाईस नवंबर दो हज़ार छब्बीस".
///
/// A month is a name only capitalised ("May 5", not "may 5"), which keeps "may" a verb.
struct MonthDateReader: SpanReader {
    private static let ordinalSuffixes = ["st", "nd", "rd", "th"]

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        lead.isDecimalDigit || (wordStart && lead.properties.isUppercase)
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        guard cursor.atWordStart else { return nil }
        let start = cursor.at
        if cursor.current?.decimalDigit != nil {
            return dayFirst(&cursor, context, start)
        }
        return monthFirst(&cursor, context, start)
    }

    /// "22 Nov", "22nd of November, 2026".
    private func dayFirst(_ cursor: inout TextCursor, _ context: ReadingContext, _ start: Int) -> String? {
        guard let day = Self.day(&cursor), cursor.skipSpaces() == 1 else { return nil }
        var probe = cursor
        if probe.takeWord(["of"]) != nil, probe.skipSpaces() == 1 { cursor = probe }
        guard let month = Months.take(&cursor), DateReader.isValid(day: day, month: month) else { return nil }
        let year = Self.year(&cursor)
        let language = context.language(devanagariDigits: Self.devanagari(cursor, from: start))
        return DateReader.say(day: day, month: month, year: year, language)
    }

    /// "Nov 22", "November 22nd, 2026", "November 2026".
    private func monthFirst(_ cursor: inout TextCursor, _ context: ReadingContext, _ start: Int) -> String? {
        guard let month = Months.take(&cursor), cursor.skipSpaces() == 1 else { return nil }
        let language = context.language(devanagariDigits: Self.devanagari(cursor, from: start))
        var probe = cursor
        if let year = probe.digits(4...4).flatMap(Int.init), probe.atWordEnd {
            cursor = probe
            return Self.monthName(month, language) + " " + language.year(year)
        }
        guard let day = Self.day(&cursor), DateReader.isValid(day: day, month: month), cursor.current != ":" else { return nil }
        let year = Self.year(&cursor)
        if language == .hindi { return DateReader.say(day: day, month: month, year: year, language) }
        return Months.english[month - 1] + " " + EnglishNumberWords.ordinal(day) + (year.map { ", " + EnglishNumberWords.year($0) } ?? "")
    }

    private static func monthName(_ month: Int, _ language: SpokenLanguage) -> String {
        language == .hindi ? Months.hindi[month - 1] : Months.english[month - 1]
    }

    /// A day of the month, with an ordinal ending if written ("22", "22nd").
    private static func day(_ cursor: inout TextCursor) -> Int? {
        guard let digits = cursor.digits(1...2), let day = Int(digits) else { return nil }
        _ = cursor.takeWord(ordinalSuffixes, ignoringCase: true)
        return cursor.atWordEnd ? day : nil
    }

    /// A year after the day: " 2026" or ", 2026".
    private static func year(_ cursor: inout TextCursor) -> Int? {
        var probe = cursor
        _ = probe.take(",")
        guard probe.skipSpaces() == 1, let digits = probe.digits(4...4), probe.atWordEnd, let year = Int(digits) else { return nil }
        cursor = probe
        return year
    }

    private static func devanagari(_ cursor: TextCursor, from start: Int) -> Bool {
        cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit }
    }
}
