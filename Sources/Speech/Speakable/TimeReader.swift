/// Times of day: "10:30" → "ten thirty", "10:05 am" → "ten oh five AM", "9 p.m." → "nine PM",
/// "10:00" → "ten o'clock"; in Hindi the clock's own words: "10:30" → "साढ़े दस बजे", "9:15 pm"
/// → "रात सवा नौ बजे".
///
/// A 24-hour time is said on the 12-hour clock with its half of the day ("14:30" → "two
/// thirty PM"): a caller hears it without converting. A bare hour needs am or pm ("at 9" is a
/// number); "10.30" is a time only with am or pm, otherwise a decimal.
struct TimeReader: SpanReader {
    enum Half { case am, pm }

    /// Parts of the day, said before a time in Hindi: one already written is not said again.
    private static let hindiParts: Set<String> = ["सुबह", "दोपहर", "शाम", "रात"]
    private static let meridiems: [(String, Half)] = [
        ("a.m.", .am), ("p.m.", .pm), ("a.m", .am), ("p.m", .pm), ("am", .am), ("pm", .pm),
    ]

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let start = cursor.at
        guard let hourDigits = cursor.digits(1...2), let hour = Int(hourDigits) else { return nil }
        var minute: Int?
        var probe = cursor
        if let separator = probe.take(anyOf: ":."), let digits = probe.digits(2...2), let value = Int(digits), value < 60 {
            minute = value
            cursor = probe
            var spaced = cursor
            spaced.skipSpaces()
            if separator == "." {
                guard Self.takeMeridiem(spaced) != nil else { return nil }
            }
            // Seconds are left unsaid: "10:30:00" is "ten thirty".
            var seconds = cursor
            if separator == ":", seconds.take(":"), seconds.digits(2...2).flatMap(Int.init).map({ $0 < 60 }) == true {
                cursor = seconds
            }
        }
        probe = cursor
        probe.skipSpaces()
        let half = Self.takeMeridiem(probe)
        if let half {
            cursor = half.end
            guard (1...12).contains(hour) else { return nil }
        } else {
            guard minute != nil, hour <= 24, cursor.current != ":" else { return nil }
        }
        let language = context.language(devanagariDigits: cursor.chars[start..<cursor.at].contains { $0.isDevanagariDigit })
        if language == .hindi {
            let saysPart = cursor.word(before: start).map(Self.hindiParts.contains) ?? false
            return Self.hindi(hour: hour, minute: minute ?? 0, half: half?.half, &cursor, withPart: !saysPart)
        }
        return Self.english(hour: hour, minute: minute, half: half?.half)
    }

    private static func takeMeridiem(_ cursor: TextCursor) -> (half: Half, end: TextCursor)? {
        for (written, half) in meridiems {
            var probe = cursor
            if probe.take(written, ignoringCase: true), probe.atWordEnd { return (half, probe) }
        }
        return nil
    }

    static func english(hour: Int, minute: Int?, half: Half?) -> String {
        var half = half
        var hour = hour
        if half == nil, hour == 0 || hour == 24 || hour > 12 {
            half = hour >= 12 && hour < 24 ? .pm : .am
            hour = hour % 12 == 0 ? 12 : hour % 12
        }
        let minutes: String
        switch minute ?? 0 {
        case 0: minutes = half == nil ? " o'clock" : ""
        case 1..<10: minutes = " oh " + EnglishNumberWords.cardinal(minute!)
        default: minutes = " " + EnglishNumberWords.cardinal(minute!)
        }
        let suffix = half.map { $0 == .am ? " AM" : " PM" } ?? ""
        return EnglishNumberWords.cardinal(hour) + minutes + suffix
    }

    /// Quarter and half hours have their own words (सवा, साढ़े, पौने; डेढ़ and ढाई for 1:30 and
    /// 2:30); a part of the day (सुबह, दोपहर, शाम, रात) stands for am and pm, unless the text
    /// names one just before. A "बजे" the text
    /// already has after the time is taken with it, not said twice.
    static func hindi(hour: Int, minute: Int, half: Half?, _ cursor: inout TextCursor, withPart: Bool) -> String {
        let hour24 = half == .pm ? hour % 12 + 12 : half == .am ? hour % 12 : hour % 24
        let hour12 = hour24 % 12 == 0 ? 12 : hour24 % 12
        var part = ""
        if withPart, half != nil || hour24 > 12 || hour24 == 0 {
            switch hour24 {
            case 4..<12: part = "सुबह "
            case 12..<16: part = "दोपहर "
            case 16..<20: part = "शाम "
            default: part = "रात "
            }
        }
        var probe = cursor
        probe.skipSpaces()
        if probe.takeWord(["बजे"]) != nil { cursor = probe }
        let word = HindiNumberWords.cardinal
        switch minute {
        case 0: return part + word(hour12) + " बजे"
        case 15: return part + "सवा " + word(hour12) + " बजे"
        case 30 where hour12 == 1: return part + "डेढ़ बजे"
        case 30 where hour12 == 2: return part + "ढाई बजे"
        case 30: return part + "साढ़े " + word(hour12) + " बजे"
        case 45: return part + "पौने " + word(hour12 % 12 + 1) + " बजे"
        default: return part + word(hour12) + " बजकर " + word(minute) + " मिनट"
        }
    }
}
