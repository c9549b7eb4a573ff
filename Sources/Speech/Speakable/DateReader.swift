/// Dates in digits: "22/11" → "the twenty-second of November", "2026-11-22" and "22-11-2026"
/// → "the twenty-second of November twenty twenty-six"; in Hindi "बाईस नवंबर दो हज़ार छब्बीस".
///
/// Day first, as India and the UK write dates: "3/4" is the third of April. Only when the
/// second number cannot be a month and the first can ("12/25") is it read month first. A day
/// and month without a year need the slash ("22-11" is a range, "22.11" a decimal), and the
/// common fractions (1/2, 1/3, 2/3, 1/4, 3/4) stay fractions unless a word like "on" or "due"
/// comes before them. Impossible dates (31/4) are not dates.
struct DateReader: SpanReader {
    static let cues: Set<String> = ["on", "due", "by", "from", "until", "till", "date", "dated", "before", "after", "dob"]
    static let fractions: Set<[Int]> = [[1, 2], [1, 3], [2, 3], [1, 4], [3, 4], [24, 7]]

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let start = cursor.at
        guard cursor.atWordStart, let first = cursor.digits(1...4) else { return nil }
        var parts = [first]
        var separator: Character?
        while parts.count < 3 {
            var probe = cursor
            guard let found = probe.take(anyOf: "/-."), separator == nil || found == separator,
                  let part = probe.digits(1...4) else { break }
            separator = found
            parts.append(part)
            cursor = probe
        }
        // Nothing date-like may continue it: "1/2/3/4", "22/11/2026/x", "2026-11-22T10".
        let isoTime = parts[0].count == 4 && cursor.current == "T"
        guard parts.count >= 2, cursor.atWordEnd || isoTime, !Self.continues(cursor) || isoTime else { return nil }
        let numbers = parts.compactMap { Int($0) }
        let day: Int, month: Int
        var year: Int?
        if parts.count == 3, parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2, separator != "." {
            (year, month, day) = (numbers[0], numbers[1], numbers[2])
        } else if parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2 && separator == "/" {
            year = parts[2].count == 2 ? (numbers[2] < 50 ? 2000 : 1900) + numbers[2] : numbers[2]
            (day, month) = Self.dayAndMonth(numbers[0], numbers[1])
        } else if parts.count == 2, separator == "/", parts.allSatisfy({ $0.count <= 2 }) {
            let cued = cursor.word(before: start).map(Self.cues.contains) ?? false
            guard cued || !Self.fractions.contains(numbers) else { return nil }
            (day, month) = Self.dayAndMonth(numbers[0], numbers[1])
        } else {
            return nil
        }
        guard Self.isValid(day: day, month: month) else { return nil }
        let devanagari = cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit }
        let said = Self.say(day: day, month: month, year: year, context.language(devanagariDigits: devanagari))
        // An ISO date and time, "2026-11-22T10:30": the time is read next, after a pause.
        if parts[0].count == 4, cursor.current == "T", cursor.peek(1)?.decimalDigit != nil {
            cursor.at += 1
            return said + ", "
        }
        return said
    }

    private static func continues(_ cursor: TextCursor) -> Bool {
        guard let next = cursor.current, ["/", "-", ".", "T", ":"].contains(next) else { return false }
        return cursor.peek(1)?.decimalDigit != nil
    }

    /// Day first, unless only the other order is a date.
    private static func dayAndMonth(_ first: Int, _ second: Int) -> (Int, Int) {
        second > 12 && first <= 12 ? (second, first) : (first, second)
    }

    static func isValid(day: Int, month: Int) -> Bool {
        guard (1...12).contains(month) else { return false }
        return (1...[31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]).contains(day)
    }

    /// "the twenty-second of November (twenty twenty-six)"; "बाईस नवंबर (दो हज़ार छब्बीस)".
    static func say(day: Int, month: Int, year: Int?, _ language: SpokenLanguage) -> String {
        let yearWords = year.map { " " + language.year($0) } ?? ""
        switch language {
        case .english: return "the " + EnglishNumberWords.ordinal(day) + " of " + Months.english[month - 1] + yearWords
        case .hindi: return HindiNumberWords.cardinal(day) + " " + Months.hindi[month - 1] + yearWords
        }
    }
}

/// Month names: as said in each language, and as written in English text (full or short).
enum Months {
    static let english = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
    static let hindi = ["जनवरी", "फ़रवरी", "मार्च", "अप्रैल", "मई", "जून", "जुलाई", "अगस्त", "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"]
    /// Written forms, lower-cased, to month numbers: full names and abbreviations ("sept" too).
    static let written: [String: Int] = {
        let short = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let full = english.enumerated().map { ($1.lowercased(), $0 + 1) }
        return Dictionary(full + [("sept", 9)] + short.enumerated().map { ($1, $0 + 1) }, uniquingKeysWith: { first, _ in first })
    }()

    /// The capitals month names begin with.
    private static let initials: [UInt8] = Array("JFMASOND".utf8)

    /// A month name at the cursor, capitalised as a name is ("Nov", "November", "NOV"), with
    /// the abbreviation's full stop.
    static func take(_ cursor: inout TextCursor) -> Int? {
        guard initials.contains(cursor.byte()) else { return nil }
        var end = cursor.at
        while end < cursor.chars.count, end - cursor.at <= 9, cursor.chars[end].isWordCharacter { end += 1 }
        let word = String(cursor.chars[cursor.at..<end]).lowercased()
        guard let month = written[word] else { return nil }
        cursor.at = end
        if word.count == 3 || word == "sept" { _ = cursor.take(".") }
        return month
    }
}
