/// Amounts of money: "$12.50" → "twelve dollars and fifty cents", "₹1,200" → "one thousand two
/// hundred rupees" ("एक हज़ार दो सौ रुपये" in Hindi), "Rs. 500/-", "रु. 500", "INR 500", "500 INR",
/// "$2.5 million", "₹5 lakh", "₹500–1,000" → "five hundred to one thousand rupees".
///
/// Two decimals are the minor unit (cents, paise); more are a decimal of the major one.
struct CurrencyReader: SpanReader {
    struct Currency {
        let english: (one: String, many: String, minorOne: String, minorMany: String)
        let hindi: (one: String, many: String, minor: String)
    }

    static let dollar = Currency(english: ("dollar", "dollars", "cent", "cents"), hindi: ("डॉलर", "डॉलर", "सेंट"))
    static let rupee = Currency(english: ("rupee", "rupees", "paisa", "paise"), hindi: ("रुपया", "रुपये", "पैसे"))
    static let euro = Currency(english: ("euro", "euros", "cent", "cents"), hindi: ("यूरो", "यूरो", "सेंट"))
    static let pound = Currency(english: ("pound", "pounds", "penny", "pence"), hindi: ("पाउंड", "पाउंड", "पेंस"))

    /// Written before the amount; codes and "Rs" only as words of their own.
    private static let prefixes: [(written: String, currency: Currency, word: Bool)] = [
        ("US$", dollar), ("$", dollar), ("₹", rupee), ("€", euro), ("£", pound), ("Rs.", rupee), ("Rs", rupee),
        ("RS.", rupee), ("RS", rupee), ("INR", rupee), ("USD", dollar), ("EUR", euro), ("GBP", pound), ("रु.", rupee), ("रु", rupee),
    ].map { written, currency in (written, currency, written.last!.isLetter) }
    private static let suffixes: [(String, Currency)] = [("INR", rupee), ("USD", dollar), ("EUR", euro), ("GBP", pound)]
    /// A word of scale after an amount: "$2.5 million", "₹5 lakh", "$5k".
    struct Scale {
        let written: String
        let english: String
        let hindi: String
        /// "k", "M", "Cr" only glued to the number ("$5k"); words with or without a space.
        var glued = false
    }

    private static let scales = [
        Scale(written: "thousand", english: "thousand", hindi: "हज़ार"), Scale(written: "हज़ार", english: "thousand", hindi: "हज़ार"),
        Scale(written: "हजार", english: "thousand", hindi: "हज़ार"), Scale(written: "million", english: "million", hindi: "मिलियन"),
        Scale(written: "billion", english: "billion", hindi: "बिलियन"), Scale(written: "lakhs", english: "lakh", hindi: "लाख"),
        Scale(written: "lakh", english: "lakh", hindi: "लाख"), Scale(written: "लाख", english: "lakh", hindi: "लाख"),
        Scale(written: "crores", english: "crore", hindi: "करोड़"), Scale(written: "crore", english: "crore", hindi: "करोड़"),
        Scale(written: "करोड़", english: "crore", hindi: "करोड़"), Scale(written: "cr", english: "crore", hindi: "करोड़", glued: true),
        Scale(written: "Cr", english: "crore", hindi: "करोड़", glued: true), Scale(written: "bn", english: "billion", hindi: "बिलियन", glued: true),
        Scale(written: "mn", english: "million", hindi: "मिलियन", glued: true), Scale(written: "k", english: "thousand", hindi: "हज़ार", glued: true),
        Scale(written: "K", english: "thousand", hindi: "हज़ार", glued: true), Scale(written: "M", english: "million", hindi: "मिलियन", glued: true),
        Scale(written: "B", english: "billion", hindi: "बिलियन", glued: true),
    ]

    func mayStart(at lead: Unicode.Scalar, wordStart: Bool) -> Bool {
        lead.isDecimalDigit || Self.isSymbol(lead) || (wordStart && Self.isCodeInitial(lead))
    }

    private static func isSymbol(_ lead: Unicode.Scalar) -> Bool {
        switch lead.value {
        case 0x24, 0x20B9, 0x20AC, 0xA3: true // $ ₹ € £
        default: false
        }
    }

    /// The first letters of "Rs", "INR", "USD", "US$", "EUR", "GBP", "रु".
    private static func isCodeInitial(_ lead: Unicode.Scalar) -> Bool {
        switch lead {
        case "R", "I", "U", "E", "G", "र": true
        default: false
        }
    }

    func read(_ cursor: inout TextCursor, _ context: ReadingContext) -> String? {
        let prefix = Self.takePrefix(&cursor)
        guard let amount = Self.takeAmount(&cursor) else { return nil }
        var upper: (WrittenNumber, Scale?)?
        var probe = cursor
        if probe.take(anyOf: "-–") != nil {
            if prefix != nil { _ = Self.takePrefix(&probe) }
            if let second = Self.takeAmount(&probe) {
                upper = second
                cursor = probe
            }
        }
        guard let currency = prefix ?? Self.takeSuffix(&cursor) else { return nil }
        _ = cursor.take("/-")
        let language = context.language(devanagariDigits: amount.0.devanagari)
        if let (number, scale) = upper {
            let lower = language.number(amount.0) + (amount.1.map { " " + (language == .hindi ? $0.hindi : $0.english) } ?? "")
            return lower + " " + language.word(.to) + " " + Self.say(number, scale, currency, language)
        }
        return Self.say(amount.0, amount.1, currency, language)
    }

    private static func takePrefix(_ cursor: inout TextCursor) -> Currency? {
        guard cursor.at < cursor.text.count, isSymbol(cursor.text.leads[cursor.at]) || isCodeInitial(cursor.text.leads[cursor.at]) else { return nil }
        for (written, currency, word) in prefixes {
            var probe = cursor
            // "Rs" as a word of its own ("Rs 500", "Rs500"), not the start of "Rsvp".
            guard probe.take(written), !(word && probe.atLetter) else { continue }
            probe.skipSpaces()
            guard probe.digit() != nil else { continue }
            cursor = probe
            return currency
        }
        return nil
    }

    private static func takeSuffix(_ cursor: inout TextCursor) -> Currency? {
        var probe = cursor
        guard probe.skipSpaces() == 1, probe.current?.isUppercase == true else { return nil }
        for (written, currency) in suffixes where probe.takeWord([written]) != nil {
            cursor = probe
            return currency
        }
        return nil
    }

    /// A number and the scale word said after it, if any.
    private static func takeAmount(_ cursor: inout TextCursor) -> (WrittenNumber, Scale?)? {
        guard let number = cursor.number() else { return nil }
        var next = cursor
        next.skipSpaces()
        guard next.atLetter else { return (number, nil) }
        for scale in scales {
            var probe = cursor
            if !scale.glued { probe.skipSpaces() }
            if probe.take(scale.written), probe.atWordEnd {
                cursor = probe
                return (number, scale)
            }
        }
        return (number, nil)
    }

    private static func say(_ number: WrittenNumber, _ scale: Scale?, _ currency: Currency, _ language: SpokenLanguage) -> String {
        let hindi = language == .hindi
        if let scale {
            return language.number(number) + " " + (hindi ? scale.hindi : scale.english) + " " + (hindi ? currency.hindi.many : currency.english.many)
        }
        guard let units = number.value, let fraction = number.fraction.map({ $0.count == 1 ? $0 + "0" : $0 }), fraction.count == 2 else {
            let one = number.value == 1 && number.fraction == nil
            return language.number(number) + " " + (hindi ? (one ? currency.hindi.one : currency.hindi.many)
                                                         : (one ? currency.english.one : currency.english.many))
        }
        let minor = Int(fraction) ?? 0
        let indian = number.grouping == .indian
        let major = language.cardinal(units, indian: indian) + " "
            + (hindi ? (units == 1 ? currency.hindi.one : currency.hindi.many) : (units == 1 ? currency.english.one : currency.english.many))
        guard minor > 0 else { return major }
        let minorWords = language.cardinal(minor) + " " + (hindi ? currency.hindi.minor : (minor == 1 ? currency.english.minorOne : currency.english.minorMany))
        if units == 0 { return minorWords }
        return major + (hindi ? " " : " and ") + minorWords
    }
}
