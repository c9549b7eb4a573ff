/// The language a span is said in, and the words for numbers in it.
///
/// The voice's language decides, except that a number written in Devanagari digits, or standing
/// among Devanagari words, is Hindi whatever the voice: "Devanagari text is spoken the Hindi
/// way". A Hindi voice says every number in Hindi, in Latin text too: espeak-ng's Hindi voice
/// reads the Latin words around it with its English rules, and the numbers in its own.
enum SpokenLanguage: Sendable {
    case english, hindi

    /// `en`, `en-us`, `hi`, `hi-IN`, `hi+f3`: only the language before `-`, `_` or `+` counts.
    init(voice: String) {
        let language = voice.lowercased().prefix { $0.isLetter }
        self = language == "hi" ? .hindi : .english
    }

    func cardinal(_ n: Int, indian: Bool = false) -> String {
        self == .hindi ? HindiNumberWords.cardinal(n) : EnglishNumberWords.cardinal(n, indian: indian)
    }

    func ordinal(_ n: Int) -> String {
        self == .hindi ? HindiNumberWords.ordinal(n) : EnglishNumberWords.ordinal(n)
    }

    func year(_ n: Int) -> String {
        self == .hindi ? HindiNumberWords.year(n) : EnglishNumberWords.year(n)
    }

    /// Digit by digit: "9 8 7" → "nine eight seven".
    func digits(_ digits: String) -> String {
        self == .hindi ? HindiNumberWords.digits(digits) : EnglishNumberWords.digits(digits)
    }

    /// A written number in words: the integer (Indian-grouped ones with lakhs and crores in
    /// English too) and its fraction digit by digit ("three point one four"). Past 18 digits,
    /// digit by digit.
    func number(_ number: WrittenNumber) -> String {
        guard let value = number.value else { return digits(number.integer + (number.fraction ?? "")) }
        let integer = cardinal(value, indian: number.grouping == .indian)
        guard let fraction = number.fraction else { return integer }
        return integer + " " + word(.point) + " " + digits(fraction)
    }

    /// Small words the readers put between numbers.
    enum Word { case point, minus, plus, to, and, over, number, about }

    func word(_ word: Word) -> String {
        switch (word, self) {
        case (.point, .english): "point"
        case (.point, .hindi): "दशमलव"
        case (.minus, .english): "minus"
        case (.minus, .hindi): "माइनस"
        case (.plus, .english): "plus"
        case (.plus, .hindi): "प्लस"
        case (.to, .english): "to"
        case (.to, .hindi): "से"
        case (.and, .english): "and"
        case (.and, .hindi): "और"
        case (.over, .english): "over"
        case (.over, .hindi): "बटा"
        case (.number, .english): "number"
        case (.number, .hindi): "नंबर"
        case (.about, .english): "about"
        case (.about, .hindi): "लगभग"
        }
    }
}
