/// `date` slots: a day the caller names, resolved against today and stored as `2026-11-22`.
///
/// Understood: "today", "tomorrow", "(the) day after tomorrow"; a weekday, alone or after "on",
/// "next", "this" or "coming", meaning the first such day after today; "the 5th", "the fifth",
/// meaning the next day with that number (today included); "5th of march", "march 5",
/// "march fifth", "5 march", optionally followed by a four-digit year, otherwise the next such
/// day (today included); ISO `2026-12-01`; a weekday with its number ("wednesday the 16th") is
/// the numbered day; "a week today", "a week tomorrow", "next week tuesday" (that day of the
/// week starting next Monday); Hindi "aaj", "kal" (tomorrow) and "parson". A leading "on" or "for"
/// belongs to the date.
/// Said back as "Sunday 22 November".
struct DateExtractor: SlotExtractor {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"]
    private static let monthAbbreviations = ["jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                                             "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12]

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        let afterPreposition = words[safe: start] == "on" || words[safe: start] == "for"
        let first = afterPreposition ? start + 1 : start
        guard let (day, end) = day(at: first, in: words, today: context.today,
                                   strict: context.mode == .incidental, afterPreposition: afterPreposition)
        else { return nil }
        return (day.iso, end - start)
    }

    func spoken(_ value: String) -> String {
        guard let day = CalendarDay(iso: value) else { return value }
        return "\(day.weekdayName) \(day.day) \(Self.months[day.month - 1].firstCapitalized)"
    }

    /// The day named at `i` and the index after it. `strict`: an ordinal without a month must be
    /// written with digits ("the 5th") or follow "on the", since "the first thing" or "on second
    /// thought" in passing is not a date.
    private func day(at i: Int, in words: [String], today: CalendarDay, strict: Bool, afterPreposition: Bool) -> (CalendarDay, Int)? {
        guard let word = words[safe: i] else { return nil }
        // "a week today", "a week tomorrow", "a week on friday".
        if word == "a" || word == "in", words[safe: i + 1] == "week" {
            if words[safe: i + 2] == "today" { return (today.adding(days: 7), i + 3) }
            if words[safe: i + 2] == "tomorrow" { return (today.adding(days: 8), i + 3) }
        }
        // "next week tuesday", "next week on tuesday": that day of the coming Monday's week.
        if word == "next", words[safe: i + 1] == "week" {
            let k = words[safe: i + 2] == "on" ? i + 3 : i + 2
            if let weekday = words[safe: k].flatMap({ Self.weekdays.firstIndex(of: $0) }) {
                let toMonday = (8 - today.weekday) % 7 == 0 ? 7 : (8 - today.weekday) % 7
                return (today.adding(days: toMonday + weekday), k + 1)
            }
        }
        if word == "today" { return (today, i + 1) }
        if word == "tomorrow" { return (today.adding(days: 1), i + 1) }
        if let iso = CalendarDay(iso: word) { return (iso, i + 1) }

        var j = word == "the" ? i + 1 : i
        if words[safe: j] == "day", words[safe: j + 1] == "after", words[safe: j + 2] == "tomorrow" {
            return (today.adding(days: 2), j + 3)
        }

        // Hindi: aaj (today), kal (tomorrow: only the future is booked), parson (in two days).
        switch word {
        case "aaj": return (today, i + 1)
        case "kal": return (today.adding(days: 1), i + 1)
        case "parson", "parso", "parsoon": return (today.adding(days: 2), i + 1)
        default: break
        }

        j = ["next", "this", "coming"].contains(word) ? i + 1 : i
        if let weekday = words[safe: j].flatMap({ Self.weekdays.firstIndex(of: $0) }) {
            // "wednesday the 16th": the number says which Wednesday.
            if let numbered = day(at: j + 1, in: words, today: today, strict: false, afterPreposition: true),
               words[safe: j + 1] == "the" || words[safe: j + 1]?.first?.isNumber == true {
                return numbered
            }
            let ahead = (weekday + 1 - today.weekday + 7) % 7
            return (today.adding(days: ahead == 0 ? 7 : ahead), j + 1)
        }

        if let month = Self.month(word) {
            j = words[safe: i + 1] == "the" ? i + 2 : i + 1
            if let (number, length) = NumberWords.ordinal(words[j...]) ?? Self.cardinalDay(words[j...]) {
                return Self.resolve(month: month, day: number, from: j + length, in: words, today: today)
            }
            return nil
        }

        let hasThe = word == "the"
        j = hasThe ? i + 1 : i
        if let (number, length) = NumberWords.ordinal(words[j...]) {
            let next = j + length
            if let named = Self.dayOfMonth(number, monthAt: next, in: words, today: today) { return named }
            let writtenInDigits = words[j].first?.isNumber ?? false
            // "the fifteenth" in passing is a date; "the first thing", "the second one" are not.
            let spelledLate = hasThe && number >= 4 && !["time", "one", "thing", "floor", "person", "week"].contains(words[safe: next] ?? "")
            guard !strict || writtenInDigits || (hasThe && afterPreposition) || spelledLate else { return nil }
            return Self.nextDay(ofMonth: number, today: today).map { ($0, next) }
        }
        if let (number, length) = Self.cardinalDay(words[j...]) {
            return Self.dayOfMonth(number, monthAt: j + length, in: words, today: today)
        }
        return nil
    }

    /// Day `number` of the month named at `next` ("5th of march", "5 march"), or nil when no
    /// month is named there.
    private static func dayOfMonth(_ number: Int, monthAt next: Int, in words: [String], today: CalendarDay) -> (CalendarDay, Int)? {
        if words[safe: next] == "of", let month = words[safe: next + 1].flatMap(Self.month) {
            return resolve(month: month, day: number, from: next + 2, in: words, today: today)
        }
        if let month = words[safe: next].flatMap(Self.month) {
            return resolve(month: month, day: number, from: next + 1, in: words, today: today)
        }
        return nil
    }

    private static func month(_ word: String) -> Int? {
        months.firstIndex(of: word).map { $0 + 1 } ?? monthAbbreviations[word]
    }

    private static func cardinalDay(_ words: ArraySlice<String>) -> (value: Int, length: Int)? {
        guard let (value, length) = NumberWords.cardinal(words), (1...31).contains(value) else { return nil }
        return (value, length)
    }

    /// Month and day, with the year that may follow at `next`; without a year, the first such
    /// day from today on.
    private static func resolve(month: Int, day: Int, from next: Int, in words: [String], today: CalendarDay) -> (CalendarDay, Int)? {
        if let yearWord = words[safe: next], yearWord.count == 4, let year = NumberWords.digits(yearWord) {
            guard CalendarDay.isValid(year: year, month: month, day: day) else { return nil }
            return (CalendarDay(year: year, month: month, day: day), next + 1)
        }
        for year in today.year...(today.year + 8) where CalendarDay.isValid(year: year, month: month, day: day) {
            let candidate = CalendarDay(year: year, month: month, day: day)
            if candidate >= today { return (candidate, next) }
        }
        return nil
    }

    /// The first day numbered `day` from today on ("the 31st" skips months without one).
    private static func nextDay(ofMonth day: Int, today: CalendarDay) -> CalendarDay? {
        for offset in 0..<13 {
            let index = today.month - 1 + offset
            let (year, month) = (today.year + index / 12, index % 12 + 1)
            guard CalendarDay.isValid(year: year, month: month, day: day) else { continue }
            let candidate = CalendarDay(year: year, month: month, day: day)
            if candidate >= today { return candidate }
        }
        return nil
    }
}
