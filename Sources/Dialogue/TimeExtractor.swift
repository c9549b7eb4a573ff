/// `time` slots: a time of day, stored as 24-hour `10:30`.
///
/// Understood: "ten", "10", "ten thirty", "ten oh five", "10:30", "half past ten", "quarter to
/// four", "twenty past nine", "3 pm", "three p m", "seven in the evening", "noon", "midday",
/// "midnight", "eleven o'clock", "half two" (2:30), Hindi "paanch baje", "saade das", with an
/// optional leading "at", "around", "about" or "by". Without am/pm a bare
/// hour from 1 to 7 means the afternoon (a clinic's "at three" is 15:00), 8 to 11 the morning and
/// 12 noon; hours written from 13 to 23, or with a leading zero ("09:30"), are 24-hour times.
///
/// When not expected, a time needs something that makes it one: "at", am/pm, "o'clock", a colon,
/// "past"/"to", or noon/midnight — "ten" alone could be anything.
/// Said back as "10 AM", "10:30 AM", "3 PM", "noon", "midnight".
struct TimeExtractor: SlotExtractor {
    private enum Period { case am, pm }

    func value(at start: Int, in words: [String], context: ExtractionContext) -> (value: String, length: Int)? {
        // The part of the day first, as Indian English and Hindi say it: "evening 5", "subah 10 baje".
        if let period = Self.dayParts[words[safe: start] ?? ""], let (minutes, end, _) = clock(at: start + 1, in: words) {
            let hour = minutes / 60
            let shifted = period == .pm && hour < 12 ? minutes + 12 * 60 : period == .am && hour == 12 ? minutes - 12 * 60 : minutes
            return (Self.canonical(shifted), end - start)
        }
        let anchored = ["at", "around", "about", "by"].contains(words[safe: start] ?? "")
        guard let (minutes, end, selfEvident) = clock(at: anchored ? start + 1 : start, in: words),
              anchored || selfEvident || context.mode == .expected
        else { return nil }
        // "15 hours", "14 hours 30": the continental way of saying a 24-hour time.
        if words[safe: end] == "hours", minutes >= 13 * 60 {
            if let (extra, length) = NumberWords.cardinal(words[(end + 1)...]), (1...59).contains(extra), minutes % 60 == 0 {
                return (Self.canonical(minutes + extra), end + 1 + length - start)
            }
            return (Self.canonical(minutes), end + 1 - start)
        }
        return (Self.canonical(minutes), end - start)
    }

    private static let dayParts: [String: Period] = ["morning": .am, "subah": .am, "evening": .pm, "afternoon": .pm,
                                                     "shaam": .pm, "dopahar": .pm, "night": .pm, "raat": .pm]

    func spoken(_ value: String) -> String {
        guard let minutes = Self.minutes(of: value) else { return value }
        if minutes == 12 * 60 { return "noon" }
        if minutes == 0 { return "midnight" }
        let (hour, minute) = (minutes / 60, minutes % 60)
        let period = hour < 12 ? "AM" : "PM"
        let clockHour = hour % 12 == 0 ? 12 : hour % 12
        return minute == 0 ? "\(clockHour) \(period)" : "\(clockHour):\(Self.twoDigits(minute)) \(period)"
    }

    /// `10:05` for 605 minutes after midnight.
    static func canonical(_ minutes: Int) -> String { "\(twoDigits(minutes / 60)):\(twoDigits(minutes % 60))" }

    /// Minutes after midnight of a canonical `HH:MM`.
    static func minutes(of value: String) -> Int? {
        let parts = value.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return hour * 60 + minute
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Minutes after midnight, the index after the time, and whether the words alone make it a time.
    private func clock(at i: Int, in words: [String]) -> (Int, Int, Bool)? {
        guard let word = words[safe: i] else { return nil }
        if word == "noon" || word == "midday" { return (12 * 60, i + 1, true) }
        if word == "midnight" { return (0, i + 1, true) }

        if let (hour, minute, leadingZero) = Self.written(word) {
            let (period, end) = period(at: i + 1, in: words)
            guard let hour24 = Self.hour24(hour, period: period, twentyFourHour: leadingZero) else { return nil }
            return (hour24 * 60 + minute, end, true)
        }

        if let (offset, afterOffset) = minutesPastOrTo(at: i, in: words),
           let (hour, afterHour) = clockHour(at: afterOffset, in: words) {
            let (period, end) = period(at: afterHour, in: words)
            guard let hour24 = Self.hour24(hour, period: period, twentyFourHour: false) else { return nil }
            return (((hour24 * 60 + offset) % 1440 + 1440) % 1440, end, true)
        }

        if let (hour, minute, afterHour) = halfHour(at: i, in: words) {
            let (period, end) = period(at: afterHour, in: words)
            guard let hour24 = Self.hour24(hour, period: period, twentyFourHour: false) else { return nil }
            return (hour24 * 60 + minute, end, true)
        }

        guard let (hour, afterHour) = clockHour(at: i, in: words) else { return nil }
        var j = afterHour
        var minute = 0
        if words[safe: j] == "oh", let unit = words[safe: j + 1].flatMap(NumberWords.singleWordValue), (1...9).contains(unit) {
            minute = unit
            j += 2
        } else if let next = words[safe: j], next.count == 2, let value = NumberWords.digits(next), value <= 59 {
            minute = value
            j += 1
        } else if let (value, length) = NumberWords.cardinal(words[j...]), (10...59).contains(value) {
            minute = value
            j += length
        }
        // "ten thirty", "two fifteen", "nine oh five": an hour and its minutes say clock time.
        var selfEvident = j > afterHour && minute >= 5
        if words[safe: j] == "oclock" || words[safe: j] == "baje" || words[safe: j] == "bje" {
            selfEvident = true
            j += 1
        } else if words[safe: j] == "o", words[safe: j + 1] == "clock" {
            selfEvident = true
            j += 2
        }
        let (period, end) = period(at: j, in: words)
        let twentyFourHour = hour > 12 || hour == 0 || words[i].hasPrefix("0")
        guard let hour24 = Self.hour24(hour, period: period, twentyFourHour: twentyFourHour) else { return nil }
        return (hour24 * 60 + minute, end, selfEvident || period != nil)
    }

    /// "half two" (British: 2:30), Hindi "saade teen" (3:30), "sawa" (a quarter past), "paune"
    /// (a quarter to), "dhai" (2:30), "dedh" (1:30): hour, minute and the index after.
    private func halfHour(at i: Int, in words: [String]) -> (Int, Int, Int)? {
        switch words[safe: i] {
        case "dhai", "dhaai": return (2, 30, i + 1)
        case "dedh", "derh": return (1, 30, i + 1)
        case "half", "saade", "sade", "sawa", "paune":
            guard let (hour, after) = clockHour(at: i + 1, in: words), words[safe: after] != "past", words[safe: after] != "to"
            else { return nil }
            switch words[i] {
            case "sawa": return (hour, 15, after)
            case "paune": return hour == 1 ? (12, 45, after) : (hour - 1, 45, after)
            default: return (hour, 30, after)
            }
        default: return nil
        }
    }

    /// Hindi hours, as said before "baje" or after "saade", "sawa", "paune".
    private static let hindiHours = ["ek": 1, "do": 2, "teen": 3, "chaar": 4, "char": 4, "paanch": 5, "panch": 5, "chhe": 6,
                                     "che": 6, "saat": 7, "aath": 8, "nau": 9, "das": 10, "gyarah": 11, "barah": 12, "baarah": 12]

    /// An hour said or written on its own: digits 0–23 or the words one to twenty-three, or
    /// a Hindi hour where it is one ("das baje", "saade das").
    private func clockHour(at i: Int, in words: [String]) -> (Int, Int)? {
        guard let word = words[safe: i] else { return nil }
        if let value = NumberWords.digits(word) { return value <= 23 ? (value, i + 1) : nil }
        if let value = Self.hindiHours[word],
           words[safe: i + 1] == "baje" || ["saade", "sade", "sawa", "paune"].contains(words[safe: i - 1] ?? "") {
            return (value, i + 1)
        }
        // "fifteen thirty", "fifteen hundred": a 24-hour clock said in words, never a bare "thirteen".
        guard let value = NumberWords.singleWordValue(word), (1...23).contains(value) else { return nil }
        if value > 12 {
            let minutes = NumberWords.cardinal(words[(i + 1)...]).map { (10...59).contains($0.value) } ?? false
            guard minutes || words[safe: i + 1] == "hundred" || words[safe: i + 1] == "oh" else { return nil }
        }
        return (value, i + 1)
    }

    /// "half past", "quarter to", "a quarter past", "twenty past", "five to", "ten after": the
    /// signed minutes and the index of the hour that follows.
    private func minutesPastOrTo(at i: Int, in words: [String]) -> (Int, Int)? {
        var j = words[safe: i] == "a" ? i + 1 : i
        let amount: Int
        if words[safe: j] == "quarter" {
            amount = 15
            j += 1
        } else if words[safe: j] == "half" {
            amount = 30
            j += 1
        } else if let (value, length) = NumberWords.cardinal(words[j...]), (1...30).contains(value) {
            amount = value
            j += length
            if words[safe: j] == "minutes" || words[safe: j] == "minute" { j += 1 }
        } else {
            return nil
        }
        switch words[safe: j] {
        case "past", "after": return (amount, j + 1)
        case "to", "before": return amount == 30 ? nil : (-amount, j + 1)
        default: return nil
        }
    }

    /// am/pm after a time, in any of the ways it is said or written.
    private func period(at j: Int, in words: [String]) -> (Period?, Int) {
        switch words[safe: j] {
        case "am": return (.am, j + 1)
        case "pm": return (.pm, j + 1)
        case "a" where words[safe: j + 1] == "m": return (.am, j + 2)
        case "p" where words[safe: j + 1] == "m": return (.pm, j + 2)
        case "tonight": return (.pm, j + 1)
        case "in", "this":
            let k = words[safe: j] == "in" && words[safe: j + 1] == "the" ? j + 2 : j + 1
            switch words[safe: k] {
            case "morning": return (.am, k + 1)
            case "afternoon", "evening": return (.pm, k + 1)
            default: return (nil, j)
            }
        case "at" where words[safe: j + 1] == "night": return (.pm, j + 2)
        default: return (nil, j)
        }
    }

    /// `10:30`, `10.30`, `09:30`: hour, minute, and whether a leading zero makes it 24-hour.
    private static func written(_ word: String) -> (Int, Int, Bool)? {
        let parts = word.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[1].count == 2, let hour = NumberWords.digits(String(parts[0])),
              let minute = NumberWords.digits(String(parts[1])), hour <= 23, minute <= 59 else { return nil }
        return (hour, minute, parts[0].hasPrefix("0") || hour > 12 || hour == 0)
    }

    /// The hour on a 24-hour clock, by the rules in the type's comment; nil for "13 pm".
    private static func hour24(_ hour: Int, period: Period?, twentyFourHour: Bool) -> Int? {
        switch period {
        case .am?: return (1...12).contains(hour) ? hour % 12 : nil
        case .pm?: return (1...12).contains(hour) ? hour % 12 + 12 : nil
        case nil:
            if twentyFourHour { return hour }
            switch hour {
            case 1...7: return hour + 12
            default: return hour
            }
        }
    }
}
