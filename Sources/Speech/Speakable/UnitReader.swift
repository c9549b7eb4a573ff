/// A number with a unit: "5 km" → "five kilometres", "3kg", "20°C" → "twenty degrees
/// Celsius", "-5 °C", "50%" → "fifty percent", "120 mmHg".
///
/// Units are matched with their case ("mg" milligrams, "MB" megabytes) and as whole words
/// ("5 min" but not "5 minutes"). Symbols a sentence uses otherwise stay unread unless glued to
/// the number: "h", "l" and "s" only as "5h", "2l", "30s" ("2 l" is too often a list letter).
struct UnitReader: SpanReader {
    struct Unit {
        let english: (one: String, many: String)
        let hindi: (one: String, many: String)
        var spaced = true
    }

    private static func unit(_ one: String, _ many: String, _ hindi: String, _ hindiMany: String? = nil, spaced: Bool = true) -> Unit {
        Unit(english: (one, many), hindi: (hindi, hindiMany ?? hindi), spaced: spaced)
    }

    /// Written forms, longest first so that "km/h" is not read as "km" and a stray "/h".
    static let units: [(String, Unit)] = [
        ("%", unit("percent", "percent", "प्रतिशत")),
        ("°C", unit("degree Celsius", "degrees Celsius", "डिग्री सेल्सियस")),
        ("° C", unit("degree Celsius", "degrees Celsius", "डिग्री सेल्सियस")),
        ("℃", unit("degree Celsius", "degrees Celsius", "डिग्री सेल्सियस")),
        ("°F", unit("degree Fahrenheit", "degrees Fahrenheit", "डिग्री फ़ारेनहाइट")),
        ("° F", unit("degree Fahrenheit", "degrees Fahrenheit", "डिग्री फ़ारेनहाइट")),
        ("℉", unit("degree Fahrenheit", "degrees Fahrenheit", "डिग्री फ़ारेनहाइट")),
        ("°", unit("degree", "degrees", "डिग्री")),
        ("mg/dL", unit("milligram per decilitre", "milligrams per decilitre", "मिलीग्राम प्रति डेसीलीटर")),
        ("km/h", unit("kilometre per hour", "kilometres per hour", "किलोमीटर प्रति घंटा")),
        ("kmph", unit("kilometre per hour", "kilometres per hour", "किलोमीटर प्रति घंटा")),
        ("mmHg", unit("millimetre of mercury", "millimetres of mercury", "मिलीमीटर मरकरी")),
        ("mph", unit("mile per hour", "miles per hour", "मील प्रति घंटा")),
        ("kWh", unit("kilowatt hour", "kilowatt hours", "किलोवाट घंटा")),
        ("bpm", unit("beat per minute", "beats per minute", "बीट्स प्रति मिनट")),
        ("km", unit("kilometre", "kilometres", "किलोमीटर")),
        ("cm", unit("centimetre", "centimetres", "सेंटीमीटर")),
        ("mm", unit("millimetre", "millimetres", "मिलीमीटर")),
        ("kg", unit("kilogram", "kilograms", "किलोग्राम")),
        ("mg", unit("milligram", "milligrams", "मिलीग्राम")),
        ("ml", unit("millilitre", "millilitres", "मिलीलीटर")),
        ("mL", unit("millilitre", "millilitres", "मिलीलीटर")),
        ("ft", unit("foot", "feet", "फ़ुट")),
        ("lbs", unit("pound", "pounds", "पाउंड")),
        ("lb", unit("pound", "pounds", "पाउंड")),
        ("hrs", unit("hour", "hours", "घंटा", "घंटे")),
        ("hr", unit("hour", "hours", "घंटा", "घंटे")),
        ("mins", unit("minute", "minutes", "मिनट")),
        ("min", unit("minute", "minutes", "मिनट")),
        ("secs", unit("second", "seconds", "सेकंड")),
        ("sec", unit("second", "seconds", "सेकंड")),
        ("ms", unit("millisecond", "milliseconds", "मिलीसेकंड")),
        ("TB", unit("terabyte", "terabytes", "टेराबाइट")),
        ("GB", unit("gigabyte", "gigabytes", "गीगाबाइट")),
        ("MB", unit("megabyte", "megabytes", "मेगाबाइट")),
        ("KB", unit("kilobyte", "kilobytes", "किलोबाइट")),
        ("kB", unit("kilobyte", "kilobytes", "किलोबाइट")),
        ("kW", unit("kilowatt", "kilowatts", "किलोवाट")),
        ("Hz", unit("hertz", "hertz", "हर्ट्ज़")),
        ("m", unit("metre", "metres", "मीटर")),
        ("g", unit("gram", "grams", "ग्राम")),
        ("L", unit("litre", "litres", "लीटर")),
        ("l", unit("litre", "litres", "लीटर", spaced: false)),
        ("h", unit("hour", "hours", "घंटा", "घंटे", spaced: false)),
        ("s", unit("second", "seconds", "सेकंड", spaced: false)),
        ("W", unit("watt", "watts", "वाट")),
        ("V", unit("volt", "volts", "वोल्ट")),
    ]

    /// The units by their first scalar, in the order above: a number followed by anything else
    /// is passed over at once.
    private static let byLead: [Unicode.Scalar: [(String, Unit)]] = Dictionary(grouping: units) { $0.0.unicodeScalars.first! }

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        lead.isDecimalDigit || lead == "-" || lead == "+"
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let sign = cursor.sign()
        let start = cursor.at
        guard let number = cursor.number(), let (written, unit) = Self.take(&cursor) else { return nil }
        // "30s" is thirty seconds, but "the 30s" and "1990s" are decades.
        if written == "s", NumberReader.isDecade(number.integer, from: start, cursor) { return nil }
        let language = context.language(for: number)
        let one = number.value == 1 && number.fraction == nil
        let name = language == .hindi ? (one ? unit.hindi.one : unit.hindi.many) : (one ? unit.english.one : unit.english.many)
        let said = language.number(number) + " " + name
        return sign.map { language.word($0) + " " + said } ?? said
    }

    /// The unit after a number, as a whole word (a sign like "%" needs no word end).
    private static func take(_ cursor: inout TextCursor) -> (String, Unit)? {
        var probe = cursor
        let spaced = probe.skipSpaces() > 0
        guard let lead = probe.current?.unicodeScalars.first, let candidates = byLead[lead] else { return nil }
        for (written, unit) in candidates where !spaced || unit.spaced {
            var attempt = probe
            guard attempt.take(written) else { continue }
            if written.last!.isLetter, !attempt.atWordEnd { continue }
            cursor = attempt
            return (written, unit)
        }
        return nil
    }
}
